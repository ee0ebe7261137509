package io.github.vss4j.internal;

import java.lang.ref.Cleaner;

/** The one Cleaner that releases VSS objects a caller forgot to close. */
public final class Cleanup {
    public static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "vss4j-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    private Cleanup() {
    }
}
