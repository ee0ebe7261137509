package io.github.vss4j.internal.completion;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion tokens: Java registers what to do when an asynchronous operation ends before it asks the shim to
 * start it, so that a report arriving before the start call returns is never lost. The reports come back through
 * {@link CompletionThreads}.
 */
public final class Completions {
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
    private static final AtomicLong NEXT = new AtomicLong(1);
    private static final Map<Long, IntConsumer> PENDING = new ConcurrentHashMap<>();

    private Completions() {
    }

    /**
     * Registers {@code onEnd} (called once, on a completion thread, with the final status) and returns its token;
     * a completion thread is ready to deliver it when this returns.
     */
    static long register(IntConsumer onEnd) {
        long token = NEXT.getAndIncrement();
        PENDING.put(token, onEnd);
        try {
            CompletionThreads.expectReport();
        } catch (RuntimeException | Error e) {
            PENDING.remove(token);
            throw e;
        }
        return token;
    }

    /** The operation never started: forget its token. */
    static void unregister(long token) {
        PENDING.remove(token);
    }

    /** Tokens registered and not yet reported (for tests: must come back to zero). */
    public static int pending() {
        return PENDING.size();
    }

    static void completed(long token, int hresult) {
        IntConsumer onEnd = PENDING.remove(token);
        if (onEnd == null) {
            LOG.warn("A completion arrived for unknown token {} (status {}); ignored", token, hresult);
            return;
        }
        try {
            onEnd.accept(hresult);
        } catch (Throwable e) {
            // Nothing may end the completion thread's loop.
            LOG.error("Handling the end of an asynchronous VSS operation failed", e);
        }
    }
}
