package io.github.vss4j.simulator;

import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.RestoreType;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a simulated writer was told about one of its components in a restore, and what it answered: recorded at
 * PreRestore (the component was selected), completed at PostRestore.
 *
 * @param instanceId          the writer instance
 * @param writerId            the writer class
 * @param writerName          the writer's name
 * @param logicalPath         the component's logical path, or empty
 * @param componentName       the component's name
 * @param restoreType         the restore type the requester set (SetRestoreState)
 * @param additionalRestores  whether the requester said more restores follow (SetAdditionalRestores)
 * @param restoreOptions      the requester's restore options, or empty
 * @param alternateLocations  the files the requester said it restored elsewhere (AddAlternativeLocationMapping)
 * @param newTargets          the files the requester said go to a new target (AddNewTarget)
 * @param restoreTarget       where the writer chose to restore the component at PreRestore
 * @param fileRestoreStatus   the status the requester reported, as PostRestore told it to the writer
 *                            ({@link FileRestoreStatus#UNDEFINED} before PostRestore)
 * @param postRestoreDone     whether PostRestore reached the writer for this component
 * @param preRestoreFailureMessage  the message the writer set when PreRestore failed for the component, or empty
 * @param postRestoreFailureMessage the message the writer set when PostRestore failed for it, or empty
 */
public record ComponentRestore(UUID instanceId, UUID writerId, String writerName, String logicalPath,
        String componentName, RestoreType restoreType, boolean additionalRestores, String restoreOptions,
        List<RestoredFiles> alternateLocations, List<RestoredFiles> newTargets, RestoreTarget restoreTarget,
        FileRestoreStatus fileRestoreStatus, boolean postRestoreDone, String preRestoreFailureMessage,
        String postRestoreFailureMessage) {

    /** Checks that nothing is missing; missing text becomes empty text. */
    public ComponentRestore {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(writerId, "writerId");
        Objects.requireNonNull(writerName, "writerName");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        Objects.requireNonNull(componentName, "componentName");
        Objects.requireNonNull(restoreType, "restoreType");
        restoreOptions = Objects.requireNonNullElse(restoreOptions, "");
        alternateLocations = List.copyOf(alternateLocations);
        newTargets = List.copyOf(newTargets);
        Objects.requireNonNull(restoreTarget, "restoreTarget");
        Objects.requireNonNull(fileRestoreStatus, "fileRestoreStatus");
        preRestoreFailureMessage = Objects.requireNonNullElse(preRestoreFailureMessage, "");
        postRestoreFailureMessage = Objects.requireNonNullElse(postRestoreFailureMessage, "");
    }

    /** Whether the writer failed the restore of this component at PreRestore or PostRestore. */
    public boolean failed() {
        return !preRestoreFailureMessage.isEmpty() || !postRestoreFailureMessage.isEmpty();
    }
}
