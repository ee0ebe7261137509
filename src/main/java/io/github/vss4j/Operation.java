package io.github.vss4j;

/**
 * The VSS requester calls, by the name of the {@code IVssBackupComponents} method. Every {@code VssException}
 * names the operation that failed, and simulated fault plans name the operation they hit.
 */
public enum Operation {
    // The shim's operations are generated from this list (src/build/java/GenerateTables.java writes
    // generated/operations.h): one constant NAME("VssName", asynchronous) to a line. Append only: users see the
    // order (values(), EnumMap). READ_EVENT_LOG is not a VSS call: reading the Windows event log (wevtapi).
    CREATE_BACKUP_COMPONENTS("CreateVssBackupComponents", false),
    INITIALIZE_FOR_BACKUP("InitializeForBackup", false),
    SET_CONTEXT("SetContext", false),
    SET_BACKUP_STATE("SetBackupState", false),
    GATHER_WRITER_METADATA("GatherWriterMetadata", true),
    GET_WRITER_METADATA("GetWriterMetadata", false),
    FREE_WRITER_METADATA("FreeWriterMetadata", false),
    START_SNAPSHOT_SET("StartSnapshotSet", false),
    ADD_TO_SNAPSHOT_SET("AddToSnapshotSet", false),
    IS_VOLUME_SUPPORTED("IsVolumeSupported", false),
    PREPARE_FOR_BACKUP("PrepareForBackup", true),
    DO_SNAPSHOT_SET("DoSnapshotSet", true),
    GATHER_WRITER_STATUS("GatherWriterStatus", true),
    GET_WRITER_STATUS("GetWriterStatus", false),
    GET_SNAPSHOT_PROPERTIES("GetSnapshotProperties", false),
    BACKUP_COMPLETE("BackupComplete", true),
    ABORT_BACKUP("AbortBackup", false),
    QUERY("Query", false),
    DELETE_SNAPSHOTS("DeleteSnapshots", false),
    SET_BACKUP_SUCCEEDED("SetBackupSucceeded", false),
    DISABLE_WRITER_CLASSES("DisableWriterClasses", false),
    ENABLE_WRITER_CLASSES("EnableWriterClasses", false),
    DISABLE_WRITER_INSTANCES("DisableWriterInstances", false),
    ADD_COMPONENT("AddComponent", false),
    SAVE_AS_XML("SaveAsXML", false),
    SET_BACKUP_OPTIONS("SetBackupOptions", false),
    SET_PREVIOUS_BACKUP_STAMP("SetPreviousBackupStamp", false),
    GET_WRITER_COMPONENTS("GetWriterComponents", false),
    INITIALIZE_FOR_RESTORE("InitializeForRestore", false),
    SET_RESTORE_STATE("SetRestoreState", false),
    SET_SELECTED_FOR_RESTORE("SetSelectedForRestore", false),
    SET_ADDITIONAL_RESTORES("SetAdditionalRestores", false),
    SET_RESTORE_OPTIONS("SetRestoreOptions", false),
    ADD_ALTERNATIVE_LOCATION_MAPPING("AddAlternativeLocationMapping", false),
    ADD_NEW_TARGET("AddNewTarget", false),
    PRE_RESTORE("PreRestore", true),
    SET_FILE_RESTORE_STATUS("SetFileRestoreStatus", false),
    POST_RESTORE("PostRestore", true),
    EXPOSE_SNAPSHOT("ExposeSnapshot", false),
    UNEXPOSE_SNAPSHOT("UnexposeSnapshot", false),
    QUERY_DIFF_AREAS_FOR_VOLUME("QueryDiffAreasForVolume", false),
    ADD_DIFF_AREA("AddDiffArea", false),
    CHANGE_DIFF_AREA_MAXIMUM_SIZE("ChangeDiffAreaMaximumSize", false),
    READ_EVENT_LOG("EvtQuery", false);

    private final String vssName;
    private final boolean asynchronous;

    Operation(String vssName, boolean asynchronous) {
        this.vssName = vssName;
        this.asynchronous = asynchronous;
    }

    /** The VSS method's own name, e.g. {@code DoSnapshotSet}. */
    public String vssName() {
        return vssName;
    }

    /** Whether VSS runs this call in the background and returns an {@code IVssAsync}. */
    public boolean isAsynchronous() {
        return asynchronous;
    }
}
