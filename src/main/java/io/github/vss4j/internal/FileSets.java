package io.github.vss4j.internal;

/**
 * The rules vss4j applies to the file sets of a restore (AddAlternativeLocationMapping, AddNewTarget) before they
 * reach VSS, as Microsoft documents them: a directory path without wildcards, a file specification without a
 * directory (wildcards allowed), a destination directory; none empty, none with a NUL or past Windows' longest path.
 */
public final class FileSets {
    private FileSets() {
    }

    /** The directory the files were in: may hold environment variables such as %SystemRoot%, not wildcards. */
    public static String path(String what, String path) {
        return refusing(what, path, "*?", "contains a wildcard (* or ?); VSS takes a directory here, and wildcards"
                + " only in the file specification");
    }

    /** The files, such as {@code *.mdf}: wildcards allowed, no directory. */
    public static String fileSpec(String what, String fileSpec) {
        return refusing(what, fileSpec, "\\/", "names a directory; VSS takes file names and wildcards only (the"
                + " directory goes in the path)");
    }

    /** The directory the files go to. */
    public static String destination(String what, String destination) {
        return refusing(what, destination, "", "");
    }

    /** {@code text} checked as any text VSS takes, not empty, without any of {@code characters} ({@code rule}). */
    private static String refusing(String what, String text, String characters, String rule) {
        String checked = ComponentNames.text(what, text);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        for (char c : characters.toCharArray()) {
            if (checked.indexOf(c) >= 0) {
                String shown = checked.length() > 80 ? checked.substring(0, 80) + "..." : checked;
                throw new IllegalArgumentException("the " + what + " '" + shown + "' " + rule);
            }
        }
        return checked;
    }
}
