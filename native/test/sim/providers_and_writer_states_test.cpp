// Extra providers, and the writer states a whole machine shows between and after backups.
#include "sim_fixture.h"

namespace vss4j::sim::test {
namespace {

const Guid kVendorProvider{0x1111222233334444ULL, 0x5555666677778888ULL};

WriterSpec writer(const char16_t* name, std::uint64_t n, WriterPhase failsAt = WriterPhase::None) {
  return WriterSpec{name, Guid{n, 1}, Guid{n, 2}, failsAt, hr::kWriterErrorRetryable, false};
}

TEST_F(SimTest, AnUnregisteredProviderIsRefusedUntilAdded) {
  {
    auto object = initialized(ctx::FILE_SHARE_BACKUP);
    Guid set;
    Guid id;
    bool supported = false;
    ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
    EXPECT_EQ(object->addToSnapshotSet(u"C:\\", kVendorProvider, id), hr::kProviderNotRegistered);
    EXPECT_EQ(object->isVolumeSupported(kVendorProvider, u"C:\\", supported), hr::kProviderNotRegistered);
  }
  machine->addProvider(kVendorProvider);
  machine->addProvider(kVendorProvider);  // twice is once
  auto object = initialized(ctx::FILE_SHARE_BACKUP);
  Guid set;
  Guid viaVendor;
  Guid viaSystem;
  bool supported = false;
  EXPECT_EQ(object->isVolumeSupported(kVendorProvider, u"C:\\", supported), hr::kOk);
  EXPECT_TRUE(supported);
  ASSERT_EQ(object->startSnapshotSet(set), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"C:\\", kVendorProvider, viaVendor), hr::kOk);
  ASSERT_EQ(object->addToSnapshotSet(u"D:\\", Guid{}, viaSystem), hr::kOk);
  ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
  SnapshotProperties p;
  ASSERT_EQ(object->getSnapshotProperties(viaVendor, p), hr::kOk);
  EXPECT_EQ(p.providerId, kVendorProvider);
  ASSERT_EQ(object->getSnapshotProperties(viaSystem, p), hr::kOk);
  EXPECT_EQ(p.providerId, kSystemProvider);
}

TEST_F(SimTest, WriterStatesFollowTheObjectThatMovesThemAndSettleOnRelease) {
  machine->addWriter(writer(u"Healthy", 1));
  machine->addWriter(writer(u"Fragile", 2, WriterPhase::Freeze));
  auto states = machine->writerStates();
  ASSERT_EQ(states.size(), 2u);
  EXPECT_EQ(states[0].writerName, u"Healthy");
  EXPECT_EQ(states[0].state, writer_state::STABLE);
  EXPECT_EQ(states[1].state, writer_state::STABLE);
  {
    auto object = initialized();
    ASSERT_EQ(prepareSet(*object, {u"C:\\"}, true), hr::kOk);
    ASSERT_EQ(doSnapshot(*object), hr::kAsyncFinished);
    states = machine->writerStates();
    EXPECT_EQ(states[0].state, writer_state::WAITING_FOR_BACKUP_COMPLETE);
    EXPECT_EQ(states[1].state, writer_state::FAILED_AT_FREEZE);
    EXPECT_EQ(states[1].failure, hr::kWriterErrorRetryable);
  }
  states = machine->writerStates();
  EXPECT_EQ(states[0].state, writer_state::STABLE);
  EXPECT_EQ(states[1].state, writer_state::FAILED_AT_FREEZE);
}

TEST_F(SimTest, AFailedMetadataGatherLeavesTheWritersAlone) {
  machine->addWriter(writer(u"A", 1));
  machine->addFault(FaultSpec{Operation::GatherWriterMetadata, hr::kWriterInfrastructure, true, 1, 1});
  auto object = initialized();
  ASSERT_EQ(object->setBackupState(false, false, backup_type::FULL, false), hr::kOk);
  EXPECT_EQ(runAsync([&](auto& a) { return object->gatherWriterMetadata(a); }), hr::kWriterInfrastructure);
  EXPECT_EQ(machine->writerStates().at(0).state, writer_state::STABLE);
}

}  // namespace
}  // namespace vss4j::sim::test
