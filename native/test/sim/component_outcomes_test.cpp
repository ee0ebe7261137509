// What a simulated writer records per component (the backup type, options and previous stamp it was told, its
// own stamp, SetBackupSucceeded) and the component faults: a component that fails at a phase records the error
// for GetWriterComponents while the writer and its other components carry on.
#include "sim/components.h"
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const Guid kClass{0x5151, 0x1};
const Guid kInstance{0x5151, 0x2};
const WString kPath = u"INSTANCE1";

WriterComponent database(const WString& name) {
  WriterComponent component;
  component.type = component_type::DATABASE;
  component.logicalPath = kPath;
  component.name = name;
  component.selectableForBackup = true;
  return component;
}

ComponentFault faultOf(const WString& name, WriterPhase phase, hresult failure) {
  return ComponentFault{component_type::DATABASE, kPath, name, phase, failure};
}

class ComponentOutcomesTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    WriterSpec spec{u"SqlServerWriter", kClass, kInstance};
    spec.backupSchema = 0x2;  // VSS_BS_DIFFERENTIAL
    spec.components = {database(u"db1"), database(u"db2")};
    machine->addWriter(spec);
  }

  // A component-mode backup of db1 and db2 of `type`, up to a finished DoSnapshotSet, or the first failure.
  hresult backUpBoth(BackupComponents& object, std::int32_t type, const WString& previousStamp = u"") {
    if (hresult r = object.setBackupState(true, false, type, false); failed(r)) return r;
    if (hresult r = runAsync([&](auto& a) { return object.gatherWriterMetadata(a); }); r != hr::kAsyncFinished) {
      return r;
    }
    for (const WString name : {u"db1", u"db2"}) {
      if (hresult r = object.addComponent(kInstance, kClass, component_type::DATABASE, &kPath, name); failed(r)) {
        return r;
      }
    }
    if (hresult r = object.setBackupOptions(kClass, component_type::DATABASE, &kPath, u"db1", u"COPY_ONLY=0");
        failed(r)) {
      return r;
    }
    if (!previousStamp.empty()) {
      if (hresult r = object.setPreviousBackupStamp(kClass, component_type::DATABASE, &kPath, u"db1", previousStamp);
          failed(r)) {
        return r;
      }
    }
    if (hresult r = startAndPrepare(object, u"D:\\"); failed(r)) return r;
    return doSnapshot(object);
  }

  hresult tell(BackupComponents& object, const WString& name, bool succeeded) {
    return object.setBackupSucceeded(kInstance, kClass, component_type::DATABASE, &kPath, name, succeeded);
  }

  const RecordedComponent* recordedOf(const std::vector<RecordedComponent>& rows, const WString& name) {
    for (const RecordedComponent& row : rows) {
      if (row.componentName == name) return &row;
    }
    ADD_FAILURE() << "no recorded component named " << std::string(name.begin(), name.end());
    return nullptr;
  }
};

TEST_F(ComponentOutcomesTest, TheWriterRecordsWhatItWasToldPerComponent) {
  auto object = initialized();
  ASSERT_EQ(backUpBoth(*object, backup_type::FULL), hr::kAsyncFinished);
  ASSERT_EQ(tell(*object, u"db1", true), hr::kOk);
  ASSERT_EQ(tell(*object, u"db2", false), hr::kOk);
  const auto outcomes = machine->componentOutcomes();
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_EQ(outcomes[0].componentName, u"db1");
  EXPECT_TRUE(outcomes[0].succeeded);
  EXPECT_EQ(outcomes[0].backupType, backup_type::FULL);
  EXPECT_EQ(outcomes[0].backupOptions, u"COPY_ONLY=0");
  EXPECT_EQ(outcomes[0].previousBackupStamp, u"");
  EXPECT_FALSE(outcomes[0].backupStamp.empty());
  EXPECT_EQ(outcomes[0].failure, hr::kOk);
  EXPECT_EQ(outcomes[1].componentName, u"db2");
  EXPECT_FALSE(outcomes[1].succeeded);
  EXPECT_EQ(outcomes[1].backupOptions, u"");
  ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
}

TEST_F(ComponentOutcomesTest, AnIncrementalPassesTheEarlierStampBack) {
  auto full = initialized();
  ASSERT_EQ(backUpBoth(*full, backup_type::FULL), hr::kAsyncFinished);
  std::vector<RecordedComponent> recorded;
  ASSERT_EQ(full->getWriterComponents(recorded), hr::kOk);
  const RecordedComponent* db1 = recordedOf(recorded, u"db1");
  ASSERT_NE(db1, nullptr);
  const WString stamp = db1->backupStamp;
  ASSERT_FALSE(stamp.empty());
  full.reset();

  auto differential = initialized();
  ASSERT_EQ(backUpBoth(*differential, backup_type::DIFFERENTIAL, stamp), hr::kAsyncFinished);
  ASSERT_EQ(tell(*differential, u"db1", true), hr::kOk);
  const auto outcomes = machine->componentOutcomes();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].backupType, backup_type::DIFFERENTIAL);
  EXPECT_EQ(outcomes[0].previousBackupStamp, stamp);
  EXPECT_NE(outcomes[0].backupStamp, stamp);  // a new backup, a new stamp
}

TEST_F(ComponentOutcomesTest, AComponentFailsAloneAtItsPhase) {
  ASSERT_TRUE(machine->addComponentFault(kInstance, faultOf(u"db2", WriterPhase::Freeze,
                                                           hr::kWriterErrorNonRetryable)));
  auto object = initialized();
  ASSERT_EQ(backUpBoth(*object, backup_type::FULL), hr::kAsyncFinished);  // the set is made all the same
  std::vector<RecordedComponent> recorded;
  ASSERT_EQ(object->getWriterComponents(recorded), hr::kOk);
  const RecordedComponent* db1 = recordedOf(recorded, u"db1");
  const RecordedComponent* db2 = recordedOf(recorded, u"db2");
  ASSERT_NE(db1, nullptr);
  ASSERT_NE(db2, nullptr);
  EXPECT_EQ(db1->failure, hr::kOk);
  EXPECT_FALSE(db1->backupStamp.empty());
  EXPECT_EQ(db2->failure, hr::kWriterErrorNonRetryable);
  EXPECT_TRUE(db2->backupStamp.empty());  // failed before the copies existed: not stamped
  // The writer as a whole is not failed [I].
  const auto states = machine->writerStates();
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(states[0].failure, hr::kOk);
  EXPECT_EQ(states[0].state, writer_state::WAITING_FOR_BACKUP_COMPLETE);
  WString document;
  ASSERT_EQ(object->saveAsXml(document), hr::kOk);
  EXPECT_NE(document.find(u"failure=\"0x800423F4\""), WString::npos);
  ASSERT_EQ(tell(*object, u"db2", false), hr::kOk);
  const auto outcomes = machine->componentOutcomes();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].failure, hr::kWriterErrorNonRetryable);
  ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
}

TEST_F(ComponentOutcomesTest, AFailureAtBackupCompleteShowsInTheToldOutcome) {
  ASSERT_TRUE(machine->addComponentFault(kInstance, faultOf(u"db1", WriterPhase::BackupComplete,
                                                           hr::kWriterErrorRetryable)));
  auto object = initialized();
  ASSERT_EQ(backUpBoth(*object, backup_type::FULL), hr::kAsyncFinished);
  ASSERT_EQ(tell(*object, u"db1", true), hr::kOk);
  EXPECT_EQ(machine->componentOutcomes().at(0).failure, hr::kOk);  // not yet
  ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
  const auto outcomes = machine->componentOutcomes();
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_EQ(outcomes[0].failure, hr::kWriterErrorRetryable);
  EXPECT_TRUE(outcomes[0].succeeded);  // the requester's word is kept
}

TEST_F(ComponentOutcomesTest, AComponentNotSelectedDoesNotFail) {
  ASSERT_TRUE(machine->addComponentFault(kInstance, faultOf(u"db2", WriterPhase::PrepareBackup,
                                                           hr::kWriterErrorRetryable)));
  auto object = initialized();
  ASSERT_EQ(object->setBackupState(true, false, backup_type::FULL, false), hr::kOk);
  ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
  ASSERT_EQ(object->addComponent(kInstance, kClass, component_type::DATABASE, &kPath, u"db1"), hr::kOk);
  ASSERT_EQ(startAndPrepare(*object, u"D:\\"), hr::kOk);
  std::vector<RecordedComponent> recorded;
  ASSERT_EQ(object->getWriterComponents(recorded), hr::kOk);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].failure, hr::kOk);
}

TEST_F(ComponentOutcomesTest, AFaultMustNameAComponentAndAPhaseAfterIdentify) {
  EXPECT_FALSE(machine->addComponentFault(kInstance, faultOf(u"db9", WriterPhase::Freeze, hr::kWriterErrorRetryable)));
  EXPECT_FALSE(machine->addComponentFault(Guid{0x9, 0x9}, faultOf(u"db1", WriterPhase::Freeze,
                                                                  hr::kWriterErrorRetryable)));
  EXPECT_FALSE(machine->addComponentFault(kInstance, faultOf(u"db1", WriterPhase::Identify,
                                                            hr::kWriterErrorRetryable)));
  EXPECT_FALSE(machine->addComponentFault(kInstance, faultOf(u"db1", WriterPhase::None, hr::kWriterErrorRetryable)));
}

}  // namespace
}  // namespace vss4j::sim::test
