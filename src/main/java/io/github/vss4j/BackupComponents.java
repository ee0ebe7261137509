package io.github.vss4j;

import io.github.vss4j.internal.Decode;
import io.github.vss4j.internal.ExposeNames;
import io.github.vss4j.internal.FileSets;
import io.github.vss4j.internal.Guids;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import io.github.vss4j.internal.Rows;
import io.github.vss4j.internal.VolumeNames;
import io.github.vss4j.internal.completion.AsyncOperationHandle;
import io.github.vss4j.internal.completion.CallbackExecutor;
import io.github.vss4j.internal.WriterTables;
import io.github.vss4j.internal.ComponentNames;
import java.lang.ref.Reference;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One VSS backup-components object ({@code IVssBackupComponents}), method for method, with Java names and types.
 *
 * <p>VSS's call order applies (Microsoft's documentation of {@code IVssBackupComponents}; docs/using-the-api.md, "Call
 * order"): InitializeForBackup,
 * SetContext, SetBackupState, GatherWriterMetadata, StartSnapshotSet, AddToSnapshotSet, PrepareForBackup,
 * DoSnapshotSet, GetSnapshotProperties, BackupComplete. A call out of order fails with
 * {@link VssError#VSS_E_BAD_STATE}. One object serves one backup: after a failure, abort where VSS requires it,
 * close, and start again with a new object. A restore takes its own object, initialized with
 * {@link #initializeForRestore} (see there for its order).
 *
 * <p>Every call runs on a native thread that belongs to this object (on Windows, in the multithreaded apartment);
 * the calling Java thread only waits for it. Calls may come from any thread. Close it when done: that releases the
 * object, which deletes its auto-release shadow copies. Closing cancels asynchronous operations still running.
 */
public final class BackupComponents implements AutoCloseable {
    /** The system provider's id, {@code {b5946137-7b9f-4925-af80-51abd60b20d5}}. */
    public static final UUID SYSTEM_PROVIDER = UUID.fromString("b5946137-7b9f-4925-af80-51abd60b20d5");

    private final OwnedHandle handle;
    private final CallbackExecutor executor;

    private BackupComponents(long handle, CallbackExecutor executor) {
        this.handle = OwnedHandle.toBeClosed(handle, NativeBridge::release,
                "this BackupComponents is closed; create a new one for a new backup",
                "A BackupComponents was never closed; vss4j released it when the garbage collector found it, which"
                        + " also deleted its auto-release shadow copies. Close it (try-with-resources).");
        this.executor = executor;
    }

    static BackupComponents create(OwnedHandle backend, CallbackExecutor executor) throws VssException {
        long[] out = new long[1];
        int hresult = backend.use(b -> NativeBridge.create(b, out));
        if (hresult < 0) {
            throw new VssException(Operation.CREATE_BACKUP_COMPONENTS, hresult);
        }
        return new BackupComponents(out[0], executor);
    }

    /** {@code InitializeForBackup(NULL)}: prepares the object for a new backup. */
    public void initializeForBackup() throws VssException {
        check(Operation.INITIALIZE_FOR_BACKUP, NativeBridge.initializeForBackup(live(), null), null);
    }

    /** {@code InitializeForBackup(xml)}: resumes from a Backup Components Document saved earlier. */
    public void initializeForBackup(String backupComponentsDocument) throws VssException {
        check(Operation.INITIALIZE_FOR_BACKUP,
                NativeBridge.initializeForBackup(live(), checkedDocument(backupComponentsDocument)), null);
    }

    private static String checkedDocument(String backupComponentsDocument) {
        Objects.requireNonNull(backupComponentsDocument, "backupComponentsDocument");
        if (backupComponentsDocument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the Backup Components Document contains a NUL character");
        }
        return backupComponentsDocument;
    }

    /** {@code SetContext}: once, before StartSnapshotSet; BACKUP when never called. */
    public void setContext(VssContext context) throws VssException {
        Objects.requireNonNull(context, "context");
        check(Operation.SET_CONTEXT, NativeBridge.setContext(live(), context.value()), context.name());
    }

    /** {@code SetBackupState}: required before PrepareForBackup in the contexts that involve writers. */
    public void setBackupState(boolean selectComponents, boolean backupBootableSystemState, BackupType backupType,
            boolean partialFileSupport) throws VssException {
        Objects.requireNonNull(backupType, "backupType");
        check(Operation.SET_BACKUP_STATE, NativeBridge.setBackupState(live(), selectComponents,
                backupBootableSystemState, backupType.value(), partialFileSupport), backupType.name());
    }

    /**
     * {@code DisableWriterClasses}: these writer classes (and all their instances) take no part in this backup.
     * Call it before GatherWriterMetadata; VSS ignores it afterwards. Repeated calls add to the list.
     */
    public void disableWriterClasses(Collection<UUID> writerClassIds) throws VssException {
        check(Operation.DISABLE_WRITER_CLASSES, NativeBridge.disableWriterClasses(live(), pairs(writerClassIds)),
                null);
    }

    /**
     * {@code EnableWriterClasses}: only these writer classes take part. The first call undoes earlier
     * {@link #disableWriterClasses} calls; later calls add to the list. Before GatherWriterMetadata.
     */
    public void enableWriterClasses(Collection<UUID> writerClassIds) throws VssException {
        check(Operation.ENABLE_WRITER_CLASSES, NativeBridge.enableWriterClasses(live(), pairs(writerClassIds)), null);
    }

    /** {@code DisableWriterInstances}: these writer instances take no part. Before GatherWriterMetadata. */
    public void disableWriterInstances(Collection<UUID> writerInstanceIds) throws VssException {
        check(Operation.DISABLE_WRITER_INSTANCES,
                NativeBridge.disableWriterInstances(live(), pairs(writerInstanceIds)), null);
    }

    private static long[] pairs(Collection<UUID> ids) {
        Objects.requireNonNull(ids, "writer ids");
        long[] pairs = new long[ids.size() * 2];
        int i = 0;
        for (UUID id : ids) {
            pairs[i++] = Objects.requireNonNull(id, "a writer id in the list").getMostSignificantBits();
            pairs[i++] = id.getLeastSignificantBits();
        }
        return pairs;
    }

    /** {@code GatherWriterMetadata}: asks every writer to describe itself; once per object. */
    public VssAsync gatherWriterMetadata() throws VssException {
        return startAsync(Operation.GATHER_WRITER_METADATA,
                (token, out) -> NativeBridge.gatherWriterMetadata(live(), token, out));
    }

    /**
     * The writers that answered GatherWriterMetadata, each in full ({@code IVssExamineWriterMetadata}): identity,
     * restore method, backup schema, exclude files and components with their file descriptors (each with the
     * volume it lives on) and dependencies.
     */
    public List<WriterMetadata> getWriterMetadata() throws VssException {
        Object[] holder = new Object[WriterTables.SLOTS];
        check(Operation.GET_WRITER_METADATA, NativeBridge.getWriterMetadata(live(), holder), null);
        return Decode.writerMetadata(holder);
    }

    /** {@code FreeWriterMetadata}. */
    public void freeWriterMetadata() throws VssException {
        check(Operation.FREE_WRITER_METADATA, NativeBridge.freeWriterMetadata(live()), null);
    }

    /**
     * {@code AddComponent}: puts a writer's component into the Backup Components Document, so that the writer backs
     * it up. In component mode only ({@link #setBackupState} with {@code selectComponents} true), after
     * GatherWriterMetadata and before PrepareForBackup, in a context with writers; otherwise
     * {@link VssError#VSS_E_BAD_STATE}. A component the writer did not declare: {@link VssError#VSS_E_OBJECT_NOT_FOUND};
     * one added twice: {@link VssError#VSS_E_OBJECT_ALREADY_EXISTS}.
     *
     * @param instanceId    the writer instance ({@link WriterMetadata#instanceId()})
     * @param writerId      the writer class ({@link WriterMetadata#writerId()})
     * @param type          the component's type
     * @param logicalPath   its logical path; {@code null} or empty for none
     * @param componentName its name
     */
    public void addComponent(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName) throws VssException {
        Objects.requireNonNull(instanceId, "instanceId");
        ComponentNames.Key key = ComponentNames.key(writerId, type, logicalPath, componentName);
        check(Operation.ADD_COMPONENT, NativeBridge.addComponent(live(), Guids.hi(instanceId), Guids.lo(instanceId),
                Guids.hi(writerId), Guids.lo(writerId), type.value(), key.path(), key.name()),
                key.description());
    }

    /**
     * {@code SetBackupSucceeded}: tells a writer whether the backup of one of its components succeeded (SQL Server
     * and Exchange truncate their logs only when told it did). After DoSnapshotSet succeeded and before
     * BackupComplete ({@link VssError#VSS_E_BAD_STATE} otherwise), for a component added with
     * {@link #addComponent} ({@link VssError#VSS_E_OBJECT_NOT_FOUND} otherwise).
     */
    public void setBackupSucceeded(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName, boolean succeeded) throws VssException {
        Objects.requireNonNull(instanceId, "instanceId");
        setInstanceFlag(Operation.SET_BACKUP_SUCCEEDED, NativeBridge::setBackupSucceeded, instanceId, writerId, type,
                logicalPath, componentName, succeeded);
    }

    /** The native side of SetBackupSucceeded and SetSelectedForRestore: an instance, a component, a flag. */
    @FunctionalInterface
    private interface InstanceFlagCall {
        int call(long components, long instanceHi, long instanceLo, long writerHi, long writerLo, int componentType,
                String logicalPath, String componentName, boolean flag);
    }

    private void setInstanceFlag(Operation operation, InstanceFlagCall call, UUID instanceId, UUID writerId,
            ComponentType type, String logicalPath, String componentName, boolean flag) throws VssException {
        ComponentNames.Key key = ComponentNames.key(writerId, type, logicalPath, componentName);
        check(operation, call.call(live(), Guids.hi(instanceId), Guids.lo(instanceId), Guids.hi(writerId),
                Guids.lo(writerId), type.value(), key.path(), key.name(), flag), key.description());
    }

    /**
     * {@code SetBackupOptions}: writer-specific backup options for a component added with {@link #addComponent}
     * (their format is the writer's), stored in the Backup Components Document. Before PrepareForBackup
     * ({@link VssError#VSS_E_BAD_STATE} otherwise); a component not added: {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     */
    public void setBackupOptions(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String options) throws VssException {
        setComponentText(Operation.SET_BACKUP_OPTIONS, NativeBridge::setBackupOptions, "backup options", writerId,
                type, logicalPath, componentName, options);
    }

    /**
     * {@code SetPreviousBackupStamp}: the backup stamp of the earlier backup an incremental or differential backup
     * builds on, for a component added with {@link #addComponent}; the stamp comes from that backup's document (the
     * writer made it; its format is the writer's). Before PrepareForBackup ({@link VssError#VSS_E_BAD_STATE}
     * otherwise); a component not added: {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     */
    public void setPreviousBackupStamp(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String previousBackupStamp) throws VssException {
        setComponentText(Operation.SET_PREVIOUS_BACKUP_STAMP, NativeBridge::setPreviousBackupStamp,
                "previous backup stamp", writerId, type, logicalPath, componentName, previousBackupStamp);
    }

    /** The native side of SetBackupOptions and SetPreviousBackupStamp: a writer class, a component, a text. */
    @FunctionalInterface
    private interface ComponentTextCall {
        int call(long components, long writerHi, long writerLo, int componentType, String logicalPath,
                String componentName, String text);
    }

    private void setComponentText(Operation operation, ComponentTextCall call, String textName, UUID writerId,
            ComponentType type, String logicalPath, String componentName, String text) throws VssException {
        ComponentNames.Key key = ComponentNames.key(writerId, type, logicalPath, componentName);
        String checked = ComponentNames.text(textName, text);
        check(operation, call.call(live(), Guids.hi(writerId), Guids.lo(writerId), type.value(), key.path(),
                key.name(), checked), key.description());
    }

    /**
     * {@code GetWriterComponents}: every component in the Backup Components Document with what its writer and the
     * requester recorded: the writer's backup stamp (once the copies exist), SetBackupSucceeded, options and the
     * previous stamp. From PrepareForBackup on ({@link VssError#VSS_E_BAD_STATE} before).
     */
    public List<RecordedComponent> getWriterComponents() throws VssException {
        Object[] holder = new Object[2];
        check(Operation.GET_WRITER_COMPONENTS, NativeBridge.getWriterComponents(live(), holder), null);
        return Decode.recordedComponents(holder);
    }

    /**
     * {@code SaveAsXML}: the Backup Components Document, the XML a restore needs: which components were backed up,
     * the writers' backup stamps, whether each backup succeeded. Keep it with the backup. Meaningful after
     * PrepareForBackup; complete once every SetBackupSucceeded has been called. Before InitializeForBackup:
     * {@link VssError#VSS_E_BAD_STATE}.
     */
    public String saveAsXml() throws VssException {
        String[] out = new String[1];
        check(Operation.SAVE_AS_XML, NativeBridge.saveAsXml(live(), out), null);
        return out[0];
    }

    /**
     * {@code InitializeForRestore}: prepares the object for a restore from the Backup Components Document that
     * {@link #saveAsXml} gave at backup time, instead of {@link #initializeForBackup}. Then: GatherWriterMetadata,
     * {@link #setSelectedForRestore} for each component (and optionally {@link #setRestoreOptions},
     * {@link #setAdditionalRestores}, {@link #addAlternativeLocationMapping}, {@link #addNewTarget}),
     * {@link #setRestoreState}, {@link #preRestore}; the files go back; {@link #setFileRestoreStatus} for each
     * component; {@link #postRestore}. A document VSS cannot load (damaged, not one of its own):
     * {@link VssError#VSS_E_INVALID_XML_DOCUMENT}; an object already initialized: {@link VssError#VSS_E_BAD_STATE}.
     * Backup calls on a restore object, and restore calls on a backup object, fail with VSS_E_BAD_STATE.
     */
    public void initializeForRestore(String backupComponentsDocument) throws VssException {
        check(Operation.INITIALIZE_FOR_RESTORE,
                NativeBridge.initializeForRestore(live(), checkedDocument(backupComponentsDocument)), null);
    }

    /**
     * {@code SetRestoreState}: the kind of restore; before PreRestore. Without it writers see
     * {@link RestoreType#UNDEFINED}, which they treat as {@link RestoreType#BY_COPY}.
     */
    public void setRestoreState(RestoreType type) throws VssException {
        Objects.requireNonNull(type, "type");
        check(Operation.SET_RESTORE_STATE, NativeBridge.setRestoreState(live(), type.value()), type.name());
    }

    /**
     * {@code SetSelectedForRestore} ({@code SetSelectedForRestoreEx} with an instance id): whether a component of the
     * document is restored. A restore in component mode only, after GatherWriterMetadata and before PreRestore
     * ({@link VssError#VSS_E_BAD_STATE} otherwise); a component the document does not hold, or whose writer is not
     * running: {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     *
     * @param instanceId    the writer instance, or {@code null} for any instance of the writer class
     * @param writerId      the writer class
     * @param type          the component's type
     * @param logicalPath   its logical path; {@code null} or empty for none
     * @param componentName its name
     * @param selected      whether it is restored
     */
    public void setSelectedForRestore(UUID instanceId, UUID writerId, ComponentType type, String logicalPath,
            String componentName, boolean selected) throws VssException {
        setInstanceFlag(Operation.SET_SELECTED_FOR_RESTORE, NativeBridge::setSelectedForRestore, instanceId, writerId,
                type, logicalPath, componentName, selected);
    }

    /**
     * {@code SetAdditionalRestores}: whether more restores of this component follow (a full restore then
     * differential or log restores), so that the writer does not recover its data yet. Before PreRestore; a
     * component the document does not hold: {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     */
    public void setAdditionalRestores(UUID writerId, ComponentType type, String logicalPath, String componentName,
            boolean additionalRestores) throws VssException {
        ComponentNames.Key key = ComponentNames.key(writerId, type, logicalPath, componentName);
        check(Operation.SET_ADDITIONAL_RESTORES, NativeBridge.setAdditionalRestores(live(), Guids.hi(writerId),
                Guids.lo(writerId), type.value(), key.path(), key.name(), additionalRestores), key.description());
    }

    /**
     * {@code SetRestoreOptions}: writer-specific restore options for a component of the document (their format is
     * the writer's). Before PreRestore; a component the document does not hold:
     * {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     */
    public void setRestoreOptions(UUID writerId, ComponentType type, String logicalPath, String componentName,
            String options) throws VssException {
        setComponentText(Operation.SET_RESTORE_OPTIONS, NativeBridge::setRestoreOptions, "restore options", writerId,
                type, logicalPath, componentName, options);
    }

    /**
     * {@code AddAlternativeLocationMapping}: the files of a component that matched {@code path} and
     * {@code filespec} were restored to {@code destination} instead (the writer's alternate location mapping, or
     * one of the requester's). Before PostRestore; a component the document does not hold:
     * {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     *
     * @param path        the directory the files were in (no wildcards)
     * @param filespec    the files, e.g. {@code *.mdf} (no directory)
     * @param recursive   whether the directories below {@code path} are included
     * @param destination the directory they were put in
     */
    public void addAlternativeLocationMapping(UUID writerId, ComponentType type, String logicalPath,
            String componentName, String path, String filespec, boolean recursive, String destination)
            throws VssException {
        addFileSet(Operation.ADD_ALTERNATIVE_LOCATION_MAPPING, NativeBridge::addAlternativeLocationMapping, writerId,
                type, logicalPath, componentName, FileSets.path("path", path), FileSets.fileSpec("filespec", filespec),
                recursive, FileSets.destination("destination", destination));
    }

    /**
     * {@code AddNewTarget}: the files of a component that match {@code path} and {@code fileName} go to
     * {@code alternatePath}, a location neither the original nor an alternate mapping. Only for writers whose
     * backup schema ({@link WriterMetadata#backupSchema()}) has {@code VSS_BS_WRITER_SUPPORTS_NEW_TARGET}
     * (0x100): check it first, as Microsoft asks. Before PostRestore; a component the document does not hold:
     * {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     *
     * @param path          the directory the files were in (no wildcards)
     * @param fileName      the files, e.g. {@code *.log} (no directory)
     * @param recursive     whether the directories below {@code path} are included
     * @param alternatePath the directory they go to
     */
    public void addNewTarget(UUID writerId, ComponentType type, String logicalPath, String componentName, String path,
            String fileName, boolean recursive, String alternatePath) throws VssException {
        addFileSet(Operation.ADD_NEW_TARGET, NativeBridge::addNewTarget, writerId, type, logicalPath, componentName,
                FileSets.path("path", path), FileSets.fileSpec("file name", fileName), recursive,
                FileSets.destination("alternate path", alternatePath));
    }

    /** The native side of AddAlternativeLocationMapping and AddNewTarget. */
    @FunctionalInterface
    private interface FileSetCall {
        int call(long components, long writerHi, long writerLo, int componentType, String logicalPath,
                String componentName, String path, String fileSpec, boolean recursive, String destination);
    }

    private void addFileSet(Operation operation, FileSetCall call, UUID writerId, ComponentType type,
            String logicalPath, String componentName, String path, String fileSpec, boolean recursive,
            String destination) throws VssException {
        ComponentNames.Key key = ComponentNames.key(writerId, type, logicalPath, componentName);
        check(operation, call.call(live(), Guids.hi(writerId), Guids.lo(writerId), type.value(), key.path(),
                key.name(), path, fileSpec, recursive, destination), key.description());
    }

    /**
     * {@code PreRestore}: tells the writers of the selected components that their files are about to be put back;
     * each decides where ({@link RecordedComponent#restoreTarget()} through {@link #getWriterComponents}) and may
     * refuse (writer status, {@link RecordedComponent#preRestoreFailureMessage()}). After GatherWriterMetadata.
     */
    public VssAsync preRestore() throws VssException {
        return startAsync(Operation.PRE_RESTORE, (token, out) -> NativeBridge.preRestore(live(), token, out));
    }

    /**
     * {@code SetFileRestoreStatus}: how the files of a component came back. Between PreRestore and PostRestore
     * ({@link VssError#VSS_E_BAD_STATE} otherwise); a component the document does not hold:
     * {@link VssError#VSS_E_OBJECT_NOT_FOUND}.
     */
    public void setFileRestoreStatus(UUID writerId, ComponentType type, String logicalPath, String componentName,
            FileRestoreStatus status) throws VssException {
        ComponentNames.Key key = ComponentNames.key(writerId, type, logicalPath, componentName);
        Objects.requireNonNull(status, "status");
        check(Operation.SET_FILE_RESTORE_STATUS, NativeBridge.setFileRestoreStatus(live(), Guids.hi(writerId),
                Guids.lo(writerId), type.value(), key.path(), key.name(), status.value()),
                key.description() + ", status " + status.name());
    }

    /** {@code PostRestore}: tells the writers the files are back, so that they recover their data. After PreRestore. */
    public VssAsync postRestore() throws VssException {
        return startAsync(Operation.POST_RESTORE, (token, out) -> NativeBridge.postRestore(live(), token, out));
    }

    /** {@code StartSnapshotSet}: opens a new snapshot set and returns its id. */
    public UUID startSnapshotSet() throws VssException {
        long[] out = new long[2];
        check(Operation.START_SNAPSHOT_SET, NativeBridge.startSnapshotSet(live(), out), null);
        return Guids.read(out, 0);
    }

    /** {@code AddToSnapshotSet} with the default provider; returns the id the shadow copy will have. */
    public UUID addToSnapshotSet(String volume) throws VssException {
        return addToSnapshotSet(volume, null);
    }

    /**
     * {@code AddToSnapshotSet}: adds a volume to the set.
     *
     * @param volume     a volume name ending in a backslash: {@code C:\}, a mount point, or
     *                   {@code \\?\Volume{GUID}\}
     * @param providerId the provider to use, or {@code null} to let VSS choose
     */
    public UUID addToSnapshotSet(String volume, UUID providerId) throws VssException {
        String name = VolumeNames.check(volume);
        long[] out = new long[2];
        check(Operation.ADD_TO_SNAPSHOT_SET, NativeBridge.addToSnapshotSet(live(), name, Guids.hi(providerId),
                Guids.lo(providerId), out), "volume " + VolumeNames.printable(name));
        return Guids.read(out, 0);
    }

    /** {@code IsVolumeSupported} with the default provider. */
    public boolean isVolumeSupported(String volume) throws VssException {
        return isVolumeSupported(volume, null);
    }

    /** {@code IsVolumeSupported}: whether shadow copies of {@code volume} can be made with that provider. */
    public boolean isVolumeSupported(String volume, UUID providerId) throws VssException {
        String name = VolumeNames.check(volume);
        int[] out = new int[1];
        check(Operation.IS_VOLUME_SUPPORTED, NativeBridge.isVolumeSupported(live(), name, Guids.hi(providerId),
                Guids.lo(providerId), out), "volume " + VolumeNames.printable(name));
        return out[0] != 0;
    }

    /**
     * {@code PrepareForBackup}: tells the writers a backup is coming. Only in a context with writers
     * ({@link VssContext#involvesWriters()}), after SetBackupState: in a context without writers, such as
     * {@link VssContext#FILE_SHARE_BACKUP}, there are no writers to tell, and the call fails at once with
     * {@link VssError#VSS_E_BAD_STATE}; go from AddToSnapshotSet straight to DoSnapshotSet there.
     */
    public VssAsync prepareForBackup() throws VssException {
        return startAsync(Operation.PREPARE_FOR_BACKUP,
                (token, out) -> NativeBridge.prepareForBackup(live(), token, out));
    }

    /** {@code DoSnapshotSet}: takes the shadow copies of every volume in the set, together. */
    public VssAsync doSnapshotSet() throws VssException {
        return startAsync(Operation.DO_SNAPSHOT_SET, (token, out) -> NativeBridge.doSnapshotSet(live(), token, out));
    }

    /** {@code GatherWriterStatus}: asks the writers where they stand. */
    public VssAsync gatherWriterStatus() throws VssException {
        return startAsync(Operation.GATHER_WRITER_STATUS,
                (token, out) -> NativeBridge.gatherWriterStatus(live(), token, out));
    }

    /** Every writer's status after GatherWriterStatus (GetWriterStatusCount, GetWriterStatus, FreeWriterStatus). */
    public List<WriterStatus> getWriterStatus() throws VssException {
        Object[] holder = new Object[2];
        check(Operation.GET_WRITER_STATUS, NativeBridge.getWriterStatus(live(), holder), null);
        return Decode.writerStatus(holder);
    }

    /** {@code GetSnapshotProperties}: what a shadow copy is, once DoSnapshotSet has finished. */
    public SnapshotProperties getSnapshotProperties(UUID snapshotId) throws VssException {
        Objects.requireNonNull(snapshotId, "snapshotId");
        long[] longs = new long[Rows.SnapshotLongs.COUNT];
        String[] strings = new String[Rows.SnapshotStrings.COUNT];
        check(Operation.GET_SNAPSHOT_PROPERTIES, NativeBridge.getSnapshotProperties(live(),
                snapshotId.getMostSignificantBits(), snapshotId.getLeastSignificantBits(), longs, strings),
                "snapshot " + snapshotId);
        return Decode.snapshot(longs, strings, 0);
    }

    /** {@code BackupComplete}: tells the writers the backup is over. Not after a failed DoSnapshotSet. */
    public VssAsync backupComplete() throws VssException {
        return startAsync(Operation.BACKUP_COMPLETE, (token, out) -> NativeBridge.backupComplete(live(), token, out));
    }

    /** {@code AbortBackup}: required after PrepareForBackup or a failed DoSnapshotSet, before release. */
    public void abortBackup() throws VssException {
        check(Operation.ABORT_BACKUP, NativeBridge.abortBackup(live()), null);
    }

    /** {@code Query}: every finished shadow copy of this object's context. */
    public List<SnapshotProperties> query() throws VssException {
        Object[] holder = new Object[2];
        check(Operation.QUERY, NativeBridge.query(live(), holder), null);
        return Decode.snapshots(holder);
    }

    /**
     * {@code Query} with {@code VSS_OBJECT_PROVIDER}: the registered shadow copy providers, the system provider
     * among them. Called as {@link #query()} is: after {@link #initializeForBackup()} and
     * {@link #setContext(VssContext)}, during a backup; a failure names {@link Operation#QUERY}.
     */
    public List<ProviderProperties> queryProviders() throws VssException {
        Object[] holder = new Object[2];
        check(Operation.QUERY, NativeBridge.queryProviders(live(), holder), null);
        return Decode.providers(holder);
    }

    /**
     * {@code DeleteSnapshots}: deletes one shadow copy ({@code VSS_OBJECT_SNAPSHOT}).
     *
     * @return how many shadow copies were deleted
     * @throws SnapshotDeletionException if a copy could not be deleted: which one, and how many went before it
     */
    public int deleteSnapshot(UUID snapshotId, boolean forceDelete) throws VssException {
        return delete(snapshotId, 3, forceDelete);
    }

    /**
     * {@code DeleteSnapshots} of a whole snapshot set ({@code VSS_OBJECT_SNAPSHOT_SET}).
     *
     * @return how many shadow copies were deleted
     * @throws SnapshotDeletionException if a copy could not be deleted: which one, and how many went before it
     */
    public int deleteSnapshotSet(UUID snapshotSetId, boolean forceDelete) throws VssException {
        return delete(snapshotSetId, 2, forceDelete);
    }

    private int delete(UUID id, int objectType, boolean forceDelete) throws VssException {
        Objects.requireNonNull(id, "id");
        long[] out = new long[3];
        int hresult = NativeBridge.deleteSnapshots(live(), id.getMostSignificantBits(), id.getLeastSignificantBits(),
                objectType, forceDelete, out);
        Reference.reachabilityFence(this);
        if (hresult < 0) {
            UUID notDeleted = Guids.read(out, 1);
            boolean named = notDeleted.getMostSignificantBits() != 0 || notDeleted.getLeastSignificantBits() != 0;
            throw new SnapshotDeletionException(hresult, id, (int) out[0], named ? notDeleted : null);
        }
        return (int) out[0];
    }

    /**
     * {@code ExposeSnapshot}: makes a persistent shadow copy visible to other processes, locally as a drive letter
     * ({@code "X:"}) or an empty NTFS folder ({@code "C:\\Mount\\Copy"}) with {@code pathFromRoot} null, or
     * remotely as a file share ({@code expose} the share name, or null for VSS to choose one; {@code pathFromRoot}
     * the part of the volume shared, or null for its root). Only persistent copies (contexts such as
     * {@link VssContext#CLIENT_ACCESSIBLE} or {@link VssContext#NAS_ROLLBACK}) can be exposed; an auto-release copy
     * is refused by VSS ({@code E_INVALIDARG} as observed). The copy's {@link SnapshotProperties} then report the
     * exposed name and path and the attribute. Windows keeps a persistent copy exposed across restarts, until
     * {@link #unexposeSnapshot(UUID)} or its deletion.
     *
     * @param attribute {@link SnapshotAttribute#EXPOSED_LOCALLY} or {@link SnapshotAttribute#EXPOSED_REMOTELY}
     * @return the name VSS exposed the copy as: the drive letter, folder or share name
     * @throws IllegalArgumentException for a combination or a name VSS does not take, naming it and the rule
     */
    public String exposeSnapshot(UUID snapshotId, String pathFromRoot, SnapshotAttribute attribute, String expose)
            throws VssException {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(attribute, "attribute must be EXPOSED_LOCALLY or EXPOSED_REMOTELY");
        if (attribute == SnapshotAttribute.EXPOSED_LOCALLY) {
            if (pathFromRoot != null) {
                throw new IllegalArgumentException("pathFromRoot " + VolumeNames.printable(pathFromRoot)
                        + " must be null when exposing locally: the whole volume is mounted; a path from root "
                        + "is for a share (EXPOSED_REMOTELY)");
            }
            ExposeNames.checkLocal(expose);
        } else if (attribute == SnapshotAttribute.EXPOSED_REMOTELY) {
            ExposeNames.checkShare(expose);
            ExposeNames.checkPathFromRoot(pathFromRoot);
        } else {
            throw new IllegalArgumentException("attribute " + attribute
                    + " cannot expose a copy: give EXPOSED_LOCALLY or EXPOSED_REMOTELY");
        }
        String[] out = new String[1];
        check(Operation.EXPOSE_SNAPSHOT, NativeBridge.exposeSnapshot(live(), snapshotId.getMostSignificantBits(),
                snapshotId.getLeastSignificantBits(), pathFromRoot, attribute.bit(), expose, out),
                "snapshot " + snapshotId + " as " + (expose == null ? "a share VSS names" : VolumeNames.printable(expose)));
        return out[0];
    }

    /** {@link #exposeSnapshot} locally: as a drive letter ({@code "X:"}) or an empty NTFS folder. */
    public String exposeLocally(UUID snapshotId, String driveLetterOrFolder) throws VssException {
        return exposeSnapshot(snapshotId, null, SnapshotAttribute.EXPOSED_LOCALLY, driveLetterOrFolder);
    }

    /**
     * {@code IVssBackupComponentsEx2::UnexposeSnapshot} (Windows Server 2008 / Vista and later): removes the drive
     * letter, folder mount or share. {@code VSS_E_OBJECT_NOT_FOUND} if the copy does not exist or is not exposed.
     */
    public void unexposeSnapshot(UUID snapshotId) throws VssException {
        Objects.requireNonNull(snapshotId, "snapshotId");
        check(Operation.UNEXPOSE_SNAPSHOT, NativeBridge.unexposeSnapshot(live(), snapshotId.getMostSignificantBits(),
                snapshotId.getLeastSignificantBits()), "snapshot " + snapshotId);
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return handle.isClosed();
    }

    /**
     * Releases the object ({@code Release}): auto-release shadow copies are deleted, running operations are
     * cancelled. Idempotent.
     */
    @Override
    public void close() {
        handle.close();
    }

    private VssAsync startAsync(Operation operation, AsyncOperationHandle.Starter starter) throws VssException {
        live();
        try {
            return new VssAsync(AsyncOperationHandle.start(operation, executor, starter));
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private long live() {
        return handle.live();
    }

    /**
     * Every call site passes the native call's result here, so this object (and with it the owner of its handle)
     * stays reachable until the native call has returned: the garbage collector cannot release it under the call.
     */
    private void check(Operation operation, int hresult, String detail) throws VssException {
        try {
            if (hresult < 0) {
                throw new VssException(operation, hresult, detail);
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }
}
