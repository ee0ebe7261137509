package io.github.vss4j.internal;

import static io.github.vss4j.internal.VolumeNames.printable;

import java.util.regex.Pattern;

/**
 * The rules ExposeSnapshot's names follow before they reach VSS ("IVssBackupComponents::ExposeSnapshot"): locally a
 * drive letter ({@code X:}) or an absolute folder ({@code C:\Mount\Copy}) and no path from root; remotely an optional
 * share name and an optional path from root without wildcards or environment variables.
 */
public final class ExposeNames {
    /** The longest share name Windows takes (NNLEN). */
    public static final int MAX_SHARE_LENGTH = 80;

    private static final Pattern DRIVE_LETTER = Pattern.compile("[A-Za-z]:");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z]:\\\\[^*?%/\"<>|:]+");
    private static final String SHARE_FORBIDDEN = "\\/:*?\"<>|%";

    private ExposeNames() {
    }

    /** A drive letter or an absolute folder with no "." or ".." part; else IllegalArgumentException. */
    public static String checkLocal(String expose) {
        if (expose == null) {
            throw new IllegalArgumentException("exposing locally needs a drive letter (e.g. \"X:\") or an empty "
                    + "NTFS folder (e.g. \"C:\\\\Mount\\\\Copy\"); VSS chooses a name only for a share");
        }
        common(expose, "drive letter or folder");
        if (DRIVE_LETTER.matcher(expose).matches()) {
            return expose;
        }
        if (!FOLDER.matcher(expose).matches() || hasDotPart(expose)) {
            throw new IllegalArgumentException("expose name " + printable(expose) + " is neither a drive letter "
                    + "followed by a colon (\"X:\") nor an absolute folder path (\"C:\\\\Mount\\\\Copy\") without "
                    + "wildcards, environment variables, \".\" or \"..\" parts");
        }
        return expose;
    }

    /** Null (VSS names the share) or a share name; else IllegalArgumentException. */
    public static String checkShare(String share) {
        if (share == null) {
            return null;
        }
        common(share, "share name");
        if (share.isEmpty() || share.length() > MAX_SHARE_LENGTH) {
            throw new IllegalArgumentException("share name " + printable(share) + " must have 1 to "
                    + MAX_SHARE_LENGTH + " characters, not " + share.length());
        }
        for (char c : share.toCharArray()) {
            if (SHARE_FORBIDDEN.indexOf(c) >= 0) {
                throw new IllegalArgumentException("share name " + printable(share) + " contains '" + c
                        + "', which a share name cannot hold (none of " + SHARE_FORBIDDEN + ")");
            }
        }
        return share;
    }

    /** Null or a path within the volume without wildcards or environment variables; else IllegalArgumentException. */
    public static String checkPathFromRoot(String pathFromRoot) {
        if (pathFromRoot == null) {
            return null;
        }
        common(pathFromRoot, "path from root");
        if (pathFromRoot.indexOf('*') >= 0 || pathFromRoot.indexOf('?') >= 0 || pathFromRoot.indexOf('%') >= 0) {
            throw new IllegalArgumentException("path from root " + printable(pathFromRoot)
                    + " cannot contain wildcards or environment variables (*, ?, %), as VSS documents");
        }
        return pathFromRoot;
    }

    private static void common(String text, String what) {
        if (text.length() > VolumeNames.MAX_LENGTH) {
            throw new IllegalArgumentException(what + " of " + text.length()
                    + " characters is longer than Windows allows (" + VolumeNames.MAX_LENGTH + ")");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(what + " " + printable(text)
                    + " contains a NUL character, which would silently cut it short in VSS");
        }
    }

    private static boolean hasDotPart(String folder) {
        for (String part : folder.substring(3).split("\\\\", -1)) {
            if (part.equals(".") || part.equals("..") || (part.isEmpty() && !folder.endsWith("\\"))) {
                return true;
            }
        }
        return false;
    }
}
