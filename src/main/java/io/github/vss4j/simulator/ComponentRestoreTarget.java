package io.github.vss4j.simulator;

import io.github.vss4j.ComponentType;
import io.github.vss4j.RestoreTarget;
import java.util.Objects;

/**
 * Where a simulated writer restores one of its components: the target it sets at PreRestore
 * ({@code IVssComponent::SetRestoreTarget}), which the requester reads in
 * {@link io.github.vss4j.RecordedComponent#restoreTarget()}. Without one the writer chooses
 * {@link RestoreTarget#ORIGINAL}.
 *
 * @param type          the component's type
 * @param logicalPath   its logical path, or empty
 * @param componentName its name
 * @param target        where the writer restores it; not {@link RestoreTarget#UNDEFINED}
 */
public record ComponentRestoreTarget(ComponentType type, String logicalPath, String componentName,
        RestoreTarget target) {

    /** Checks that nothing is missing and that the target is one a writer can set. */
    public ComponentRestoreTarget {
        Objects.requireNonNull(type, "type");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        Objects.requireNonNull(componentName, "componentName");
        Objects.requireNonNull(target, "target");
        if (target == RestoreTarget.UNDEFINED) {
            throw new IllegalArgumentException("component " + componentName + " needs a restore target; UNDEFINED is"
                    + " what a writer that sets none leaves");
        }
    }
}
