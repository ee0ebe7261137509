package io.github.vss4j.cli;

import java.util.regex.Pattern;

/** Volume names as operators type them. */
final class Volumes {
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:");

    private Volumes() {
    }

    /**
     * {@code C:} becomes {@code C:\}, the form VSS requires; anything else is left for vss4j to check. Accepting the
     * bare drive matters off Windows, where a shell takes the backslash of {@code C:\} as an escape.
     */
    static String normalize(String volume) {
        return DRIVE.matcher(volume).matches() ? volume + "\\" : volume;
    }
}
