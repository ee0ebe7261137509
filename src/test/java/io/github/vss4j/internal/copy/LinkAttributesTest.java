package io.github.vss4j.internal.copy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;

/**
 * A Windows junction, which the JDK reports as a directory that is also "other", is reported as a link so that
 * Files.walk lists it and does not descend; every other file's attributes pass as they are.
 */
class LinkAttributesTest {

    /** Attributes as the JDK's Windows provider gives them: directory, other (reparse point), hidden or not. */
    private record Windows(boolean isDirectory, boolean isOther, boolean isHidden) implements DosFileAttributes {
        @Override
        public FileTime lastModifiedTime() {
            return FileTime.fromMillis(1);
        }

        @Override
        public FileTime lastAccessTime() {
            return FileTime.fromMillis(2);
        }

        @Override
        public FileTime creationTime() {
            return FileTime.fromMillis(3);
        }

        @Override
        public boolean isRegularFile() {
            return false;
        }

        @Override
        public boolean isSymbolicLink() {
            return false;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public Object fileKey() {
            return null;
        }

        @Override
        public boolean isReadOnly() {
            return false;
        }

        @Override
        public boolean isArchive() {
            return false;
        }

        @Override
        public boolean isSystem() {
            return true;
        }
    }

    @Test
    void aJunctionIsReportedAsALinkNotADirectory() {
        Windows junction = new Windows(true, true, true);
        BasicFileAttributes basic = LinkAttributes.reported(BasicFileAttributes.class, junction);
        assertTrue(basic.isSymbolicLink());
        assertFalse(basic.isDirectory() || basic.isOther() || basic.isRegularFile());
        assertTrue(LinkGuard.isLink(basic));
        DosFileAttributes dos = LinkAttributes.reported(DosFileAttributes.class, junction);
        assertTrue(dos.isSymbolicLink() && dos.isHidden() && dos.isSystem());
        assertFalse(dos.isDirectory());
    }

    @Test
    void aPlainDirectoryPassesAsItIs() {
        Windows directory = new Windows(true, false, false);
        assertSame(directory, LinkAttributes.reported(BasicFileAttributes.class, directory));
        assertFalse(LinkGuard.isLink(directory));
    }
}
