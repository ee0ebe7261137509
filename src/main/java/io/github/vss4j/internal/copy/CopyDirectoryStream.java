package io.github.vss4j.internal.copy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A listing of a copy's directory: the default provider's listing, each entry turned into a path of the copy that
 * keeps the default-file-system path it was listed as.
 */
final class CopyDirectoryStream implements DirectoryStream<Path> {
    private final CopyPath dir;
    private final DirectoryStream<Path> listing;
    private final Filter<? super Path> filter;

    CopyDirectoryStream(CopyPath dir, DirectoryStream<Path> listing, Filter<? super Path> filter) {
        this.dir = dir;
        this.listing = listing;
        this.filter = filter;
    }

    @Override
    public Iterator<Path> iterator() {
        Iterator<Path> entries = listing.iterator();
        return new Iterator<>() {
            private Path next;

            @Override
            public boolean hasNext() {
                while (next == null && entries.hasNext()) {
                    Path entry = entries.next();
                    CopyPath child = dir.child(entry);
                    if (accepts(child)) {
                        next = child;
                    }
                }
                return next != null;
            }

            @Override
            public Path next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Path taken = next;
                next = null;
                return taken;
            }
        };
    }

    private boolean accepts(Path child) {
        if (filter == null) {
            return true;
        }
        try {
            return filter.accept(child);
        } catch (IOException failed) {
            throw new DirectoryIteratorException(failed);
        } catch (UncheckedIOException failed) {
            throw new DirectoryIteratorException(failed.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        listing.close();
    }
}
