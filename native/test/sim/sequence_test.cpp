// The documented call sequence, end to end, in a writer context and in a no-writer context.
#include <set>

#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

constexpr std::int64_t kFileTime2020 = 132223104000000000LL;  // 2020-01-01 as FILETIME

TEST_F(SimTest, FullBackupSequenceWithTwoVolumesInBackupContext) {
  machine->addWriter(WriterSpec{u"System Writer", Guid{1, 1}, Guid{1, 2}});
  {
    auto object = create();
    ASSERT_NE(object, nullptr);
    ASSERT_EQ(object->initializeForBackup(nullptr), hr::kOk);
    ASSERT_EQ(object->setContext(ctx::BACKUP), hr::kOk);
    ASSERT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kOk);
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kAsyncFinished);
    std::vector<WriterMetadata> metadata;
    ASSERT_EQ(object->getWriterMetadata(metadata), hr::kOk);
    ASSERT_EQ(metadata.size(), 1u);
    EXPECT_EQ(metadata[0].writerName, u"System Writer");
    ASSERT_EQ(object->freeWriterMetadata(), hr::kOk);
    Guid set;
    ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
    EXPECT_FALSE(set.isNull());
    bool supported = false;
    ASSERT_EQ(object->isVolumeSupported(Guid{}, u"C:\\", supported), hr::kOk);
    EXPECT_TRUE(supported);
    Guid c, d;
    ASSERT_EQ(object->addToSnapshotSet(u"C:\\", Guid{}, c), hr::kOk);
    ASSERT_EQ(object->addToSnapshotSet(u"d:\\", kSystemProvider, d), hr::kOk);
    EXPECT_NE(c, d);
    EXPECT_NE(c, set);
    ASSERT_EQ(runAsync([&](auto& a) { return object->prepareForBackup(a); }), hr::kAsyncFinished);
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
    std::vector<WriterStatus> status;
    ASSERT_EQ(object->getWriterStatus(status), hr::kOk);
    ASSERT_EQ(status.size(), 1u);
    EXPECT_EQ(status[0].state, writer_state::WAITING_FOR_BACKUP_COMPLETE);

    SnapshotProperties pc, pd;
    ASSERT_EQ(object->getSnapshotProperties(c, pc), hr::kOk);
    ASSERT_EQ(object->getSnapshotProperties(d, pd), hr::kOk);
    EXPECT_EQ(pc.snapshotId, c);
    EXPECT_EQ(pc.snapshotSetId, set);
    EXPECT_EQ(pd.snapshotSetId, set);
    EXPECT_EQ(pc.snapshotsCount, 2);
    // Copies report the volume GUID path (the fixture's volumes have one from the machine), as Windows does.
    EXPECT_EQ(pc.originalVolumeName.rfind(u"\\\\?\\Volume{", 0), 0u);
    EXPECT_NE(pc.originalVolumeName, pd.originalVolumeName);
    EXPECT_EQ(pc.snapshotDeviceObject, u"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1");
    EXPECT_EQ(pd.snapshotDeviceObject, u"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2");
    EXPECT_EQ(pc.originatingMachine, u"VSS4J-SIM");
    EXPECT_EQ(pc.serviceMachine, u"VSS4J-SIM");
    EXPECT_EQ(pc.providerId, kSystemProvider);
    EXPECT_EQ(pc.snapshotAttributes, ctx::BACKUP | attr::DIFFERENTIAL);
    EXPECT_EQ(pc.status, kSnapshotStateCreated);
    EXPECT_GT(pc.creationTimestamp, kFileTime2020);
    EXPECT_EQ(machine->existingSnapshots().size(), 2u);

    // Not in component mode, nothing was added: the component is not in the Backup Components Document.
    ASSERT_EQ(object->setBackupSucceeded(Guid{1, 2}, Guid{1, 1}, 1, nullptr, u"component", true),
              hr::kObjectNotFound);
    ASSERT_EQ(runAsync([&](auto& a) { return object->backupComplete(a); }), hr::kAsyncFinished);
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
    ASSERT_EQ(object->getWriterStatus(status), hr::kOk);
    EXPECT_EQ(status[0].state, writer_state::STABLE);
    EXPECT_EQ(status[0].failure, hr::kOk);
    EXPECT_EQ(machine->liveObjects(), 1);
  }
  // Auto-release copies go with their object.
  EXPECT_TRUE(machine->existingSnapshots().empty());

  const std::vector<Operation> expected{
      Operation::CreateBackupComponents, Operation::InitializeForBackup, Operation::SetContext,
      Operation::SetBackupState,         Operation::GatherWriterMetadata, Operation::GetWriterMetadata,
      Operation::FreeWriterMetadata,     Operation::StartSnapshotSet,     Operation::IsVolumeSupported,
      Operation::AddToSnapshotSet,       Operation::AddToSnapshotSet,     Operation::PrepareForBackup,
      Operation::GatherWriterStatus,     Operation::DoSnapshotSet,        Operation::GatherWriterStatus,
      Operation::GetWriterStatus,        Operation::GetSnapshotProperties, Operation::GetSnapshotProperties,
      Operation::SetBackupSucceeded,     Operation::BackupComplete,       Operation::GatherWriterStatus,
      Operation::GetWriterStatus};
  EXPECT_EQ(machine->callLog(), expected);
}

TEST_F(SimTest, FileShareBackupNeedsNoWritersAndNoPrepare) {
  machine->addWriter(WriterSpec{u"System Writer", Guid{1, 1}, Guid{1, 2}});
  {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    std::vector<Guid> ids;
    ASSERT_EQ(prepareSet(*object, {u"C:\\", u"D:\\"}, false, &ids), hr::kOk);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    std::set<WString> devices;
    for (const Guid& id : ids) {
      SnapshotProperties p;
      ASSERT_EQ(object->getSnapshotProperties(id, p), hr::kOk);
      EXPECT_EQ(p.snapshotAttributes, attr::NO_WRITERS | attr::DIFFERENTIAL);
      EXPECT_EQ(p.snapshotsCount, 2);
      devices.insert(p.snapshotDeviceObject);
    }
    EXPECT_EQ(devices.size(), 2u);
    // No writer takes part: their status list is empty.
    ASSERT_EQ(runAsync([&](auto& a) { return object->gatherWriterStatus(a); }), hr::kAsyncFinished);
    std::vector<WriterStatus> status;
    ASSERT_EQ(object->getWriterStatus(status), hr::kOk);
    EXPECT_TRUE(status.empty());
    EXPECT_EQ(machine->existingSnapshots().size(), 2u);
  }
  EXPECT_TRUE(machine->existingSnapshots().empty());
}

TEST_F(SimTest, DeviceNumbersKeepGrowingOnTheMachineAndMachineNameIsConfigurable) {
  machine->setMachineName(u"HOST-7");
  EXPECT_EQ(machine->machineName(), u"HOST-7");
  for (int round = 1; round <= 3; ++round) {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    std::vector<Guid> ids;
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, false, &ids), hr::kOk);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    SnapshotProperties p;
    ASSERT_EQ(object->getSnapshotProperties(ids[0], p), hr::kOk);
    EXPECT_EQ(p.snapshotDeviceObject,
              u"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy" + WString(1, static_cast<char16_t>(u'0' + round)));
    EXPECT_EQ(p.originatingMachine, u"HOST-7");
  }
}

TEST_F(SimTest, CreateBackupComponentsCanBeDeniedByTheFaultPlan) {
  machine->addFault(FaultSpec{Operation::CreateBackupComponents, hr::kAccessDenied});
  std::unique_ptr<BackupComponents> object;
  EXPECT_EQ(machine->createBackupComponents(object), hr::kAccessDenied);
  EXPECT_EQ(object, nullptr);
  EXPECT_EQ(machine->createBackupComponents(object), hr::kOk);  // the second attempt is not in the plan
  EXPECT_NE(object, nullptr);
}

}  // namespace
}  // namespace vss4j::sim::test
