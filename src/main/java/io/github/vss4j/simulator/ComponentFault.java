package io.github.vss4j.simulator;

import io.github.vss4j.ComponentType;
import java.util.Objects;

/**
 * A component that its simulated writer fails at a phase while carrying on with its other components, as Windows
 * writers do with {@code IVssComponentEx2::SetFailure}: the requester reads the error with GetWriterComponents
 * ({@link io.github.vss4j.RecordedComponent#failure()}), and the writer's own status stays as it is (inferred: the
 * documentation keeps component failures apart from the writer's and says no more). Only a component the backup
 * selected with AddComponent fails; the writer must not have failed as a whole before the phase. At
 * {@link WriterPhase#PRE_RESTORE} or {@link WriterPhase#POST_RESTORE} a component selected for restore gets the
 * writer's pre- or post-restore failure message instead
 * ({@link io.github.vss4j.RecordedComponent#preRestoreFailureMessage()}).
 *
 * @param type          the component's type
 * @param logicalPath   its logical path, or empty
 * @param componentName its name
 * @param phase         where it fails: {@link WriterPhase#PREPARE_BACKUP} or later
 * @param failure       the HRESULT the writer reports, usually one of {@code VSS_E_WRITERERROR_*}
 */
public record ComponentFault(ComponentType type, String logicalPath, String componentName, WriterPhase phase,
        int failure) {

    /** Checks that nothing is missing and that a component can fail at the phase. */
    public ComponentFault {
        Objects.requireNonNull(type, "type");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        Objects.requireNonNull(componentName, "componentName");
        Objects.requireNonNull(phase, "phase");
        if (phase == WriterPhase.NONE || phase == WriterPhase.IDENTIFY) {
            throw new IllegalArgumentException("component " + componentName + " cannot fail at " + phase
                    + ": components are selected after identify; use PREPARE_BACKUP or a later phase");
        }
        if (failure == 0) {
            throw new IllegalArgumentException("component " + componentName + " needs a failure HRESULT; 0 is S_OK");
        }
    }
}
