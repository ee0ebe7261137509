package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes a folder of links that a killed JVM left behind, never following one: a link, junction or other reparse
 * point is deleted itself, so a link to a copy (or to anything else) loses nothing behind it. Not
 * {@code Files.walkFileTree}: on Windows it takes a junction for a directory and would descend into it.
 */
final class TreeRemoval {
    private TreeRemoval() {
    }

    static void remove(Path folder) throws IOException {
        BasicFileAttributes it;
        try {
            it = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException gone) {
            return;
        }
        if (it.isDirectory() && !LinkGuard.isLink(it)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(folder)) {
                for (Path child : children) {
                    remove(child);
                }
            }
        }
        Files.deleteIfExists(folder);
    }
}
