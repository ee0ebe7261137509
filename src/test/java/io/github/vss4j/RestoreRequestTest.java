package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.CommonWriters;
import io.github.vss4j.simulator.ComponentRestore;
import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.RestoredFiles;
import io.github.vss4j.simulator.SimulatedComponent;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import io.github.vss4j.simulator.WriterPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The one-call restore on the simulator: a component-mode backup's document restored through the writers, what
 * prepare() says per component, what finish() tells the writers, and the clean-up after every failure.
 */
class RestoreRequestTest extends ShadowCopyTestBase {
    private static final String SQL = CommonWriters.SQL_SERVER_WRITER;
    private static final String DB1 = "VSS4J-SIM\\db1";
    private static final String DB2 = "VSS4J-SIM\\db2";

    private Vss sqlMachine(SimulatedWriter sql, Simulation.Builder more) {
        return vss(more.volume(C).volume(D).writer(sql).build());
    }

    private Vss sqlMachine() {
        return sqlMachine(CommonWriters.sqlServer("db1", "db2"), Simulation.builder());
    }

    /** The SQL machine with a PreRestore that takes an hour. */
    private Vss slowAtPreRestore() {
        return sqlMachine(CommonWriters.sqlServer("db1", "db2"), Simulation.builder()
                .duration(Operation.PRE_RESTORE, Duration.ofHours(1)));
    }

    /** A full component-mode backup of db1 and db2, both reported backed up; its final document. */
    private static String backUp(Vss vss) throws Exception {
        return documentOf(vss.shadowCopy().component(SQL, DB1).component(SQL, DB2).backupType(BackupType.FULL));
    }

    /** Runs a component-mode backup, reports every component backed up, and returns the final document. */
    static String documentOf(ShadowCopyRequest request) throws Exception {
        ShadowCopySet set = request.create();
        try {
            set.allComponentsSucceeded();
        } finally {
            set.close();
        }
        return set.backupComponentsDocument().orElseThrow();
    }

    private static RestoreComponent named(PreparedRestore restore, String path) {
        return restore.components().stream().filter(c -> c.path().equals(path)).findFirst().orElseThrow();
    }

    /** The failure {@code call} throws, in {@code phase}, with every object released. */
    private static VssException failsIn(Phase phase, Vss vss, Executable call) {
        VssException thrown = assertThrows(VssException.class, call);
        assertEquals(phase, thrown.phase().orElseThrow(), thrown::getMessage);
        assertEquals(0, machine(vss).liveObjects(), "every VSS object released");
        return thrown;
    }

    private static void assertInOrder(Vss vss, Operation... operations) {
        List<Operation> calls = machine(vss).callLog();
        int last = -1;
        for (Operation operation : operations) {
            int at = calls.subList(last + 1, calls.size()).indexOf(operation);
            assertTrue(at >= 0, operation + " after " + (last < 0 ? "the start" : calls.get(last)) + " in " + calls);
            last += at + 1;
        }
    }

    @Test
    void aBackupIsRestoredComponentByComponentAndEachWriterHearsHowItWent() throws Exception {
        Vss vss = sqlMachine();
        String document = backUp(vss);
        RecordingListener listener = new RecordingListener();
        RestoreResult result;
        try (PreparedRestore restore = vss.restore(document).component(SQL, DB1).component("sqlserverwriter",
                "vss4j-sim\\DB2").listener(listener).prepare()) {
            assertEquals(List.of(DB1, DB2), restore.components().stream().map(RestoreComponent::path).toList());
            RestoreComponent db1 = named(restore, DB1);
            assertEquals(CommonWriters.SQL_SERVER_WRITER_ID, db1.writerId());
            assertEquals(SQL, db1.writerName());
            assertEquals(List.of("D:\\SQL\\Data db1.mdf", "D:\\SQL\\Logs db1_log.ldf"),
                    db1.files().stream().map(f -> f.path() + " " + f.fileSpec()).toList());
            assertEquals(RestoreTarget.ORIGINAL, db1.restoreTarget(), "the writer's choice at PreRestore");
            assertEquals(RestoreMethodType.RESTORE_IF_CAN_REPLACE, db1.instructions().method());
            assertEquals(WriterRestore.ALWAYS, db1.instructions().writerRestore());
            assertFalse(listener.events(ProgressEvent.RestorePrepared.class).isEmpty());
            restore.componentRestored(db1);
            restore.componentFailed(named(restore, DB2));
            result = restore.finish();
            assertTrue(restore.isClosed());
        }
        assertEquals(List.of(FileRestoreStatus.ALL, FileRestoreStatus.FAILED),
                result.components().stream().map(RestoredComponent::status).toList());
        assertTrue(result.components().stream().allMatch(RestoredComponent::told));
        assertTrue(result.components().get(0).succeeded());
        assertFalse(result.succeeded(), "db2 failed");
        assertInOrder(vss, Operation.INITIALIZE_FOR_RESTORE, Operation.GATHER_WRITER_METADATA,
                Operation.SET_SELECTED_FOR_RESTORE, Operation.SET_SELECTED_FOR_RESTORE, Operation.SET_RESTORE_STATE,
                Operation.PRE_RESTORE, Operation.SET_FILE_RESTORE_STATUS, Operation.SET_FILE_RESTORE_STATUS,
                Operation.POST_RESTORE);
        ProgressEvent.RestoreStatusTold told = listener.events(ProgressEvent.RestoreStatusTold.class).get(0);
        assertEquals(List.of(DB1), told.all().stream().map(RestoreComponent::path).toList());
        assertEquals(List.of(DB2), told.failed().stream().map(RestoreComponent::path).toList());
        ProgressEvent.RestoreReleased released = listener.events(ProgressEvent.RestoreReleased.class).get(0);
        assertTrue(released.finished() && released.postRestoreRan());
        // What the simulated SQL writer was told, as it recorded it.
        ComponentRestore toldDb1 = machine(vss).componentRestore(SQL, "VSS4J-SIM", "db1").orElseThrow();
        ComponentRestore toldDb2 = machine(vss).componentRestore(SQL, "VSS4J-SIM", "db2").orElseThrow();
        assertEquals(FileRestoreStatus.ALL, toldDb1.fileRestoreStatus());
        assertEquals(FileRestoreStatus.FAILED, toldDb2.fileRestoreStatus());
        assertTrue(toldDb1.postRestoreDone() && toldDb2.postRestoreDone());
        assertEquals(RestoreType.BY_COPY, toldDb1.restoreType());
        assertEquals(2, machine(vss).componentRestores().size(), "no other component was restored");
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void theTargetAWriterChoosesAtPreRestoreIsReported() throws Exception {
        SimulatedWriter sql = SimulatedWriter.named("SqlLike").withBackupSchema(0x10)
                .withComponent(SimulatedComponent.database("I1", "db1").databaseFile("D:\\SQL", "db1.mdf")
                        .restoreTarget(RestoreTarget.ALTERNATE));
        Vss vss = vss(Simulation.builder().volume(D).writer(sql).build());
        String document = documentOf(vss.shadowCopy().everyComponentOf("SqlLike"));
        try (PreparedRestore restore = vss.restore(document).prepare()) {
            assertEquals(RestoreTarget.ALTERNATE, restore.components().get(0).restoreTarget());
            restore.allComponentsRestored();
            restore.finish();
        }
        assertEquals(RestoreTarget.ALTERNATE, machine(vss).componentRestore("SqlLike", "I1", "db1").orElseThrow()
                .restoreTarget());
    }

    @Test
    void aWriterThatFailsAtPostRestoreIsInTheResultNotThrown() throws Exception {
        Vss vss = sqlMachine(CommonWriters.sqlServer("db1", "db2").failingAt(WriterPhase.POST_RESTORE,
                VssError.VSS_E_WRITERERROR_RETRYABLE), Simulation.builder());
        String document = backUp(vss);
        RestoreResult result;
        try (PreparedRestore restore = vss.restore(document).component(SQL, DB1).prepare()) {
            restore.allComponentsRestored();
            result = restore.finish();
        }
        assertFalse(result.succeeded());
        assertFalse(result.components().get(0).postRestoreFailureMessage().isEmpty());
        assertEquals(WriterState.FAILED_AT_POST_RESTORE, result.writerStatus().get(0).state());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aWriterFailingAtPreRestoreCarriesWhatVssLoggedUnlessTheRequestOptsOut() throws Exception {
        Vss vss = sqlMachine(CommonWriters.sqlServer("db1", "db2").failingAt(WriterPhase.PRE_RESTORE,
                VssError.VSS_E_WRITERERROR_RETRYABLE), Simulation.builder());
        String document = backUp(vss);
        Instant before = Instant.now();
        VssException thrown = assertThrows(VssException.class, () -> vss.restore(document).prepare());
        LoggedEvent rejected = thrown.events().stream().filter(e -> e.source().equals("VSS") && e.eventId() == 8229)
                .findFirst().orElseThrow(() -> new AssertionError("no VSS 8229 in " + thrown.events()));
        assertEquals(LoggedEvent.Level.WARNING, rejected.level());
        assertTrue(rejected.message().contains("PreRestore Event") && rejected.message().contains(SQL),
                rejected.message());
        assertFalse(rejected.time().isBefore(before.minusSeconds(1)), rejected.time() + " before " + before);
        assertTrue(thrown.getMessage().contains("VSS 8229"), thrown.getMessage());

        VssException quiet = assertThrows(VssException.class, () -> vss.restore(document).eventLog(false).prepare());
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE, quiet.error());
        assertTrue(quiet.events().isEmpty(), quiet.events().toString());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aWriterFailingAtPreRestoreFailsPrepareUnlessItsFailureIsOnlyReported() throws Exception {
        Vss vss = sqlMachine(CommonWriters.sqlServer("db1", "db2").failingAt(WriterPhase.PRE_RESTORE,
                VssError.VSS_E_WRITERERROR_RETRYABLE), Simulation.builder());
        String document = backUp(vss);
        VssException thrown = assertThrows(VssException.class, () -> vss.restore(document).prepare());
        assertEquals(Phase.WRITER_STATUS_AFTER_PRE_RESTORE, thrown.phase().orElseThrow());
        assertEquals(VssError.VSS_E_WRITERERROR_RETRYABLE, thrown.error());
        assertInOrder(vss, Operation.PRE_RESTORE, Operation.SET_FILE_RESTORE_STATUS, Operation.POST_RESTORE);
        assertFalse(machine(vss).componentRestore(SQL, "VSS4J-SIM", "db1").orElseThrow().postRestoreDone(),
                "PostRestore does not reach a writer that failed at PreRestore");
        try (PreparedRestore restore = vss.restore(document).writerPolicy(WriterPolicy.REPORT).prepare()) {
            assertTrue(restore.writerStatus().stream().anyMatch(WriterStatus::isFailed));
            restore.componentNotRestored(restore.components().get(0));
            RestoreResult result = restore.finish();
            assertFalse(result.components().get(0).preRestoreFailureMessage().isEmpty());
            assertEquals(FileRestoreStatus.NONE, result.components().get(0).status());
        }
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void theWritersRestoreMethodIsHandedOverAsValues() throws Exception {
        SimulatedWriter sql = CommonWriters.sqlServer("db1", "db2")
                .withRestoreMethod(new RestoreMethod(3, "MSSQLSERVER", "", 3, true, 0));
        Vss vss = sqlMachine(sql, Simulation.builder());
        String document = backUp(vss);
        try (PreparedRestore restore = vss.restore(document).everyComponentOf(SQL).prepare()) {
            assertEquals(List.of(DB1, DB2), restore.components().stream().map(RestoreComponent::path).toList());
            RestoreInstructions instructions = restore.components().get(0).instructions();
            assertEquals(new RestoreInstructions(RestoreMethodType.STOP_RESTORE_START, "MSSQLSERVER", true,
                    WriterRestore.ALWAYS, ""), instructions);
            assertTrue(instructions.method().stopsService());
            restore.allComponentsRestored();
            assertTrue(restore.finish().succeeded());
        }
    }

    @Test
    void withoutAChoiceEveryComponentOfTheDocumentIsRestored() throws Exception {
        Vss vss = sqlMachine();
        String document = backUp(vss);
        try (PreparedRestore restore = vss.restore(document).prepare()) {
            assertEquals(List.of(DB1, DB2), restore.components().stream().map(RestoreComponent::path).toList());
        }
        // Closed without finish: each writer still hears the end, and nothing is left open.
        assertInOrder(vss, Operation.PRE_RESTORE, Operation.SET_FILE_RESTORE_STATUS, Operation.POST_RESTORE);
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void optionsAdditionalRestoresMappingsAndNewTargetsReachVss() throws Exception {
        Vss vss = sqlMachine();
        String document = backUp(vss);
        AlternateLocation mapping = new AlternateLocation("D:\\SQL\\Data", "db1.mdf", false, "E:\\Moved");
        NewTarget target = new NewTarget("D:\\SQL\\Logs", "db1_log.ldf", false, "E:\\Logs");
        try (PreparedRestore restore = vss.restore(document).component(SQL, DB1)
                .restoreOptions(SQL, DB1, "WITH NORECOVERY").additionalRestores(SQL, DB1)
                .alternateLocation(SQL, DB1, mapping).newTarget(SQL, DB1, target).prepare()) {
            RestoreComponent db1 = restore.components().get(0);
            assertEquals(List.of(mapping), db1.alternateLocations());
            assertEquals(List.of(target), db1.newTargets());
            assertEquals("WITH NORECOVERY", db1.restoreOptions());
            assertTrue(db1.additionalRestores());
            restore.allComponentsRestored();
            restore.finish();
        }
        ComponentRestore told = machine(vss).componentRestore(SQL, "VSS4J-SIM", "db1").orElseThrow();
        assertEquals("WITH NORECOVERY", told.restoreOptions());
        assertTrue(told.additionalRestores());
        assertEquals(List.of(new RestoredFiles("D:\\SQL\\Data", "db1.mdf", false, "E:\\Moved")),
                told.alternateLocations());
        assertEquals(List.of(new RestoredFiles("D:\\SQL\\Logs", "db1_log.ldf", false, "E:\\Logs")),
                told.newTargets());
        assertInOrder(vss, Operation.SET_SELECTED_FOR_RESTORE, Operation.SET_RESTORE_OPTIONS,
                Operation.SET_ADDITIONAL_RESTORES, Operation.ADD_ALTERNATIVE_LOCATION_MAPPING, Operation.ADD_NEW_TARGET,
                Operation.SET_RESTORE_STATE, Operation.PRE_RESTORE);
    }

    @Test
    void aChoiceTheDocumentOrTheWritersCannotServeIsRefusedBeforeAnythingIsSelected() throws Exception {
        Vss vss = sqlMachine();
        String document = backUp(vss);
        IllegalArgumentException notInDocument = assertThrows(IllegalArgumentException.class,
                () -> vss.restore(document).component(SQL, "VSS4J-SIM\\master").prepare());
        assertTrue(notInDocument.getMessage().contains("holds no component VSS4J-SIM\\master"),
                notInDocument.getMessage());
        IllegalArgumentException badMapping = assertThrows(IllegalArgumentException.class,
                () -> vss.restore(document).component(SQL, DB1)
                        .alternateLocation(SQL, DB1, new AlternateLocation("D:\\Elsewhere", "*.mdf", false, "E:\\"))
                        .prepare());
        assertTrue(badMapping.getMessage().contains("matches none of its file sets"), badMapping.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vss.restore(document).component("NoSuchWriter", "x")
                .prepare());
        assertEquals(0, count(vss, Operation.SET_SELECTED_FOR_RESTORE));
        assertEquals(0, count(vss, Operation.PRE_RESTORE));
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aNewTargetNeedsAWriterWhoseSchemaAcceptsIt() throws Exception {
        SimulatedWriter plain = SimulatedWriter.named("Plain").withBackupSchema(0x10)
                .withComponent(SimulatedComponent.fileGroup("", "files").file("C:\\Data", "*", true));
        Vss vss = vss(Simulation.builder().volume(C).writer(plain).build());
        String document = documentOf(vss.shadowCopy().component("Plain", "files"));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> vss.restore(document)
                .component("Plain", "files").newTarget("Plain", "files", new NewTarget("C:\\Data", "*", true, "E:\\"))
                .prepare());
        assertTrue(refused.getMessage().contains("VSS_BS_WRITER_SUPPORTS_NEW_TARGET"), refused.getMessage());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aWriterThatFailsAtPreRestoreFailsPrepareAndStillHearsTheEnd() throws Exception {
        // A component whose backup failed carries no stamp: its writer refuses to restore it at PreRestore.
        SimulatedWriter sql = SimulatedWriter.named("SqlLike").withBackupSchema(0x10)
                .withComponent(SimulatedComponent.database("I1", "db1").databaseFile("D:\\SQL", "db1.mdf"))
                .withComponent(SimulatedComponent.database("I1", "db2").databaseFile("D:\\SQL", "db2.mdf")
                        .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_NONRETRYABLE));
        Vss vss = vss(Simulation.builder().volume(D).writer(sql).build());
        String document = documentOf(vss.shadowCopy().everyComponentOf("SqlLike").writerPolicy(WriterPolicy.REPORT));
        RecordingListener listener = new RecordingListener();
        VssException thrown = assertThrows(VssException.class, () -> vss.restore(document).component("SqlLike",
                "I1\\db2").listener(listener).prepare());
        assertEquals(Phase.WRITER_STATUS_AFTER_PRE_RESTORE, thrown.phase().orElseThrow());
        assertEquals(VssError.VSS_E_WRITERERROR_NONRETRYABLE, thrown.error());
        assertEquals(WriterState.FAILED_AT_PRE_RESTORE, thrown.writerStatus().get(0).state());
        // Nothing half-done: told that no file was restored, PostRestore run, the object released.
        assertInOrder(vss, Operation.PRE_RESTORE, Operation.SET_FILE_RESTORE_STATUS, Operation.POST_RESTORE);
        assertEquals(List.of(), listener.events(ProgressEvent.RestoreStatusTold.class).get(0).all());
        assertEquals(1, listener.events(ProgressEvent.RestoreStatusTold.class).get(0).none().size());
        assertEquals(ProgressEvent.Outcome.FAILED, awaitEnd(listener).outcome());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aFailedPreRestoreFailsPrepareInItsPhase() throws Exception {
        Vss vss = sqlMachine(CommonWriters.sqlServer("db1", "db2"), Simulation.builder()
                .fault(Fault.on(Operation.PRE_RESTORE).fails(VssError.VSS_E_UNEXPECTED)));
        String document = backUp(vss);
        VssException thrown = failsIn(Phase.PRE_RESTORE, vss, () -> vss.restore(document).prepare());
        assertEquals(VssError.VSS_E_UNEXPECTED, thrown.error());
    }

    @Test
    void aDamagedDocumentFailsInitializeForRestore() throws Exception {
        Vss vss = sqlMachine();
        VssException thrown = failsIn(Phase.INITIALIZE_FOR_RESTORE, vss,
                () -> vss.restore("<not a document").prepare());
        assertEquals(Operation.INITIALIZE_FOR_RESTORE, thrown.operation());
    }

    @Test
    void aPreRestoreTimeoutCancelsAndReleases() throws Exception {
        Vss vss = slowAtPreRestore();
        String document = backUp(vss);
        RecordingListener listener = new RecordingListener();
        VssException thrown = failsIn(Phase.PRE_RESTORE, vss, () -> vss.restore(document)
                .timeout(Phase.PRE_RESTORE, Duration.ofMillis(50)).listener(listener).prepare());
        assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, thrown.hresult());
        assertTrue(listener.events(ProgressEvent.CleanedUp.class).get(0).cancelledAsync());
    }

    @Test
    void cancellingPrepareAsyncStopsItAndReleases() throws Exception {
        Vss vss = slowAtPreRestore();
        String document = backUp(vss);
        CompletableFuture<CompletableFuture<PreparedRestore>> future = new CompletableFuture<>();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.PRE_RESTORE),
                e -> future.thenAccept(f -> f.cancel(true)));
        future.complete(vss.restore(document).listener(listener).prepareAsync());
        assertThrows(CancellationException.class, () -> future.get().get(BOUND.toSeconds(), TimeUnit.SECONDS));
        assertEquals(ProgressEvent.Outcome.CANCELLED, awaitEnd(listener).outcome());
        listener.events(ProgressEvent.RestoreReleased.class).get(0);
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void cancellingFinishAsyncBeforePostRestoreStillRunsItBoundedByTheCleanupTimeout() throws Exception {
        Vss vss = sqlMachine(CommonWriters.sqlServer("db1", "db2"), Simulation.builder()
                .duration(Operation.POST_RESTORE, Duration.ofHours(1)));
        String document = backUp(vss);
        CompletableFuture<CompletableFuture<RestoreResult>> handle = new CompletableFuture<>();
        RecordingListener listener = new RecordingListener().on(RecordingListener.started(Phase.POST_RESTORE),
                e -> handle.thenAccept(f -> f.cancel(true)));
        PreparedRestore restore = vss.restore(document).listener(listener).cleanupTimeout(Duration.ofMillis(100))
                .prepare();
        restore.allComponentsRestored();
        handle.complete(restore.finishAsync());
        assertThrows(CancellationException.class, () -> handle.get().get(BOUND.toSeconds(), TimeUnit.SECONDS));
        ProgressEvent.RestoreReleased released = listener.restoreReleased().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertFalse(released.finished());
        assertTrue(released.postRestoreRan());
        assertEquals(1, count(vss, Operation.POST_RESTORE), "the writers still hear PostRestore, once");
        assertEquals(2, count(vss, Operation.SET_FILE_RESTORE_STATUS), "each of the two components told once");
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void aPostRestoreTimeoutFailsFinishInItsPhaseAndReleases() throws Exception {
        Vss vss = sqlMachine(CommonWriters.sqlServer("db1", "db2"), Simulation.builder()
                .duration(Operation.POST_RESTORE, Duration.ofHours(1)));
        String document = backUp(vss);
        RecordingListener listener = new RecordingListener();
        PreparedRestore restore = vss.restore(document).listener(listener)
                .timeout(Phase.POST_RESTORE, Duration.ofMillis(50)).prepare();
        restore.allComponentsRestored();
        VssException thrown = assertThrows(VssException.class, restore::finish);
        assertEquals(ShadowCopyRequest.TIMEOUT_HRESULT, thrown.hresult());
        assertEquals(Phase.POST_RESTORE, thrown.phase().orElseThrow());
        assertTrue(listener.events(ProgressEvent.CleanedUp.class).get(0).cancelledAsync());
        assertEquals(1, count(vss, Operation.POST_RESTORE), "a cancelled PostRestore is not run again");
        assertTrue(restore.isClosed());
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void finishAsyncFinishesOnItsOwnThread() throws Exception {
        Vss vss = sqlMachine();
        String document = backUp(vss);
        PreparedRestore restore = vss.restore(document).prepare();
        restore.allComponentsRestored();
        RestoreResult result = restore.finishAsync().get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertTrue(result.succeeded());
        assertThrows(IllegalStateException.class, restore::finish);
        assertEquals(0, machine(vss).liveObjects());
    }

    @Test
    void badUseIsRefusedWithTheRule() throws Exception {
        Vss vss = sqlMachine();
        String document = backUp(vss);
        assertThrows(NullPointerException.class, () -> vss.restore(null));
        assertThrows(IllegalArgumentException.class, () -> vss.restore(" "));
        IllegalArgumentException unchosen = assertThrows(IllegalArgumentException.class,
                () -> vss.restore(document).restoreOptions(SQL, DB1, "x"));
        assertTrue(unchosen.getMessage().contains("choose it with component"), unchosen.getMessage());
        assertThrows(IllegalArgumentException.class, () -> vss.restore(document).component(SQL, DB1)
                .component(SQL, DB1.toUpperCase()));
        IllegalArgumentException backupPhase = assertThrows(IllegalArgumentException.class,
                () -> vss.restore(document).timeout(Phase.PREPARE_FOR_BACKUP, Duration.ofMinutes(1)));
        assertTrue(backupPhase.getMessage().contains("not an asynchronous restore phase"));
        assertThrows(IllegalArgumentException.class,
                () -> vss.shadowCopy().timeout(Phase.PRE_RESTORE, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> vss.restore(document).restoreType(RestoreType.UNDEFINED));

        PreparedRestore restore = vss.restore(document).component(SQL, DB1).prepare();
        RestoreComponent db1 = restore.components().get(0);
        RestoreComponent foreign = new RestoreComponent(db1.writerName(), db1.writerId(), db1.instanceId(), db1.type(),
                db1.logicalPath(), "db2", db1.files(), db1.restoreTarget(), List.of(), List.of(), "", false,
                db1.instructions());
        IllegalArgumentException notHere = assertThrows(IllegalArgumentException.class,
                () -> restore.componentRestored(foreign));
        assertTrue(notHere.getMessage().contains("is not in this restore"), notHere.getMessage());
        restore.finish();
        IllegalStateException twice = assertThrows(IllegalStateException.class, restore::finish);
        assertTrue(twice.getMessage().contains("finished or closed"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> restore.componentRestored(db1));
        restore.close();
        assertEquals(0, machine(vss).liveObjects());
    }
}
