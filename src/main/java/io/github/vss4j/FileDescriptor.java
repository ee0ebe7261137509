package io.github.vss4j;

import java.util.Objects;

/**
 * One file descriptor of a writer ({@code IVssWMFiledesc}): a folder, the files in it a writer names, and the
 * volume they live on.
 *
 * @param path              the folder, as the writer wrote it (it may hold environment variables such as
 *                          {@code %SystemRoot%})
 * @param fileSpec          the file names, wildcards allowed, e.g. {@code *.mdf}
 * @param recursive         whether subfolders of {@code path} are included
 * @param alternateLocation where the files are restored instead, or empty
 * @param volume            the volume {@code path} lives on, as a volume GUID path ({@code \\?\Volume{...}\}), the
 *                          form {@link BackupComponents#addToSnapshotSet(String)} takes; empty when it could not be
 *                          resolved (a folder on no mounted volume). Resolved by vss4j, not reported by the writer.
 */
public record FileDescriptor(String path, String fileSpec, boolean recursive, String alternateLocation,
        String volume) {

    /** Turns missing text into empty text. */
    public FileDescriptor {
        path = Objects.requireNonNullElse(path, "");
        fileSpec = Objects.requireNonNullElse(fileSpec, "");
        alternateLocation = Objects.requireNonNullElse(alternateLocation, "");
        volume = Objects.requireNonNullElse(volume, "");
    }

    /** Files {@code fileSpec} in {@code path}, not recursive, no alternate location; the volume left to resolve. */
    public static FileDescriptor of(String path, String fileSpec) {
        return new FileDescriptor(path, fileSpec, false, "", "");
    }
}
