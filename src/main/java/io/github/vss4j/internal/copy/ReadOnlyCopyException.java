package io.github.vss4j.internal.copy;

import java.nio.file.ReadOnlyFileSystemException;

/** The JDK's exception for a write to a read-only file system, with a message that says which path and what. */
final class ReadOnlyCopyException extends ReadOnlyFileSystemException {
    private static final long serialVersionUID = 1L;
    private final String message;

    ReadOnlyCopyException(Object path, String what) {
        this.message = path + ": a shadow copy is read-only: cannot " + what;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
