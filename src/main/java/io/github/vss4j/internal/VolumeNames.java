package io.github.vss4j.internal;

import java.util.Objects;

/**
 * The rules a volume name must follow before it reaches VSS, the same for a name given to AddToSnapshotSet and
 * one that describes a simulated volume (which could otherwise never be added).
 */
public final class VolumeNames {
    /** The longest path Windows accepts (in UTF-16 units). */
    public static final int MAX_LENGTH = 32767;

    private VolumeNames() {
    }

    /** The name itself, if it follows the rules; else IllegalArgumentException naming it and the rule. */
    public static String check(String volume) {
        Objects.requireNonNull(volume, "volume must not be null (e.g. \"C:\\\\\")");
        if (volume.isEmpty()) {
            throw new IllegalArgumentException("volume must not be empty: give a drive, mount point or "
                    + "\\\\?\\Volume{GUID}\\ name ending with a backslash, e.g. C:\\");
        }
        if (volume.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("volume name of " + volume.length()
                    + " characters is longer than Windows allows (" + MAX_LENGTH + ")");
        }
        if (volume.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("volume name " + printable(volume)
                    + " contains a NUL character, which would silently cut it short in VSS");
        }
        if (!volume.endsWith("\\")) {
            throw new IllegalArgumentException("volume name " + printable(volume)
                    + " must end with a backslash, as VSS requires: e.g. " + printable(volume + "\\"));
        }
        return volume;
    }

    /** The name as it can be shown in a message: quoted, control characters escaped, cut at 100 characters. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder("\"");
        int shown = Math.min(text.length(), 100);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (shown < text.length()) {
            out.append("...(").append(text.length()).append(" characters)");
        }
        return out.append('"').toString();
    }
}
