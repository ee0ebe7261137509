package io.github.vss4j.internal;

/**
 * Every {@code native} method of vss4j, in one place. Thin by design: handles are opaque ids (never pointers),
 * results come back as HRESULTs that Java translates ({@code VssError}), and structured results are filled into
 * caller-supplied arrays whose cells {@link Rows} numbers (generated from src/build/tables/rows.txt, as the shim's
 * generated/rows.h is).
 *
 * <p>A closed, stale or foreign handle throws {@link IllegalStateException}; a {@code null} where a value is
 * required throws {@link NullPointerException}; nothing here crashes the JVM.
 */
public final class NativeBridge {
    private NativeBridge() {
    }

    // ---- library ---------------------------------------------------------------------------------------------

    /** The operation names compiled into the shim, in order, to check that the shim was built from this Java's {@code Operation}. */
    public static native String[] operationNames();

    /** The version of the shim (the Maven project version it was built with). */
    public static native String nativeVersion();

    // ---- backends: real VSS and simulated machines ----------------------------------------------------------

    /**
     * Opens the real VSS backend: {@code out[0]} receives its handle on success; on failure the HRESULT comes back
     * and {@code message[0]} says what the operator should do. {@link UnsupportedOperationException} where the shim
     * has no real backend (not Windows).
     */
    public static native int systemBackend(boolean initializeComSecurity, long[] out, String[] message);

    /** A new simulated machine, empty (no volumes, no writers, no faults). */
    public static native long simulatorCreate();

    /** {@code guidName}: the volume's {@code \\?\Volume{GUID}\} path, which copies report as their original volume. */
    public static native void simulatorAddVolume(long machine, String name, String guidName, boolean supported,
            long diffAreaBytes, long bytesPerCopy, int maxShadowCopies);

    /**
     * A persistent copy the machine holds from the start, in the layout of getSnapshotProperties (one row); false
     * if its original volume is none of the machine's.
     */
    public static native boolean simulatorAddExistingCopy(long machine, long[] longs, String[] strings);

    /** {@code failsAt}: 0 none, 1 identify, 2 prepare backup, 3 prepare snapshot, 4 freeze, 5 thaw, 6 post snapshot, 7 backup complete. */
    public static native void simulatorAddWriter(long machine, String name, long writerIdHi, long writerIdLo,
            long instanceIdHi, long instanceIdLo, int failsAt, int failure, boolean hangs, Object[] description);

    /**
     * A component of the writer instance added before fails at {@code phase} (numbered as for simulatorAddWriter)
     * with {@code failure}; false if the writer or component is unknown or the phase is none a component fails in.
     */
    public static native boolean simulatorAddComponentFault(long machine, long instanceIdHi, long instanceIdLo,
            int componentType, String logicalPath, String componentName, int phase, int failure);

    /** {@code attempts} -1: every attempt from {@code firstAttempt} on. */
    public static native void simulatorAddFault(long machine, int operation, int hresult, boolean throughQueryStatus,
            int firstAttempt, int attempts);

    public static native void simulatorSetDuration(long machine, int operation, long nanos);

    public static native void simulatorSetWriterTimeout(long machine, long nanos);

    public static native void simulatorSetWaitTimeoutResult(long machine, int hresult);

    public static native void simulatorSetWriterFailureFailsSnapshotSet(long machine, boolean fails);

    public static native long simulatorLiveObjects(long machine);

    /** The calls made on the machine so far, as operation ordinals. */
    public static native int[] simulatorCallLog(long machine);

    /** Fills {@code out[0]} with a long[] and {@code out[1]} with a String[], Rows.Snapshot* per copy. */
    public static native void simulatorExistingSnapshots(long machine, Object[] out);

    /** Drops Java's reference to a backend; objects made from it keep it alive as long as they need it. */
    public static native void backendRelease(long backend);

    /**
     * The state of the Windows service {@code name} (the simulated machine's answer on a simulator):
     * {@code out = {exists (0/1), currentState (SERVICE_STOPPED 1 .. SERVICE_PAUSED 7), startType (0 .. 4,
     * SERVICE_DISABLED 4)}}; an HRESULT.
     */
    public static native int queryService(long backend, String name, int[] out);

    /**
     * The event-log entries of {@code sources} (provider names: letters, digits, space, '.', '_', '-'; 1 to 32 of
     * them) in the Application and System logs, created from {@code fromMillis} to {@code toMillis} (epoch
     * milliseconds), of level 1 (critical) to {@code maxLevel}, newest first, at most {@code maxCount} (1..1000),
     * read for at most about {@code timeoutMillis} (1..60000). {@code holder = {long[] EventLongs, String[]
     * EventStrings}} on success (see {@code Decode.events}); an HRESULT (E_NOTIMPL: a backend without a log).
     */
    public static native int readEvents(long backend, String[] sources, long fromMillis, long toMillis, int maxLevel,
            int maxCount, int timeoutMillis, Object[] holder);

    // ---- simulated machines: providers, name, writers (simulator_inspect_jni.cpp) ---------------------------

    /**
     * How a service stands on the simulated machine (queryService): {@code currentState} and {@code startType} as
     * Windows numbers them (SERVICE_RUNNING 4; SERVICE_DEMAND_START 3, SERVICE_DISABLED 4).
     */
    public static native void simulatorSetService(long machine, String name, boolean exists, int currentState,
            int startType);

    /** An entry already in the simulated machine's event log ({@code timeMillis} since 1970 UTC). */
    public static native void simulatorLogEvent(long machine, String channel, String source, int eventId, int level,
            long timeMillis, String message);

    /** Registers a provider besides the system one: AddToSnapshotSet accepts its id. */
    public static native void simulatorAddProvider(long machine, long providerHi, long providerLo);

    public static native void simulatorSetMachineName(long machine, String name);

    public static native String simulatorMachineName(long machine);

    /** Fills {@code out[0]} long[] and {@code out[1]} String[], Rows.WriterStatus* per configured writer. */
    public static native void simulatorWriterStates(long machine, Object[] out);

    // ---- simulated machines: the files of copies (simulator_content_jni.cpp) --------------------------------

    /** Where the machine puts its copies' files: an owner-only folder of this process, removed with the machine. */
    public static native void simulatorSetContentFolder(long machine, String folder);

    /** Backs the volume added before with the tree at {@code folder}; false if the machine has no such volume. */
    public static native boolean simulatorSetVolumeContent(long machine, String volume, String folder);

    /**
     * The files of the copy at {@code deviceObject}: 0 no such copy (unknown or released); 1 its volume has no
     * files, {@code out[0]} the volume's name; 2 {@code out[0]} the volume's name and {@code out[1]} the folder that
     * holds the copy's read-only tree.
     */
    public static native int simulatorCopyFiles(long machine, String deviceObject, String[] out);

    // ---- IVssBackupComponents ----------------------------------------------------------------------------------

    /** CreateVssBackupComponents on a new object thread; {@code out[0]} receives the handle when S_OK. */
    public static native int create(long backend, long[] out);

    /** Release: ends the object thread and releases the object, once; a second call is harmless. */
    public static native void release(long components);

    public static native int initializeForBackup(long components, String xml);

    public static native int setContext(long components, int context);

    public static native int setBackupState(long components, boolean selectComponents, boolean bootableSystemState,
            int backupType, boolean partialFileSupport);

    /** Enable/DisableWriterClasses, DisableWriterInstances: ids as hi, lo pairs. */
    public static native int disableWriterClasses(long components, long[] writerClassIds);

    public static native int enableWriterClasses(long components, long[] writerClassIds);

    public static native int disableWriterInstances(long components, long[] writerInstanceIds);

    /**
     * Blocks until an operation of any object ends, or {@code timeoutMillis} pass: 1 with its token in
     * {@code token[0]} and its final status in {@code status[0]}, 0 if none ended. For {@code completion.CompletionThreads}.
     */
    public static native int awaitCompletion(long[] token, int[] status, int timeoutMillis);

    /** Asynchronous calls: {@code token} comes back from {@link #awaitCompletion}; {@code out[0]} gets the async handle. */
    public static native int gatherWriterMetadata(long components, long token, long[] out);

    /** Fills {@code out[0..7]}: the four tables {@link WriterTables} reads. */
    public static native int getWriterMetadata(long components, Object[] out);

    /** {@code logicalPath} may be null. */
    public static native int addComponent(long components, long instanceHi, long instanceLo, long writerHi,
            long writerLo, int componentType, String logicalPath, String componentName);

    /** {@code logicalPath} may be null. */
    public static native int setBackupOptions(long components, long writerHi, long writerLo, int componentType,
            String logicalPath, String componentName, String options);

    /** {@code logicalPath} may be null. */
    public static native int setPreviousBackupStamp(long components, long writerHi, long writerLo,
            int componentType, String logicalPath, String componentName, String previousBackupStamp);

    /** Fills {@code out[0]} long[] and {@code out[1]} String[], Rows.RecordedComponent* per component. */
    public static native int getWriterComponents(long components, Object[] out);

    /** {@code out[0]} receives the Backup Components Document. */
    public static native int saveAsXml(long components, String[] out);

    /** Restore: {@code xml} is the document SaveAsXML gave; never null. */
    public static native int initializeForRestore(long components, String xml);

    public static native int setRestoreState(long components, int restoreType);

    /** A null instance id (0, 0) is SetSelectedForRestore, any other SetSelectedForRestoreEx. */
    public static native int setSelectedForRestore(long components, long instanceHi, long instanceLo, long writerHi,
            long writerLo, int componentType, String logicalPath, String componentName, boolean selected);

    public static native int setAdditionalRestores(long components, long writerHi, long writerLo, int componentType,
            String logicalPath, String componentName, boolean additionalRestores);

    public static native int setRestoreOptions(long components, long writerHi, long writerLo, int componentType,
            String logicalPath, String componentName, String options);

    public static native int addAlternativeLocationMapping(long components, long writerHi, long writerLo,
            int componentType, String logicalPath, String componentName, String path, String filespec,
            boolean recursive, String destination);

    public static native int addNewTarget(long components, long writerHi, long writerLo, int componentType,
            String logicalPath, String componentName, String path, String fileName, boolean recursive,
            String alternatePath);

    public static native int preRestore(long components, long token, long[] out);

    public static native int setFileRestoreStatus(long components, long writerHi, long writerLo, int componentType,
            String logicalPath, String componentName, int status);

    public static native int postRestore(long components, long token, long[] out);

    /** SetBackupSucceeded as the simulated writers were told it: out[0] long[], out[1] String[] (Rows.Outcome*). */
    public static native void simulatorComponentOutcomes(long machine, Object[] out);

    /** The simulated writers' restores: out[0..1] Rows.RestoreRecord*, out[2..3] Rows.RestoreFileSet*. */
    public static native void simulatorRestoreRecords(long machine, Object[] out);

    /** False if the writer instance or its component is unknown, or the target is no VSS_RESTORE_TARGET. */
    public static native boolean simulatorSetRestoreTarget(long machine, long instanceIdHi, long instanceIdLo,
            int componentType, String logicalPath, String componentName, int target);

    public static native int freeWriterMetadata(long components);

    /** {@code out[0..1]}: the snapshot set id. */
    public static native int startSnapshotSet(long components, long[] out);

    /** {@code out[0..1]}: the snapshot id. */
    public static native int addToSnapshotSet(long components, String volume, long providerHi, long providerLo,
            long[] out);

    /** {@code out[0]}: 1 when supported, 0 when not. */
    public static native int isVolumeSupported(long components, String volume, long providerHi, long providerLo,
            int[] out);

    public static native int prepareForBackup(long components, long token, long[] out);

    public static native int doSnapshotSet(long components, long token, long[] out);

    public static native int gatherWriterStatus(long components, long token, long[] out);

    /** Fills {@code out[0]} long[] and {@code out[1]} String[], Rows.WriterStatus* per writer. */
    public static native int getWriterStatus(long components, Object[] out);

    /** Fills {@code longs} (Rows.SnapshotLongs) and {@code strings} (Rows.SnapshotStrings). */
    public static native int getSnapshotProperties(long components, long idHi, long idLo, long[] longs,
            String[] strings);

    public static native int setBackupSucceeded(long components, long instanceHi, long instanceLo, long writerHi,
            long writerLo, int componentType, String logicalPath, String componentName, boolean succeeded);

    public static native int backupComplete(long components, long token, long[] out);

    public static native int abortBackup(long components);

    /** Fills {@code out[0]} long[] and {@code out[1]} String[], Rows.Snapshot* per copy. */
    public static native int query(long components, Object[] out);

    /** Fills {@code out[0]} long[] and {@code out[1]} String[], Rows.Provider* per registered provider. */
    public static native int queryProviders(long components, Object[] out);

    /** {@code out[0]}: deleted count; {@code out[1..2]}: the id that could not be deleted, if any. */
    public static native int deleteSnapshots(long components, long idHi, long idLo, int objectType,
            boolean forceDelete, long[] out);

    // ---- IVssAsync ----------------------------------------------------------------------------------------------

    /** {@code out[0]}: VSS_S_ASYNC_PENDING, VSS_S_ASYNC_FINISHED, VSS_S_ASYNC_CANCELLED or the error. */
    public static native int asyncQueryStatus(long async, int[] out);

    public static native int asyncCancel(long async);

    /** Drops Java's handle; the IVssAsync is released once its waiter is done with it too. */
    public static native void asyncRelease(long async);

    // ExposeSnapshot

    /** {@code out[0]}: the name VSS exposed the copy as. pathFromRoot and expose may be null, as VSS takes them. */
    public static native int exposeSnapshot(long components, long idHi, long idLo, String pathFromRoot,
            int attributes, String expose, String[] out);

    /** IVssBackupComponentsEx2::UnexposeSnapshot. */
    public static native int unexposeSnapshot(long components, long idHi, long idLo);

    // Reading a copy on Windows (copy_access_jni.cpp): a directory link to the copy's device object, and files
    // opened with backup semantics. Each returns a Win32 error code (0 for success) for Java to map; on another
    // OS each throws UnsupportedOperationException.

    /** CreateSymbolicLinkW(link, deviceObject + "\\", directory); a malformed device object: IllegalArgumentException. */
    public static native int copyLinkCreate(String deviceObject, String link);

    /** RemoveDirectoryW on the link (never the target); a missing link answers 0. */
    public static native int copyLinkRemove(String link);

    /**
     * CreateFileW with backup semantics, SeBackupPrivilege enabled on this thread for the open only; refused
     * (ERROR_NOT_SAME_DEVICE) if the file opened is not on {@code deviceObject}, as when a link inside the copy leads
     * out of it, and (ERROR_DIRECTORY) if it is a directory. {@code out[0]}: the file handle id; {@code out[1]}: 1 if
     * SeBackupPrivilege was enabled for the open (the process holds it), else 0.
     */
    public static native int backupOpen(String path, String deviceObject, long[] out);

    /** ReadFile at the file pointer into {@code buffer} (direct) at [offset, offset+length); {@code out[0]}: bytes read, 0 at the end. */
    public static native int backupRead(long file, java.nio.ByteBuffer buffer, int offset, int length, int[] out);

    /** SetFilePointerEx(position, FILE_BEGIN). */
    public static native int backupSeek(long file, long position);

    /** {@code out[0]}: GetFileSizeEx. */
    public static native int backupSize(long file, long[] out);

    /** Drops the handle id; CloseHandle runs once, when no read on another thread still uses it. */
    public static native void backupClose(long file);

    // Shadow storage

    /** QueryDiffAreasForVolume of the system provider: {@code out[0]} long[], {@code out[1]} String[] (Rows.DiffArea*). */
    public static native int shadowStorageQuery(long backend, String volume, Object[] out);

    /** AddDiffArea of the system provider. */
    public static native int shadowStorageAdd(long backend, String volume, String diffAreaVolume, long maximumBytes);

    /** ChangeDiffAreaMaximumSize of the system provider. */
    public static native int shadowStorageResize(long backend, String volume, String diffAreaVolume, long maximumBytes);
}
