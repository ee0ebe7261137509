package io.github.vss4j.simulator;

import io.github.vss4j.RestoreMethod;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Ready-made simulated writers that look like common Windows writers, with their real names and class ids, so that
 * a backup product's tests start in one line:
 *
 * <pre>{@code
 * Simulation machine = Simulation.builder().volume("C:\\").volume("D:\\")
 *         .writer(CommonWriters.sqlServer("sales", "hr"))   // databases with files under D:\SQL
 *         .writer(CommonWriters.systemWriter()).writer(CommonWriters.registryWriter())
 *         .build();
 * }</pre>
 *
 * <p>The files live on the volumes named here (put those volumes on the machine, or the files lie on no volume).
 * Each writer can be changed further like any {@link SimulatedWriter}, e.g. {@code .failingAt(...)}. The ids and
 * names are Microsoft's; the component layouts and restore methods follow what these writers report on Windows as
 * far as documented, and are otherwise plausible ones (marked [I] below).
 */
public final class CommonWriters {
    /** The SQL Server writer's class id, as {@code vssadmin list writers} shows it. */
    public static final UUID SQL_SERVER_WRITER_ID = UUID.fromString("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a");
    /** The System Writer's class id. */
    public static final UUID SYSTEM_WRITER_ID = UUID.fromString("e8132975-6f93-4464-a53e-1050253ae220");
    /** The Registry Writer's class id (Microsoft's "In-Box VSS Writers"). */
    public static final UUID REGISTRY_WRITER_ID = UUID.fromString("afbab4a2-367d-4d15-a586-71dbb18f8485");

    /** The SQL Server writer's name. */
    public static final String SQL_SERVER_WRITER = "SqlServerWriter";
    /** The System Writer's name. */
    public static final String SYSTEM_WRITER = "System Writer";
    /** The Registry Writer's name. */
    public static final String REGISTRY_WRITER = "Registry Writer";

    /**
     * The SQL Server writer's backup schema: differential ({@code 0x1}), copy ({@code 0x10}), new target
     * ({@code 0x100}), restore with move ({@code 0x200}) and rename ({@code 0x2000}). [I] Microsoft's SQL Writer page
     * lists full, differential and copy-only backups, restore with move and database rename as supported, log and
     * incremental (file) backups as not; the exact mask is inferred from that list.
     */
    public static final int SQL_SERVER_SCHEMA = 0x1 | 0x10 | 0x100 | 0x200 | 0x2000;

    // VSS_RESTOREMETHOD_ENUM and VSS_WRITERRESTORE_ENUM values (vswriter.h).
    private static final int RESTORE_IF_CAN_REPLACE = 2;
    private static final int RESTORE_AT_REBOOT = 5;
    private static final int RESTORE_AT_REBOOT_IF_CANNOT_REPLACE = 6;
    private static final int WRITER_RESTORE_NEVER = 1;
    private static final int WRITER_RESTORE_IF_REPLACE_FAILS = 2;
    private static final int WRITER_RESTORE_ALWAYS = 3;

    /**
     * The SQL Server writer's restore method: restore if the files can be replaced, the writer taking part in
     * PreRestore and PostRestore (it takes the databases offline and brings them back), no service to stop, no
     * reboot. [I] Microsoft does not publish the SQL writer's metadata; this is what its restore behaviour implies.
     */
    public static final RestoreMethod SQL_SERVER_RESTORE =
            new RestoreMethod(RESTORE_IF_CAN_REPLACE, "", "", WRITER_RESTORE_ALWAYS, false, 0);

    /**
     * The System Writer's restore method: the operating system's files are in use, so those that cannot be replaced
     * are replaced at the next boot, and a reboot is required. [I] Inferred from the files it reports; Microsoft
     * documents no restore method for it and supports no online system state restore.
     */
    public static final RestoreMethod SYSTEM_WRITER_RESTORE =
            new RestoreMethod(RESTORE_AT_REBOOT_IF_CANNOT_REPLACE, "", "", WRITER_RESTORE_IF_REPLACE_FAILS, true, 0);

    /**
     * The Registry Writer's restore method: the system hives are always in use, so they are restored at the next
     * boot, and a reboot is required; Microsoft documents that the Registry Writer restores in place. [I] The
     * method's values are inferred.
     */
    public static final RestoreMethod REGISTRY_WRITER_RESTORE =
            new RestoreMethod(RESTORE_AT_REBOOT, "", "", WRITER_RESTORE_NEVER, true, 0);

    private static final String SIMULATED_SERVER = "VSS4J-SIM";
    private static final String[][] SYSTEM_DATABASES = {
        {"master", "master.mdf", "mastlog.ldf"},
        {"model", "model.mdf", "modellog.ldf"},
        {"msdb", "MSDBData.mdf", "MSDBLog.ldf"},
    };

    private CommonWriters() {
    }

    /**
     * A SQL Server writer for the default instance of the simulated server: one database component per database
     * under logical path {@code VSS4J-SIM} (the system databases master, model and msdb, then {@code databases}),
     * data files {@code NAME.mdf} in {@code D:\SQL\Data}, log files {@code NAME_log.ldf} in {@code D:\SQL\Logs}.
     */
    public static SimulatedWriter sqlServer(String... databases) {
        return sqlServerInstance(SIMULATED_SERVER, "D:\\SQL\\Data", "D:\\SQL\\Logs", databases);
    }

    /**
     * A SQL Server writer with the system databases and {@code databases}, each a database component that is
     * selectable for backup, its data file in {@code dataFolder} and its log file in {@code logFolder}.
     *
     * @param logicalPath the components' logical path: the server name for a default instance ({@code SQLHOST}),
     *                    {@code SERVER\INSTANCE} for a named one, as the SQL writer reports them
     */
    public static SimulatedWriter sqlServerInstance(String logicalPath, String dataFolder, String logFolder,
            String... databases) {
        Objects.requireNonNull(logicalPath, "logicalPath");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(logFolder, "logFolder");
        List<String[]> all = new ArrayList<>(List.of(SYSTEM_DATABASES));
        for (String database : Objects.requireNonNull(databases, "databases")) {
            Objects.requireNonNull(database, "a database name");
            all.add(new String[] {database, database + ".mdf", database + "_log.ldf"});
        }
        SimulatedWriter writer = writer(SQL_SERVER_WRITER, SQL_SERVER_WRITER_ID).withBackupSchema(SQL_SERVER_SCHEMA)
                .withRestoreMethod(SQL_SERVER_RESTORE);
        for (String[] database : all) {
            writer = writer.withComponent(SimulatedComponent.database(logicalPath, database[0])
                    .databaseFile(dataFolder, database[1]).logFile(logFolder, database[2]));
        }
        return writer;
    }

    /**
     * A System Writer on {@code C:\}: file group {@code System Files} (the operating system's files under
     * {@code C:\Windows\System32}, recursive) and {@code Win32 Services Files}. [I] The component names are those
     * the System Writer reports; its real file list is thousands of files, reduced here to two folders.
     */
    public static SimulatedWriter systemWriter() {
        return writer(SYSTEM_WRITER, SYSTEM_WRITER_ID).withRestoreMethod(SYSTEM_WRITER_RESTORE)
                .withComponent(SimulatedComponent.fileGroup("", "System Files")
                        .file("C:\\Windows\\System32", "*", true))
                .withComponent(SimulatedComponent.fileGroup("", "Win32 Services Files")
                        .file("C:\\Windows\\System32\\drivers", "*.sys", false));
    }

    /**
     * A Registry Writer on {@code C:\}: file group {@code Registry} with the system hives in
     * {@code C:\Windows\System32\config}. [I] The hive file list is the documented set of system hives (Windows Vista
     * and later: no user hives); the component's name is inferred.
     */
    public static SimulatedWriter registryWriter() {
        SimulatedComponent registry = SimulatedComponent.fileGroup("", "Registry");
        for (String hive : List.of("DEFAULT", "SAM", "SECURITY", "SOFTWARE", "SYSTEM")) {
            registry = registry.file("C:\\Windows\\System32\\config", hive, false);
        }
        return writer(REGISTRY_WRITER, REGISTRY_WRITER_ID).withRestoreMethod(REGISTRY_WRITER_RESTORE)
                .withComponent(registry);
    }

    // The instance id differs on every real machine; here it is derived from the name, so that tests can repeat.
    private static SimulatedWriter writer(String name, UUID writerId) {
        UUID instance = UUID.nameUUIDFromBytes(("vss4j-common-writer-instance:" + name)
                .getBytes(StandardCharsets.UTF_8));
        return new SimulatedWriter(name, writerId, instance, WriterPhase.NONE, 0, false);
    }
}
