package io.github.vss4j.internal;

import java.util.Objects;

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
        String checked = nonEmpty(what, path);
        if (checked.indexOf('*') >= 0 || checked.indexOf('?') >= 0) {
            throw new IllegalArgumentException("the " + what + " " + quoted(checked) + " contains a wildcard (* or"
                    + " ?); VSS takes a directory here, and wildcards only in the file specification");
        }
        return checked;
    }

    /** The files, such as {@code *.mdf}: wildcards allowed, no directory. */
    public static String fileSpec(String what, String fileSpec) {
        String checked = nonEmpty(what, fileSpec);
        if (checked.indexOf('\\') >= 0 || checked.indexOf('/') >= 0) {
            throw new IllegalArgumentException("the " + what + " " + quoted(checked) + " names a directory; VSS"
                    + " takes file names and wildcards only (the directory goes in the path)");
        }
        return checked;
    }

    /** The directory the files go to. */
    public static String destination(String what, String destination) {
        return nonEmpty(what, destination);
    }

    private static String nonEmpty(String what, String text) {
        String checked = ComponentNames.text(what, text);
        if (checked.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " is empty");
        }
        return checked;
    }

    private static String quoted(String text) {
        Objects.requireNonNull(text);
        return "'" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "'";
    }
}
