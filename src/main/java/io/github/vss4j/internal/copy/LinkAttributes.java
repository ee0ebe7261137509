package io.github.vss4j.internal.copy;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * Attributes of a Windows junction or other directory reparse point, which the JDK reports as a directory that is
 * also "other": reported as a link (not a directory), so that {@code Files.walk} lists it and does not descend.
 * Every other file's attributes are returned as the default provider read them.
 */
class LinkAttributes implements BasicFileAttributes {
    private final BasicFileAttributes it;

    LinkAttributes(BasicFileAttributes it) {
        this.it = it;
    }

    static <A extends BasicFileAttributes> A reported(Class<A> type, A it) {
        if (!(it.isDirectory() && it.isOther())) {
            return it;
        }
        if (type == BasicFileAttributes.class) {
            return type.cast(new LinkAttributes(it));
        }
        if (type == DosFileAttributes.class) {
            return type.cast(new Dos((DosFileAttributes) it));
        }
        return it;
    }

    @Override
    public FileTime lastModifiedTime() {
        return it.lastModifiedTime();
    }

    @Override
    public FileTime lastAccessTime() {
        return it.lastAccessTime();
    }

    @Override
    public FileTime creationTime() {
        return it.creationTime();
    }

    @Override
    public boolean isRegularFile() {
        return false;
    }

    @Override
    public boolean isDirectory() {
        return false;
    }

    @Override
    public boolean isSymbolicLink() {
        return true;
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public long size() {
        return it.size();
    }

    @Override
    public Object fileKey() {
        return it.fileKey();
    }

    /** The same, with the DOS attributes. */
    static final class Dos extends LinkAttributes implements DosFileAttributes {
        private final DosFileAttributes dos;

        Dos(DosFileAttributes dos) {
            super(dos);
            this.dos = dos;
        }

        @Override
        public boolean isReadOnly() {
            return dos.isReadOnly();
        }

        @Override
        public boolean isHidden() {
            return dos.isHidden();
        }

        @Override
        public boolean isArchive() {
            return dos.isArchive();
        }

        @Override
        public boolean isSystem() {
            return dos.isSystem();
        }
    }
}
