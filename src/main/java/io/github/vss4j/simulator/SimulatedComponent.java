package io.github.vss4j.simulator;

import io.github.vss4j.ComponentDependency;
import io.github.vss4j.ComponentType;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.VssError;
import io.github.vss4j.WriterComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A component of a {@link SimulatedWriter}, described the way a writer declares one: a database with data and log
 * files, or a file group with files. The machine reports it in GetWriterMetadata exactly as described, each file
 * with the simulated volume its folder lies on; AddComponent and SetBackupSucceeded accept it by type, logical path
 * and name. Immutable: each method returns a new description.
 *
 * <pre>{@code
 * SimulatedComponent.database("SQLSERVER\\INSTANCE1", "db1")
 *         .databaseFile("D:\\SQL\\Data", "db1.mdf")
 *         .logFile("L:\\SQL\\Logs", "db1_log.ldf")
 * SimulatedComponent.fileGroup("", "Config").file("C:\\App\\Config", "*", true).selectableForBackup(false)
 * SimulatedComponent.database("SQLSERVER\\INSTANCE1", "db2")
 *         .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_NONRETRYABLE)  // db2 fails, db1 goes on
 * SimulatedComponent.database("SQLSERVER\\INSTANCE1", "db3").restoreTarget(RestoreTarget.ALTERNATE)
 * }</pre>
 */
public final class SimulatedComponent {
    private final WriterComponent component;
    private final ComponentFault fault;
    private final ComponentRestoreTarget restoreTarget;

    private SimulatedComponent(WriterComponent component, ComponentFault fault, ComponentRestoreTarget restoreTarget) {
        this.component = component;
        this.fault = fault;
        this.restoreTarget = restoreTarget;
    }

    private SimulatedComponent with(WriterComponent changed) {
        return new SimulatedComponent(changed, fault, restoreTarget);
    }

    /** A database component, selectable for backup and for restore, with no files yet. */
    public static SimulatedComponent database(String logicalPath, String name) {
        return create(ComponentType.DATABASE, logicalPath, name);
    }

    /** A file group component, selectable for backup and for restore, with no files yet. */
    public static SimulatedComponent fileGroup(String logicalPath, String name) {
        return create(ComponentType.FILE_GROUP, logicalPath, name);
    }

    private static SimulatedComponent create(ComponentType type, String logicalPath, String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a component needs a name; the empty name is not one");
        }
        noNul("component name", name);
        noNul("logical path", Objects.requireNonNullElse(logicalPath, ""));
        return new SimulatedComponent(new WriterComponent(type, logicalPath, name, "", true, true, false, 0,
                List.of(), List.of(), List.of(), List.of()), null, null);
    }

    /** Its display name. */
    public SimulatedComponent caption(String caption) {
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(),
                Objects.requireNonNull(caption, "caption"), c.selectableForBackup(), c.selectableForRestore(),
                c.notifyOnBackupComplete(), c.componentFlags(), c.files(), c.databaseFiles(), c.logFiles(),
                c.dependencies()));
    }

    /** Whether a requester may choose it for backup (true unless told). */
    public SimulatedComponent selectableForBackup(boolean selectable) {
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                selectable, c.selectableForRestore(), c.notifyOnBackupComplete(), c.componentFlags(), c.files(),
                c.databaseFiles(), c.logFiles(), c.dependencies()));
    }

    /** Whether it may be restored on its own (true unless told). */
    public SimulatedComponent selectableForRestore(boolean selectable) {
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                c.selectableForBackup(), selectable, c.notifyOnBackupComplete(), c.componentFlags(), c.files(),
                c.databaseFiles(), c.logFiles(), c.dependencies()));
    }

    /** Whether the writer wants to hear about BackupComplete (false unless told). */
    public SimulatedComponent notifyOnBackupComplete(boolean notify) {
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                c.selectableForBackup(), c.selectableForRestore(), notify, c.componentFlags(), c.files(),
                c.databaseFiles(), c.logFiles(), c.dependencies()));
    }

    /** A file group's files: {@code fileSpec} in folder {@code path}. File groups only, as in VSS. */
    public SimulatedComponent file(String path, String fileSpec, boolean recursive) {
        requireType(ComponentType.FILE_GROUP, "file");
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                c.selectableForBackup(), c.selectableForRestore(), c.notifyOnBackupComplete(), c.componentFlags(),
                plus(c.files(), descriptor(path, fileSpec, recursive)), c.databaseFiles(), c.logFiles(),
                c.dependencies()));
    }

    /** A database's data files. Databases only, as in VSS. */
    public SimulatedComponent databaseFile(String path, String fileSpec) {
        requireType(ComponentType.DATABASE, "databaseFile");
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                c.selectableForBackup(), c.selectableForRestore(), c.notifyOnBackupComplete(), c.componentFlags(),
                c.files(), plus(c.databaseFiles(), descriptor(path, fileSpec, false)), c.logFiles(),
                c.dependencies()));
    }

    /** A database's log files. Databases only, as in VSS. */
    public SimulatedComponent logFile(String path, String fileSpec) {
        requireType(ComponentType.DATABASE, "logFile");
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                c.selectableForBackup(), c.selectableForRestore(), c.notifyOnBackupComplete(), c.componentFlags(),
                c.files(), c.databaseFiles(), plus(c.logFiles(), descriptor(path, fileSpec, false)),
                c.dependencies()));
    }

    /** A component (of this writer or another, by class id) to be backed up with this one. */
    public SimulatedComponent dependsOn(UUID writerId, String logicalPath, String componentName) {
        WriterComponent c = component;
        return with(new WriterComponent(c.type(), c.logicalPath(), c.name(), c.caption(),
                c.selectableForBackup(), c.selectableForRestore(), c.notifyOnBackupComplete(), c.componentFlags(),
                c.files(), c.databaseFiles(), c.logFiles(),
                plus(c.dependencies(), new ComponentDependency(writerId, logicalPath,
                        Objects.requireNonNull(componentName, "componentName")))));
    }

    /**
     * The same component, failed by its writer at {@code phase} with {@code error} when a backup selected it, the
     * writer carrying on with its other components ({@link ComponentFault}). {@code phase} is
     * {@link WriterPhase#PREPARE_BACKUP} or later.
     */
    public SimulatedComponent failingAt(WriterPhase phase, VssError error) {
        return failingAt(phase, WriterErrors.hresultOf(error));
    }

    /** {@link #failingAt(WriterPhase, VssError)} with a raw HRESULT. */
    public SimulatedComponent failingAt(WriterPhase phase, int hresult) {
        return new SimulatedComponent(component,
                new ComponentFault(component.type(), component.logicalPath(), component.name(), phase, hresult),
                restoreTarget);
    }

    /** Where and how its writer fails it, if it does. */
    public Optional<ComponentFault> fault() {
        return Optional.ofNullable(fault);
    }

    /**
     * The same component, restored by its writer to {@code target} ({@link ComponentRestoreTarget}): what the writer
     * sets at PreRestore when the component is selected for restore, {@link RestoreTarget#ORIGINAL} unless told.
     */
    public SimulatedComponent restoreTarget(RestoreTarget target) {
        return new SimulatedComponent(component, fault,
                new ComponentRestoreTarget(component.type(), component.logicalPath(), component.name(), target));
    }

    /** Where its writer restores it, if told otherwise than {@link RestoreTarget#ORIGINAL}. */
    public Optional<ComponentRestoreTarget> restoreTarget() {
        return Optional.ofNullable(restoreTarget);
    }

    /** The component as GetWriterMetadata reports it, its files' volumes not yet resolved. */
    public WriterComponent component() {
        return component;
    }

    private void requireType(ComponentType type, String method) {
        if (component.type() != type) {
            throw new IllegalArgumentException(method + "() is for " + type + " components; "
                    + component.name() + " is a " + component.type() + " component");
        }
    }

    private static FileDescriptor descriptor(String path, String fileSpec, boolean recursive) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileSpec, "fileSpec");
        if (path.isEmpty() || fileSpec.isEmpty()) {
            throw new IllegalArgumentException("a file descriptor needs a folder and a file specification: '" + path
                    + "', '" + fileSpec + "'");
        }
        noNul("path", path);
        noNul("file specification", fileSpec);
        return new FileDescriptor(path, fileSpec, recursive, "", "");
    }

    private static void noNul(String what, String text) {
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the " + what + " '" + text.replace("\0", "\\0")
                    + "' contains a NUL character");
        }
    }

    private static <T> List<T> plus(List<T> list, T item) {
        List<T> more = new ArrayList<>(list);
        more.add(item);
        return more;
    }
}
