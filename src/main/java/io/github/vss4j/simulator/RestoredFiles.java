package io.github.vss4j.simulator;

import java.util.Objects;

/**
 * Files of a component that a restore put somewhere else, as a simulated writer was told: an alternate location
 * mapping (AddAlternativeLocationMapping) or a new target (AddNewTarget).
 *
 * @param path        the directory the files were in
 * @param fileSpec    the files
 * @param recursive   whether the directories below {@code path} are included
 * @param destination the directory they went to
 */
public record RestoredFiles(String path, String fileSpec, boolean recursive, String destination) {

    /** Checks that nothing is missing. */
    public RestoredFiles {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(fileSpec, "fileSpec");
        Objects.requireNonNull(destination, "destination");
    }
}
