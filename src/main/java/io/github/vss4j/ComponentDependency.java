package io.github.vss4j;

import java.util.Objects;
import java.util.UUID;

/**
 * A component another component depends on ({@code IVssWMDependency}): back it up together with the one that names
 * it.
 *
 * @param writerId      the class id of the writer that owns it
 * @param logicalPath   its logical path, or empty
 * @param componentName its name
 */
public record ComponentDependency(UUID writerId, String logicalPath, String componentName) {

    /** Checks the id; turns missing text into empty text. */
    public ComponentDependency {
        Objects.requireNonNull(writerId, "writerId");
        logicalPath = Objects.requireNonNullElse(logicalPath, "");
        componentName = Objects.requireNonNullElse(componentName, "");
    }
}
