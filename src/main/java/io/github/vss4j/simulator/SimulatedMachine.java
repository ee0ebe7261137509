package io.github.vss4j.simulator;

import io.github.vss4j.Operation;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import java.util.List;
import java.util.Optional;

/**
 * A running simulated machine, for tests to look into: what the code under test left behind (live objects,
 * shadow copies), what it called and in which order, and where the writers stand. Obtain it from
 * {@code vss.simulatedMachine()}; every method is thread-safe and sees the machine as it is now.
 *
 * <pre>{@code
 * Vss vss = Vss.simulator(simulation);
 * myBackupProduct.run(vss);                                          // the code under test
 * SimulatedMachine machine = vss.simulatedMachine().orElseThrow();
 * assertEquals(0, machine.liveObjects());                            // it released everything
 * assertEquals(List.of(), machine.existingSnapshots());              // and left no copy behind
 * assertTrue(machine.callLog().contains(Operation.ABORT_BACKUP));     // it aborted after the failure
 * assertEquals(WriterState.STABLE, machine.writerState("SqlServerWriter").orElseThrow().state());
 * }</pre>
 */
public interface SimulatedMachine {
    /**
     * VSS objects alive now ({@code IVssBackupComponents} and {@code IVssAsync}); zero once the code under test has
     * closed everything it opened.
     */
    long liveObjects();

    /**
     * Every call made on the machine's objects so far, in order, across all objects and threads; a call that
     * failed (even with {@code VSS_E_BAD_STATE}) is listed too. {@code CreateVssBackupComponents} counts as
     * {@link Operation#CREATE_BACKUP_COMPONENTS}; IVssAsync calls are not listed. The machine keeps the most recent
     * 100,000 calls (older ones fall off the front), so that a soak test's memory stays flat.
     */
    List<Operation> callLog();

    /**
     * The shadow copies that exist on the machine now: persistent ones, and auto-release ones whose object is
     * still open.
     */
    List<SnapshotProperties> existingSnapshots();

    /** The name copies report as originating and service machine ({@code VSS4J-SIM} unless described). */
    String machineName();

    /**
     * Every described writer, in the order described, as the backup that last moved it left it: {@code STABLE}
     * before any backup and after identify and PrepareForBackup; {@code WAITING_FOR_BACKUP_COMPLETE} after
     * DoSnapshotSet; {@code FAILED_AT_<phase>} with the writer's error once it failed. States change when the
     * asynchronous operation that runs a phase ends: the states a writer passes through inside a DoSnapshotSet
     * still pending ({@code WAITING_FOR_FREEZE}, {@code WAITING_FOR_THAW}...) are not shown. When the object
     * that moved the writers is released, the healthy writers still waiting go back to {@code STABLE} (VSS's
     * BackupShutdown) and the failed ones keep their failure until a later backup moves them, as
     * {@code vssadmin list writers} shows them. Writers take no part in contexts without writers, which leave
     * them as they were. A restore moves the writers of the components it selects: {@code STABLE} after PreRestore
     * and PostRestore, {@code FAILED_AT_PRE_RESTORE} or {@code FAILED_AT_POST_RESTORE} once one fails.
     */
    List<WriterStatus> writerStates();

    /**
     * {@link #writerStates()} of the first writer named {@code writerName}; empty if no writer has that name.
     */
    default Optional<WriterStatus> writerState(String writerName) {
        return writerStates().stream().filter(w -> w.writerName().equals(writerName)).findFirst();
    }

    /** Whether any writer is in a failed state now ({@link WriterState#isFailed()}). */
    default boolean anyWriterFailed() {
        return writerStates().stream().anyMatch(WriterStatus::isFailed);
    }

    /**
     * Every component whose writer was told with SetBackupSucceeded how its backup went, one row per component
     * (the latest call counts), in the order they were first told. A component added but never told does not
     * show: the writer would not truncate its logs for it.
     */
    List<ComponentOutcome> componentOutcomes();

    /**
     * Whether the writer named {@code writerName} was told that the backup of its component {@code logicalPath}
     * (empty or null for none) / {@code componentName} succeeded: empty if it was never told.
     */
    default Optional<Boolean> backupSucceeded(String writerName, String logicalPath, String componentName) {
        return componentOutcome(writerName, logicalPath, componentName).map(ComponentOutcome::succeeded);
    }

    /**
     * Everything the writer named {@code writerName} was told and recorded about its component
     * {@code logicalPath} (empty or null for none) / {@code componentName}: empty if it was never told with
     * SetBackupSucceeded.
     */
    default Optional<ComponentOutcome> componentOutcome(String writerName, String logicalPath,
            String componentName) {
        String path = logicalPath == null ? "" : logicalPath;
        return componentOutcomes().stream()
                .filter(o -> o.writerName().equals(writerName) && o.logicalPath().equals(path)
                        && o.componentName().equals(componentName))
                .findFirst();
    }

    /**
     * Every component a writer was asked to restore (selected, and PreRestore run), one row per component (the
     * latest restore counts), in the order first restored: what the writer was told and what it answered.
     */
    List<ComponentRestore> componentRestores();

    /**
     * What the writer named {@code writerName} was told and answered about restoring its component
     * {@code logicalPath} (empty or null for none) / {@code componentName}; empty if it was never asked to restore
     * it.
     *
     * <pre>{@code
     * ComponentRestore db1 = machine.componentRestore("SqlServerWriter", "VSS4J-SIM", "db1").orElseThrow();
     * assertEquals(FileRestoreStatus.ALL, db1.fileRestoreStatus());   // the SQL writer restored db1, status ALL
     * }</pre>
     */
    default Optional<ComponentRestore> componentRestore(String writerName, String logicalPath,
            String componentName) {
        String path = logicalPath == null ? "" : logicalPath;
        return componentRestores().stream()
                .filter(r -> r.writerName().equals(writerName) && r.logicalPath().equals(path)
                        && r.componentName().equals(componentName))
                .findFirst();
    }
}
