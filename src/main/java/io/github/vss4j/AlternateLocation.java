package io.github.vss4j;

import java.util.Objects;

/**
 * An alternate location mapping ({@code AddAlternativeLocationMapping}): the files {@code filespec} under
 * {@code path} of a component were restored to {@code destination} instead.
 *
 * @param path        the folder, as the writer declared it for the component
 * @param filespec    the file names, as the writer declared them
 * @param recursive   whether subfolders are included, as the writer declared it
 * @param destination where the files go instead
 */
public record AlternateLocation(String path, String filespec, boolean recursive, String destination) {

    /** Refuses missing or blank text. */
    public AlternateLocation {
        requireText(path, "path");
        requireText(filespec, "filespec");
        requireText(destination, "destination");
    }

    static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
