package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.CommonWriters;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.SimulatedComponent;
import io.github.vss4j.simulator.SimulatedVolume;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The one-call request in component mode on the simulator: components found by writer and path, dependencies
 * followed, volumes added, the document handed back, each writer told on close, and every refusal made before any
 * copy exists.
 */
class ComponentModeRequestTest extends ShadowCopyTestBase {
    private static final String DATA_VOLUME = "\\\\?\\Volume{0000000d-0000-0000-0000-00000000000d}\\";
    private static final String SQL = CommonWriters.SQL_SERVER_WRITER;

    private Vss sqlMachine() {
        return vss(Simulation.builder().volume(C).volume(SimulatedVolume.of(D).withGuidName(DATA_VOLUME))
                .writer(CommonWriters.sqlServer("sales", "hr")).build());
    }

    private static SelectedComponent named(ShadowCopySet set, String path) {
        return set.components().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void aSqlBackupAddsTheComponentsAndTheirVolumeAndTellsEachWriterOnClose() throws Exception {
        Vss vss = sqlMachine();
        ShadowCopySet set = vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales")
                .component("sqlserverwriter", "vss4j-sim\\HR").backupType(BackupType.FULL).create();
        try {
            assertEquals(List.of("VSS4J-SIM\\sales", "VSS4J-SIM\\hr"),
                    set.components().stream().map(SelectedComponent::path).toList());
            SelectedComponent sales = named(set, "VSS4J-SIM\\sales");
            assertEquals(CommonWriters.SQL_SERVER_WRITER_ID, sales.writerId());
            assertEquals(ComponentType.DATABASE, sales.type());
            assertEquals(List.of("sales.mdf", "sales_log.ldf"),
                    sales.files().stream().map(FileDescriptor::fileSpec).toList());
            assertEquals(List.of(DATA_VOLUME), sales.volumes());
            assertEquals(List.of(DATA_VOLUME), set.copies().stream().map(ShadowCopy::volume).toList(),
                    "the components' volume, and no other");
            String early = set.backupComponentsDocument().orElseThrow();
            assertTrue(early.contains("componentName=\"sales\"") && early.contains("componentName=\"hr\""), early);
            assertFalse(early.contains("componentName=\"master\""), early);
            assertEquals(List.of(), machine(vss).componentOutcomes(), "writers are told only on close");
            set.componentSucceeded(sales);
        } finally {
            set.close();
        }
        String document = set.backupComponentsDocument().orElseThrow();
        assertEquals(Optional.of(true), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", "sales"));
        assertEquals(Optional.of(false), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", "hr"),
                "a component nobody reported is told it failed");
        assertTrue(document.contains("backupSucceeded=\"yes\""), document);
        List<Operation> calls = machine(vss).callLog();
        assertEquals(2, count(vss, Operation.ADD_COMPONENT));
        assertTrue(calls.lastIndexOf(Operation.SET_BACKUP_SUCCEEDED) < calls.indexOf(Operation.BACKUP_COMPLETE),
                "SetBackupSucceeded before BackupComplete");
        assertTrue(calls.indexOf(Operation.ADD_COMPONENT) < calls.indexOf(Operation.START_SNAPSHOT_SET));
        assertNoCopies(vss);
    }

    @Test
    void aComponentTheWriterFailedAloneIsShownWithTheStampsOfTheOthers() throws Exception {
        SimulatedWriter sql = SimulatedWriter.named("SqlLike").withBackupSchema(0x10)
                .withComponent(SimulatedComponent.database("INSTANCE1", "db1").databaseFile("D:\\SQL", "db1.mdf"))
                .withComponent(SimulatedComponent.database("INSTANCE1", "db2").databaseFile("D:\\SQL", "db2.mdf")
                        .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_NONRETRYABLE));
        Vss vss = vss(Simulation.builder().volume(C).volume(D).writer(sql).build());
        try (ShadowCopySet set = vss.shadowCopy().everyComponentOf("SqlLike").create()) {
            List<RecordedComponent> recorded = set.writerComponents();
            assertEquals(List.of("db1", "db2"), recorded.stream().map(RecordedComponent::componentName).toList());
            RecordedComponent db1 = recorded.get(0);
            RecordedComponent db2 = recorded.get(1);
            assertFalse(db1.failed());
            assertFalse(db1.backupStamp().isEmpty(), "the writer stamped the component it backed up");
            assertTrue(db2.failed());
            assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE, db2.failureError());
            assertTrue(set.writerStatus().stream().noneMatch(WriterStatus::isFailed),
                    "a component's own failure leaves its writer's state alone");
            set.componentSucceeded(named(set, "INSTANCE1\\db1"));
            set.componentFailed(named(set, "INSTANCE1\\db2"));
        }
        assertEquals(Optional.of(true), machine(vss).backupSucceeded("SqlLike", "INSTANCE1", "db1"));
        assertEquals(Optional.of(false), machine(vss).backupSucceeded("SqlLike", "INSTANCE1", "db2"));
        try (ShadowCopySet volumesOnly = vss.shadowCopy().volumes(C).create()) {
            assertEquals(List.of(), volumesOnly.writerComponents(), "a volume backup records no components");
        }
        assertNoCopies(vss);
    }

    @Test
    void everyComponentOfAWriterByClassIdWithAVolumeNamedToo() throws Exception {
        Vss vss = sqlMachine();
        try (ShadowCopySet set = vss.shadowCopy().volumes(C).everyComponentOf(CommonWriters.SQL_SERVER_WRITER_ID)
                .create()) {
            assertEquals(List.of("master", "model", "msdb", "sales", "hr"),
                    set.components().stream().map(SelectedComponent::name).toList());
            assertEquals(List.of(C, DATA_VOLUME), set.copies().stream().map(ShadowCopy::volume).toList());
            set.allComponentsSucceeded();
        }
        for (String database : List.of("master", "model", "msdb", "sales", "hr")) {
            assertEquals(Optional.of(true), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", database), database);
        }
    }

    @Test
    void dependenciesAreFollowedAsTheWritersDeclareThem() throws Exception {
        SimulatedWriter config = SimulatedWriter.named("Config Writer")
                .withComponent(SimulatedComponent.fileGroup("", "Settings").file("C:\\App", "*.ini", false));
        SimulatedWriter app = SimulatedWriter.named("App Writer").withBackupSchema(0x10)
                .withComponent(SimulatedComponent.database("Store", "orders").databaseFile("D:\\Db", "orders.mdf")
                        .dependsOn(SimulatedWriter.named("App Writer").writerId(), "Store", "catalog"))
                .withComponent(SimulatedComponent.database("Store", "catalog").selectableForBackup(false)
                        .databaseFile("D:\\Db", "catalog.mdf").dependsOn(config.writerId(), "", "Settings"));
        Vss vss = vss(Simulation.builder().volume(C).volume(D).writer(app).writer(config.withBackupSchema(0x10))
                .build());
        try (ShadowCopySet set = vss.shadowCopy().component("App Writer", "Store\\orders").create()) {
            assertEquals(List.of("App Writer:Store\\orders", "App Writer:Store\\catalog", "Config Writer:Settings"),
                    set.components().stream().map(SelectedComponent::toString).toList());
            assertEquals(List.of(false, true, true),
                    set.components().stream().map(SelectedComponent::selectedAsDependency).toList());
            assertEquals(2, set.copies().size(), "D: for the databases, C: for the settings");
            set.allComponentsSucceeded();
        }
        assertEquals(Optional.of(true), machine(vss).backupSucceeded("Config Writer", "", "Settings"));
        assertEquals(3, count(vss, Operation.ADD_COMPONENT));
    }

    @Test
    void aDependencyNoWriterDeclaresFailsTheRequest() {
        SimulatedWriter app = SimulatedWriter.named("App Writer").withComponent(SimulatedComponent
                .fileGroup("", "data").file("C:\\App", "*", false).dependsOn(SimulatedWriter.named("Gone").writerId(),
                        "", "missing"));
        Vss vss = vss(Simulation.builder().volume(C).writer(app).build());
        VssException thrown = assertThrows(VssException.class,
                () -> vss.shadowCopy().component("App Writer", "data").backupType(BackupType.FULL).create());
        assertEquals(VssError.VSS_E_OBJECT_NOT_FOUND, thrown.error());
        assertEquals(Phase.SELECT_COMPONENTS, thrown.phase().orElseThrow());
        assertTrue(thrown.getMessage().contains("missing"), thrown.getMessage());
        assertEquals(0, count(vss, Operation.START_SNAPSHOT_SET));
    }

    @Test
    void aBackupTypeTheWritersSchemaLacksIsRefusedBeforeAnyCopy() {
        Vss vss = sqlMachine();
        for (BackupType type : List.of(BackupType.LOG, BackupType.INCREMENTAL)) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").backupType(type).create());
            assertTrue(thrown.getMessage().contains(SQL) && thrown.getMessage().contains("VSS_BS_" + type),
                    thrown.getMessage());
        }
        assertEquals(0, count(vss, Operation.START_SNAPSHOT_SET));
        assertEquals(0, count(vss, Operation.ADD_COMPONENT));
        assertNoCopies(vss);
    }

    @Test
    void theDefaultCopyBackupNeedsTheCopySchemaAndFullAlwaysServes() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).writer(SimulatedWriter.named("Plain")
                .withComponent(SimulatedComponent.fileGroup("", "files").file("C:\\Data", "*", true))).build());
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> vss.shadowCopy().component("Plain", "files").create());
        assertTrue(thrown.getMessage().contains("VSS_BS_COPY"), thrown.getMessage());
        try (ShadowCopySet set = vss.shadowCopy().component("Plain", "files").backupType(BackupType.FULL).create()) {
            assertEquals(1, set.components().size());
        }
    }

    @Test
    void choicesTheWritersCannotServeAreRefusedByName() {
        Vss vss = sqlMachine();
        assertRefused(vss, vss.shadowCopy().component("NoSuchWriter", "x"), "NoSuchWriter");
        assertRefused(vss, vss.shadowCopy().component(SQL, "VSS4J-SIM\\nosuchdb"), "nosuchdb");
        assertRefused(vss, vss.shadowCopy().component(SQL, "sales"), "declares no component sales");
        assertRefused(vss, vss.shadowCopy().everyComponentOf(SQL).component(SQL, "VSS4J-SIM\\hr"), "selected twice");
        assertRefused(vss, vss.shadowCopy().component(SQL, "VSS4J-SIM\\hr")
                .component(CommonWriters.SQL_SERVER_WRITER_ID, "VSS4J-SIM\\hr"), "selected twice");
        assertEquals(0, count(vss, Operation.START_SNAPSHOT_SET));
    }

    @Test
    void aComponentNotSelectableForBackupIsRefused() {
        Vss vss = vss(Simulation.builder().volume(C).writer(SimulatedWriter.named("W").withComponent(
                SimulatedComponent.fileGroup("", "inner").selectableForBackup(false).file("C:\\x", "*", false)))
                .build());
        assertRefused(vss, vss.shadowCopy().component("W", "inner"), "not selectable for backup");
        assertRefused(vss, vss.shadowCopy().everyComponentOf("W"), "no component selectable");
    }

    private void assertRefused(Vss vss, ShadowCopyRequest request, String expected) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> request.backupType(BackupType.FULL).create());
        assertTrue(thrown.getMessage().contains(expected), thrown.getMessage());
        assertNoCopies(vss);
    }

    @Test
    void malformedChoicesAreRefusedWhenMade() {
        ShadowCopyRequest request = sqlMachine().shadowCopy();
        assertThrows(NullPointerException.class, () -> request.component((String) null, "a"));
        assertThrows(NullPointerException.class, () -> request.component(SQL, null));
        for (String bad : List.of("", " ", "\\a", "a\\", "a\\\\b", "a\0b", "x".repeat(5000))) {
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> request.component(SQL, bad));
            assertFalse(thrown.getMessage().isBlank());
        }
        assertThrows(IllegalArgumentException.class, () -> request.everyComponentOf(" "));
        request.component(SQL, "A\\b");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> request.component(SQL.toUpperCase(), "a\\B"));
        assertTrue(twice.getMessage().contains("already in the request"), twice.getMessage());
    }

    @Test
    void componentsNeedAContextWithWriters() {
        ShadowCopyRequest request = sqlMachine().shadowCopy().component(SQL, "VSS4J-SIM\\sales")
                .context(VssContext.FILE_SHARE_BACKUP);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, request::create);
        assertTrue(thrown.getMessage().contains("FILE_SHARE_BACKUP"), thrown.getMessage());
        assertThrows(IllegalStateException.class, () -> sqlMachine().shadowCopy().create());
    }

    @Test
    void outcomesOnlyForComponentsOfTheSetAndOnlyWhileItIsOpen() throws Exception {
        Vss vss = sqlMachine();
        ShadowCopySet set = vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").backupType(BackupType.FULL).create();
        SelectedComponent sales = set.components().get(0);
        SelectedComponent stranger = new SelectedComponent(SQL, sales.writerId(), sales.instanceId(),
                ComponentType.DATABASE, "VSS4J-SIM", "hr", List.of(), List.of(), false);
        IllegalArgumentException notInSet = assertThrows(IllegalArgumentException.class,
                () -> set.componentSucceeded(stranger));
        assertTrue(notInSet.getMessage().contains("VSS4J-SIM\\hr"), notInSet.getMessage());
        assertThrows(NullPointerException.class, () -> set.componentFailed(null));
        set.componentSucceeded(sales);
        set.componentFailed(sales);  // the latest word counts
        set.close();
        set.close();
        assertThrows(IllegalStateException.class, () -> set.componentSucceeded(sales));
        assertEquals(Optional.of(false), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", "sales"));
        assertEquals(1, count(vss, Operation.SET_BACKUP_SUCCEEDED), "close tells once");
    }

    @Test
    void aRetryResolvesAndAddsTheComponentsAgainWithItsNewObject() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).volume(D).writer(CommonWriters.sqlServer("sales"))
                .fault(Fault.on(Operation.DO_SNAPSHOT_SET).fails(VssError.VSS_E_FLUSH_WRITES_TIMEOUT).times(1))
                .build());
        try (ShadowCopySet set = vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").backupType(BackupType.FULL)
                .scheduler(VirtualScheduler.automatic()).create()) {
            assertEquals(2, set.attempts());
            assertEquals(2, count(vss, Operation.ADD_COMPONENT), "once per attempt");
            set.allComponentsSucceeded();
        }
        assertEquals(Optional.of(true), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", "sales"));
        assertNoCopies(vss);
    }

    @Test
    void progressTellsTheComponentStepsAndTheOutcomes() throws Exception {
        Vss vss = sqlMachine();
        RecordingListener listener = new RecordingListener();
        try (ShadowCopySet set = vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").component(SQL, "VSS4J-SIM\\hr")
                .backupType(BackupType.DIFFERENTIAL).listener(listener).create()) {
            set.componentSucceeded(set.components().get(1));
        }
        ProgressEvent.ComponentsSelected selected = listener.events(ProgressEvent.ComponentsSelected.class).get(0);
        assertEquals(2, selected.components().size());
        assertEquals(List.of(DATA_VOLUME), selected.volumes());
        ProgressEvent.BackupOutcomesTold told = listener.events(ProgressEvent.BackupOutcomesTold.class).get(0);
        assertEquals(List.of("hr"), told.succeeded().stream().map(SelectedComponent::name).toList());
        assertEquals(List.of("sales"), told.failed().stream().map(SelectedComponent::name).toList());
        assertEquals(List.of(), told.untold());
        List<Phase> ended = listener.events(ProgressEvent.PhaseEnded.class).stream()
                .filter(ProgressEvent.PhaseEnded::succeeded).map(ProgressEvent.PhaseEnded::phase).toList();
        assertTrue(ended.indexOf(Phase.SELECT_COMPONENTS) > ended.indexOf(Phase.GATHER_WRITER_METADATA), ended.toString());
        assertTrue(ended.indexOf(Phase.SET_BACKUP_SUCCEEDED) < ended.indexOf(Phase.BACKUP_COMPLETE), ended.toString());
    }
    @Test
    void aFailedReadOfWhatTheWritersRecordedLeavesTheSetMadeWithoutRecords() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).volume(D).writer(CommonWriters.sqlServer("sales"))
                .fault(Fault.on(Operation.GET_WRITER_COMPONENTS).fails(VssError.VSS_E_BAD_STATE).always()).build());
        try (ShadowCopySet set = vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").backupType(BackupType.FULL)
                .create()) {
            assertEquals(1, set.attempts(), "an informative read does not fail the attempt");
            assertEquals(List.of(), set.writerComponents());
            assertTrue(set.backupComponentsDocument().orElseThrow().contains("componentName=\"sales\""));
            set.allComponentsSucceeded();
        }
        assertEquals(1, count(vss, Operation.GET_WRITER_COMPONENTS));
        assertEquals(Optional.of(true), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", "sales"));
        assertNoCopies(vss);
    }

    @Test
    void aWriterThatCannotBeToldIsLoggedAndCloseStillCompletesTheBackup() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).volume(D).writer(CommonWriters.sqlServer("sales"))
                .fault(Fault.on(Operation.SET_BACKUP_SUCCEEDED).fails(VssError.VSS_E_BAD_STATE).always()).build());
        RecordingListener listener = new RecordingListener();
        ShadowCopySet set = vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").backupType(BackupType.FULL)
                .listener(listener).create();
        try {
            set.allComponentsSucceeded();
        } finally {
            set.close();  // does not throw: the failure is logged and reported
        }
        ProgressEvent.BackupOutcomesTold told = listener.events(ProgressEvent.BackupOutcomesTold.class).get(0);
        assertEquals(set.components(), told.untold());
        assertEquals(List.of(), told.succeeded());
        assertEquals(1, count(vss, Operation.BACKUP_COMPLETE));
        assertEquals(Optional.empty(), machine(vss).backupSucceeded(SQL, "VSS4J-SIM", "sales"));
        assertTrue(set.backupComponentsDocument().orElseThrow().contains("componentName=\"sales\""));
        assertNoCopies(vss);
    }
    @Test
    void cancellingWhileComponentsAreSelectedCleansUpWithoutAnyCopy() throws Exception {
        Vss vss = sqlMachine();
        CompletableFuture<CompletableFuture<ShadowCopySet>> handle = new CompletableFuture<>();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.SELECT_COMPONENTS),
                e -> handle.join().cancel(true));
        handle.complete(vss.shadowCopy().component(SQL, "VSS4J-SIM\\sales").backupType(BackupType.FULL)
                .listener(listener).createAsync());
        assertEquals(ProgressEvent.Outcome.CANCELLED, awaitEnd(listener).outcome());
        assertEquals(0, count(vss, Operation.ADD_COMPONENT));
        assertEquals(0, count(vss, Operation.START_SNAPSHOT_SET));
        assertEquals(List.of(), machine(vss).componentOutcomes());
        assertNoCopies(vss);
        assertMachineFree(vss);
    }
}
