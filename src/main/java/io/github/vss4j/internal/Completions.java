package io.github.vss4j.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completion tokens: Java registers what to do when an asynchronous operation ends before it asks the shim to
 * start it, so that a report arriving before the start call returns is never lost.
 */
public final class Completions {
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);
    private static final AtomicLong NEXT = new AtomicLong(1);
    private static final Map<Long, IntConsumer> PENDING = new ConcurrentHashMap<>();
    // Set while a completion is being handed over on a shim thread (see reportingThread()).
    private static final ThreadLocal<Boolean> REPORTING = new ThreadLocal<>();

    private Completions() {
    }

    /** Registers {@code onEnd} (called once, on a shim thread, with the final status) and returns its token. */
    public static long register(IntConsumer onEnd) {
        long token = NEXT.getAndIncrement();
        PENDING.put(token, onEnd);
        return token;
    }

    /** The operation never started: forget its token. */
    public static void unregister(long token) {
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
        REPORTING.set(Boolean.TRUE);
        try {
            onEnd.accept(hresult);
        } catch (Throwable e) {
            // Nothing may propagate into the native waiter thread.
            LOG.error("Handling the end of an asynchronous VSS operation failed", e);
        } finally {
            REPORTING.remove();
        }
    }

    /**
     * Whether this thread is a shim thread reporting a completion right now: only when an Executor runs callbacks
     * inline. Waiting there for another operation would wait for this very thread, forever.
     */
    public static boolean reportingThread() {
        return REPORTING.get() != null;
    }
}
