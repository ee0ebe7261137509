package io.github.vss4j;

import java.util.Objects;

/**
 * How the restore of one component ended, after {@link PreparedRestore#finish()}.
 *
 * @param component                 the component
 * @param status                    what the writer was told (SetFileRestoreStatus)
 * @param told                      false if SetFileRestoreStatus failed (logged): the writer was told nothing
 * @param preRestoreFailureMessage  what the writer said went wrong at PreRestore, or empty
 * @param postRestoreFailureMessage what the writer said went wrong at PostRestore, or empty
 */
public record RestoredComponent(RestoreComponent component, FileRestoreStatus status, boolean told,
        String preRestoreFailureMessage, String postRestoreFailureMessage) {

    /** Checks that nothing is missing; turns missing text into empty text. */
    public RestoredComponent {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(status, "status");
        preRestoreFailureMessage = Objects.requireNonNullElse(preRestoreFailureMessage, "");
        postRestoreFailureMessage = Objects.requireNonNullElse(postRestoreFailureMessage, "");
    }

    /** Whether all its files were restored, its writer was told so, and the writer reported no failure. */
    public boolean succeeded() {
        return status == FileRestoreStatus.ALL && told && preRestoreFailureMessage.isEmpty()
                && postRestoreFailureMessage.isEmpty();
    }
}
