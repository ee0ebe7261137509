package io.github.vss4j;

import java.util.List;

/**
 * How a restore ended ({@link PreparedRestore#finish()}): each component's outcome and the writers' status after
 * PostRestore.
 *
 * @param components   each component, in the order of {@link PreparedRestore#components()}
 * @param writerStatus every writer's status after PostRestore; empty if it could not be read (logged)
 */
public record RestoreResult(List<RestoredComponent> components, List<WriterStatus> writerStatus) {

    /** Copies the lists. */
    public RestoreResult {
        components = List.copyOf(components);
        writerStatus = List.copyOf(writerStatus);
    }

    /** Whether every component {@link RestoredComponent#succeeded() succeeded} and no writer failed. */
    public boolean succeeded() {
        return components.stream().allMatch(RestoredComponent::succeeded)
                && writerStatus.stream().noneMatch(WriterStatus::isFailed);
    }
}
