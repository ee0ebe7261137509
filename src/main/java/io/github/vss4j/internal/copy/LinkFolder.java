package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where this process mounts copies: {@code <vss4j's per-user base>/copy-roots/<process>}, owner-only and marked in
 * use while the process lives. The first mount of a process removes the folders of ended processes of the same
 * user (a killed JVM leaves its links behind), never following a link in them.
 */
final class LinkFolder {
    private static final String NAME = "copy-roots";
    private static final AtomicLong NEXT = new AtomicLong();
    private static Path mine;

    private LinkFolder() {
    }

    /** A new path for one mount's link in this process's folder; nothing exists there yet. */
    static Path newLink() throws IOException {
        return folder().resolve("copy-" + NEXT.incrementAndGet());
    }

    private static synchronized Path folder() throws IOException {
        if (mine == null) {
            Path base = NativeLibrary.privateFolder(NAME);
            removeOrphans(base);
            ProcessHandle me = ProcessHandle.current();
            String started = me.info().startInstant().map(t -> "-" + t.toEpochMilli()).orElse("");
            mine = NativeLibrary.claimSubFolder(base, "p" + me.pid() + started);
        }
        return mine;
    }

    /** Removes what ended processes left in {@code base}; a folder that cannot be removed is logged and left. */
    static int removeOrphans(Path base) throws IOException {
        return TreeRemoval.removeOrphans(base, "the shadow copy links");
    }
}
