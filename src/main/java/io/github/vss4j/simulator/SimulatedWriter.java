package io.github.vss4j.simulator;

import io.github.vss4j.ComponentType;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.RestoreMethod;
import io.github.vss4j.VssError;
import io.github.vss4j.WriterComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A VSS writer on a simulated machine. In the writer contexts ({@code BACKUP}, {@code APP_ROLLBACK},
 * {@code CLIENT_ACCESSIBLE_WRITERS}) it answers GatherWriterMetadata and shows in GatherWriterStatus, moving
 * through the states Windows documents: {@code STABLE} after identify and PrepareForBackup,
 * {@code WAITING_FOR_BACKUP_COMPLETE} after DoSnapshotSet, {@code STABLE} again after BackupComplete. In a restore
 * it takes part when one of its components is selected: at PreRestore it refuses a component it did not back up
 * (FAILED_AT_PRE_RESTORE, {@code VSS_E_WRITERERROR_NONRETRYABLE}) and sets each one's restore target; at
 * PostRestore it reads the file restore status; {@link SimulatedMachine#componentRestores()} shows what it was
 * told. A writer
 * described as failing at a phase shows {@code FAILED_AT_<phase>} with its writer error from then on and sits
 * out the rest of that backup; a writer that fails at identify gives no metadata. Whether its failure during
 * DoSnapshotSet fails DoSnapshotSet too is {@link Simulation.Builder#writerFailureFailsSnapshotSet(boolean)}.
 *
 * <pre>{@code
 * SimulatedWriter.named("SqlServerWriter")                                     // healthy
 * SimulatedWriter.named("SqlServerWriter")
 *         .failingAt(WriterPhase.FREEZE, VssError.VSS_E_WRITERERROR_RETRYABLE)  // FAILED_AT_FREEZE, retryable
 * SimulatedWriter.named("Microsoft Hyper-V VSS Writer")
 *         .hangingAt(WriterPhase.PREPARE_BACKUP)        // PrepareForBackup takes the writer timeout, then
 *                                                       // FAILED_AT_PREPARE_BACKUP, VSS_E_WRITERERROR_TIMEOUT
 * new SimulatedWriter("Vendor Writer", writerClassId, instanceId, WriterPhase.NONE, 0, false)  // your own ids
 * }</pre>
 *
 * @param name       the writer's name, e.g. {@code SqlServerWriter}
 * @param writerId   its class id
 * @param instanceId its instance id
 * @param failsAt    the phase where it fails (or hangs), {@link WriterPhase#NONE} for a healthy writer
 * @param failure    the writer error it reports when it fails, e.g. {@code VSS_E_WRITERERROR_RETRYABLE}
 * @param hangs      whether it hangs at {@code failsAt} until the writer timeout instead of failing at once
 * @param restoreMethod what GetRestoreMethod reports ({@link RestoreMethod#NONE} unless described)
 * @param backupSchema  what GetBackupSchema reports (0: full backups only)
 * @param excludeFiles  what GetExcludeFile reports
 * @param components    its components ({@link #withComponent(SimulatedComponent)}), reported with their files'
 *                      volumes resolved against the machine's simulated volumes
 * @param componentFaults the components it fails on their own
 *                      ({@link SimulatedComponent#failingAt(WriterPhase, VssError)})
 * @param restoreTargets where it restores the components it does not restore to their original location
 *                      ({@link SimulatedComponent#restoreTarget(io.github.vss4j.RestoreTarget)})
 */
public record SimulatedWriter(String name, UUID writerId, UUID instanceId, WriterPhase failsAt, int failure,
        boolean hangs, RestoreMethod restoreMethod, int backupSchema, List<FileDescriptor> excludeFiles,
        List<WriterComponent> components, List<ComponentFault> componentFaults,
        List<ComponentRestoreTarget> restoreTargets) {

    /**
     * Checks that nothing is missing, that a hanging writer names its phase, that no two components share a
     * logical path and name (VSS tells components apart by them) and that each component fault names a component.
     */
    public SimulatedWriter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(failsAt, "failsAt");
        if (hangs && failsAt == WriterPhase.NONE) {
            throw new IllegalArgumentException("writer " + name + " cannot hang at phase NONE: name a phase");
        }
        restoreMethod = Objects.requireNonNullElse(restoreMethod, RestoreMethod.NONE);
        excludeFiles = List.copyOf(excludeFiles);
        components = List.copyOf(components);
        Set<String> seen = new HashSet<>();
        for (WriterComponent c : components) {
            if (!seen.add(c.logicalPath() + "\\" + c.name())) {
                throw new IllegalArgumentException("writer " + name + " declares component '" + c.name()
                        + "' under logical path '" + c.logicalPath() + "' twice");
            }
        }
        componentFaults = List.copyOf(componentFaults);
        for (ComponentFault f : componentFaults) {
            requireComponent(name, components, f.type(), f.logicalPath(), f.componentName(), "to fail");
        }
        restoreTargets = List.copyOf(restoreTargets);
        for (ComponentRestoreTarget t : restoreTargets) {
            requireComponent(name, components, t.type(), t.logicalPath(), t.componentName(), "to restore");
        }
    }

    /** A writer whose components all go back to their original location. */
    public SimulatedWriter(String name, UUID writerId, UUID instanceId, WriterPhase failsAt, int failure,
            boolean hangs, RestoreMethod restoreMethod, int backupSchema, List<FileDescriptor> excludeFiles,
            List<WriterComponent> components, List<ComponentFault> componentFaults) {
        this(name, writerId, instanceId, failsAt, failure, hangs, restoreMethod, backupSchema, excludeFiles,
                components, componentFaults, List.of());
    }

    /** A writer whose components do not fail on their own. */
    public SimulatedWriter(String name, UUID writerId, UUID instanceId, WriterPhase failsAt, int failure,
            boolean hangs, RestoreMethod restoreMethod, int backupSchema, List<FileDescriptor> excludeFiles,
            List<WriterComponent> components) {
        this(name, writerId, instanceId, failsAt, failure, hangs, restoreMethod, backupSchema, excludeFiles,
                components, List.of());
    }

    private static void requireComponent(String writer, List<WriterComponent> components,
            ComponentType type, String logicalPath, String componentName, String purpose) {
        if (components.stream().noneMatch(c -> c.type() == type && c.logicalPath().equals(logicalPath)
                && c.name().equals(componentName))) {
            throw new IllegalArgumentException("writer " + writer + " has no " + type + " component '"
                    + componentName + "' under logical path '" + logicalPath + "' " + purpose);
        }
    }

    /** A writer without components, restore method or schema (the identity and failure plan alone). */
    public SimulatedWriter(String name, UUID writerId, UUID instanceId, WriterPhase failsAt, int failure,
            boolean hangs) {
        this(name, writerId, instanceId, failsAt, failure, hangs, RestoreMethod.NONE, 0, List.of(), List.of());
    }

    /** The same writer with one more component, reported by GetWriterMetadata after those added before. */
    public SimulatedWriter withComponent(SimulatedComponent component) {
        Objects.requireNonNull(component, "component");
        List<WriterComponent> more = new ArrayList<>(components);
        more.add(component.component());
        List<ComponentFault> faults = new ArrayList<>(componentFaults);
        component.fault().ifPresent(faults::add);
        List<ComponentRestoreTarget> targets = new ArrayList<>(restoreTargets);
        component.restoreTarget().ifPresent(targets::add);
        return new SimulatedWriter(name, writerId, instanceId, failsAt, failure, hangs, restoreMethod, backupSchema,
                excludeFiles, more, faults, targets);
    }

    /** The same writer with this restore method. */
    public SimulatedWriter withRestoreMethod(RestoreMethod method) {
        return new SimulatedWriter(name, writerId, instanceId, failsAt, failure, hangs,
                Objects.requireNonNull(method, "method"), backupSchema, excludeFiles, components, componentFaults,
                restoreTargets);
    }

    /** The same writer with this {@code VSS_BACKUP_SCHEMA} mask (which backup types it supports beyond full). */
    public SimulatedWriter withBackupSchema(int schema) {
        return new SimulatedWriter(name, writerId, instanceId, failsAt, failure, hangs, restoreMethod, schema,
                excludeFiles, components, componentFaults, restoreTargets);
    }

    /** The same writer asking requesters not to back up {@code fileSpec} in {@code path}. */
    public SimulatedWriter excluding(String path, String fileSpec, boolean recursive) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileSpec, "fileSpec");
        List<FileDescriptor> more = new ArrayList<>(excludeFiles);
        more.add(new FileDescriptor(path, fileSpec, recursive, "", ""));
        return new SimulatedWriter(name, writerId, instanceId, failsAt, failure, hangs, restoreMethod, backupSchema,
                more, components, componentFaults, restoreTargets);
    }

    /** A healthy writer; its ids are derived from its name, so that the same name gives the same ids. */
    public static SimulatedWriter named(String name) {
        Objects.requireNonNull(name, "name");
        UUID id = UUID.nameUUIDFromBytes(("vss4j-writer:" + name).getBytes(StandardCharsets.UTF_8));
        UUID instance = UUID.nameUUIDFromBytes(("vss4j-writer-instance:" + name).getBytes(StandardCharsets.UTF_8));
        return new SimulatedWriter(name, id, instance, WriterPhase.NONE, 0, false);
    }

    /**
     * The same writer, failing at {@code phase} with {@code error}, the writer error writer status reports,
     * usually one of {@code VSS_E_WRITERERROR_*} (a retryable one tells the requester to try the backup again).
     */
    public SimulatedWriter failingAt(WriterPhase phase, VssError error) {
        return failingAt(phase, WriterErrors.hresultOf(error));
    }

    /** {@link #failingAt(WriterPhase, VssError)} with a raw HRESULT. */
    public SimulatedWriter failingAt(WriterPhase phase, int hresult) {
        Objects.requireNonNull(phase, "phase");
        return new SimulatedWriter(name, writerId, instanceId, phase, hresult, false, restoreMethod, backupSchema,
                excludeFiles, components, componentFaults, restoreTargets);
    }

    /**
     * The same writer, hanging at {@code phase} until the machine's writer timeout (set on the simulation, not on
     * the writer: {@link Simulation.Builder#writerTimeout(java.time.Duration)}, 60 seconds unless set): the
     * asynchronous operation running that phase takes that much longer, then the writer shows
     * {@code FAILED_AT_<phase>} with {@code VSS_E_WRITERERROR_TIMEOUT}.
     */
    public SimulatedWriter hangingAt(WriterPhase phase) {
        return new SimulatedWriter(name, writerId, instanceId, phase, VssError.VSS_E_WRITERERROR_TIMEOUT.hresult(),
                true, restoreMethod, backupSchema, excludeFiles, components, componentFaults, restoreTargets);
    }
}
