package io.github.vss4j;

import java.util.Objects;

/**
 * How a writer wants its data restored ({@code IVssExamineWriterMetadata::GetRestoreMethod}).
 *
 * @param method         the {@code VSS_RESTOREMETHOD_ENUM} value: 0 undefined, 1 restore if none exists, 2 restore
 *                       if can replace, 3 stop and restart the service, 4 restore to an alternate location,
 *                       5 restore at reboot, 6 at reboot if cannot replace, 7 custom, 8 stop/start
 * @param service        the service to stop and restart, or empty
 * @param userProcedure  the writer's restore instructions for a custom method, or empty
 * @param writerRestore  the {@code VSS_WRITERRESTORE_ENUM} value: 0 undefined, 1 never, 2 if replace fails,
 *                       3 always (whether the writer takes part in restore)
 * @param rebootRequired whether a reboot is needed after restore
 * @param mappings       how many alternate location mappings the writer declares
 */
public record RestoreMethod(int method, String service, String userProcedure, int writerRestore,
        boolean rebootRequired, int mappings) {

    /** A writer that declared no restore method. */
    public static final RestoreMethod NONE = new RestoreMethod(0, "", "", 0, false, 0);

    /** Turns missing text into empty text; refuses a negative number of mappings. */
    public RestoreMethod {
        service = Objects.requireNonNullElse(service, "");
        userProcedure = Objects.requireNonNullElse(userProcedure, "");
        if (mappings < 0) {
            throw new IllegalArgumentException("the number of alternate location mappings is negative: " + mappings);
        }
    }
}
