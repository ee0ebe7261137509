package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/** Real VSS's {@link CopyAccess}. Placeholder on the integration branch: the Windows part replaces every body. */
public final class WindowsCopyAccess implements CopyAccess {

    @Override
    public Path mount(String deviceObject, Path link) throws IOException {
        throw new UnsupportedOperationException("not built yet: reading a copy on Windows");
    }

    @Override
    public void unmount(Path link) throws IOException {
        throw new UnsupportedOperationException("not built yet: reading a copy on Windows");
    }

    @Override
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        throw new UnsupportedOperationException("not built yet: reading a copy on Windows");
    }
}
