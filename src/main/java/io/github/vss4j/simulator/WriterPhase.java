package io.github.vss4j.simulator;

/**
 * Where in a backup or a restore a simulated writer fails or hangs: the writer events of VSS, each run by one
 * requester call. A writer takes part in a restore's phases only when one of its components is selected for it.
 *
 * <pre>{@code
 * SimulatedWriter.named("SqlServerWriter").failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_TIMEOUT)
 * }</pre>
 *
 * <table class="striped">
 * <caption>The phases, the call that runs them, and the state a failure leaves</caption>
 * <thead><tr><th>phase</th><th>run by</th><th>failed state</th></tr></thead>
 * <tbody>
 * <tr><td>{@link #IDENTIFY}</td><td>GatherWriterMetadata</td><td>FAILED_AT_IDENTIFY (and no metadata)</td></tr>
 * <tr><td>{@link #PREPARE_BACKUP}</td><td>PrepareForBackup</td><td>FAILED_AT_PREPARE_BACKUP</td></tr>
 * <tr><td>{@link #PREPARE_SNAPSHOT}</td><td>DoSnapshotSet</td><td>FAILED_AT_PREPARE_SNAPSHOT</td></tr>
 * <tr><td>{@link #FREEZE}</td><td>DoSnapshotSet</td><td>FAILED_AT_FREEZE</td></tr>
 * <tr><td>{@link #THAW}</td><td>DoSnapshotSet</td><td>FAILED_AT_THAW</td></tr>
 * <tr><td>{@link #POST_SNAPSHOT}</td><td>DoSnapshotSet</td><td>FAILED_AT_POST_SNAPSHOT</td></tr>
 * <tr><td>{@link #BACKUP_COMPLETE}</td><td>BackupComplete</td><td>FAILED_AT_BACKUP_COMPLETE</td></tr>
 * <tr><td>{@link #PRE_RESTORE}</td><td>PreRestore</td><td>FAILED_AT_PRE_RESTORE (and each selected component's
 * pre-restore failure message)</td></tr>
 * <tr><td>{@link #POST_RESTORE}</td><td>PostRestore</td><td>FAILED_AT_POST_RESTORE (and each selected component's
 * post-restore failure message)</td></tr>
 * </tbody>
 * </table>
 */
public enum WriterPhase {
    // The order is shared with the native simulator (native/src/sim/machine.h WriterPhase).
    /** Never: a healthy writer. */
    NONE,
    /** Identify, run by GatherWriterMetadata. */
    IDENTIFY,
    /** PrepareForBackup. */
    PREPARE_BACKUP,
    /** PrepareForSnapshot, the first writer event of DoSnapshotSet. */
    PREPARE_SNAPSHOT,
    /** Freeze, during DoSnapshotSet. */
    FREEZE,
    /** Thaw, during DoSnapshotSet. */
    THAW,
    /** PostSnapshot, the last writer event of DoSnapshotSet. */
    POST_SNAPSHOT,
    /** BackupComplete. */
    BACKUP_COMPLETE,
    /** PreRestore, before the requester puts the files back. */
    PRE_RESTORE,
    /** PostRestore, once the files are back. */
    POST_RESTORE
}
