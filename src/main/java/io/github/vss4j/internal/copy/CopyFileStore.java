package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;

/** The store a copy's files live in: the default store under the mount, read-only because a shadow copy is. */
final class CopyFileStore extends FileStore {
    private final FileStore store;
    private final String deviceObject;

    CopyFileStore(FileStore store, String deviceObject) {
        this.store = store;
        this.deviceObject = deviceObject;
    }

    @Override
    public String name() {
        return deviceObject;
    }

    @Override
    public String type() {
        return store.type();
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public long getTotalSpace() throws IOException {
        return store.getTotalSpace();
    }

    @Override
    public long getUsableSpace() {
        return 0;
    }

    @Override
    public long getUnallocatedSpace() {
        return 0;
    }

    @Override
    public boolean supportsFileAttributeView(Class<? extends FileAttributeView> type) {
        return store.supportsFileAttributeView(type);
    }

    @Override
    public boolean supportsFileAttributeView(String name) {
        return store.supportsFileAttributeView(name);
    }

    @Override
    public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> type) {
        return null;
    }

    @Override
    public Object getAttribute(String attribute) throws IOException {
        return store.getAttribute(attribute);
    }

    @Override
    public String toString() {
        return deviceObject + " (" + store.type() + ", read-only)";
    }
}
