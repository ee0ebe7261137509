package io.github.vss4j.internal;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one owner of a native handle (a backend, a backup-components object, an async operation): it releases the
 * handle exactly once, at {@link #close()} or when the garbage collector finds the owner unreachable, and says in
 * the log when the latter happened to something the caller should have closed.
 *
 * <p>The Cleaner watches this owner, not the Java objects that use it: several objects may share one owner (a
 * {@code Vss} and the ones derived from it with another Executor), and the handle lives while any of them does.
 * {@link #use} keeps the owner reachable until the native call that got the handle has returned, so that the
 * garbage collector cannot release a handle under a call that is using it.
 */
public final class OwnedHandle {
    private static final Logger LOG = LoggerFactory.getLogger(OwnedHandle.class);

    private final long handle;
    private final String closedMessage;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Release release;
    private final Cleaner.Cleanable cleanable;

    private OwnedHandle(long handle, LongConsumer releaser, String closedMessage, String neverClosedWarning) {
        this.handle = handle;
        this.closedMessage = closedMessage;
        this.release = new Release(handle, releaser, neverClosedWarning);
        this.cleanable = Cleanup.CLEANER.register(this, release);
    }

    /**
     * Owns a handle its users never close themselves (a backend): it goes when the last user is unreachable.
     *
     * @param releaser      releases the native handle
     * @param closedMessage the IllegalStateException's message for a use after close
     */
    public static OwnedHandle untilUnreachable(long handle, LongConsumer releaser, String closedMessage) {
        return new OwnedHandle(handle, Objects.requireNonNull(releaser, "releaser"), closedMessage, null);
    }

    /**
     * Owns a handle its user should close; when the garbage collector releases it instead, the log says
     * {@code neverClosedWarning}.
     */
    public static OwnedHandle toBeClosed(long handle, LongConsumer releaser, String closedMessage,
            String neverClosedWarning) {
        return new OwnedHandle(handle, Objects.requireNonNull(releaser, "releaser"), closedMessage,
                Objects.requireNonNull(neverClosedWarning, "neverClosedWarning"));
    }

    /**
     * Calls native code with the handle, keeping this owner reachable until the call returns.
     *
     * @throws IllegalStateException with the owner's message if it is closed
     */
    public <T> T use(LongFunction<T> call) {
        try {
            return call.apply(live());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * The handle, for a caller that keeps this owner reachable itself until the native call returns.
     *
     * @throws IllegalStateException with the owner's message if it is closed
     */
    public long live() {
        if (closed.get()) {
            throw new IllegalStateException(closedMessage);
        }
        return handle;
    }

    /** Releases the handle now; only the first call does anything. Returns whether this call released it. */
    public boolean close() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        release.byCaller = true;
        cleanable.clean();
        return true;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Releases the handle once; it holds no reference to the owner, or the owner would never be unreachable. */
    private static final class Release implements Runnable {
        private final long handle;
        private final LongConsumer releaser;
        private final String neverClosedWarning;
        private volatile boolean byCaller;

        Release(long handle, LongConsumer releaser, String neverClosedWarning) {
            this.handle = handle;
            this.releaser = releaser;
            this.neverClosedWarning = neverClosedWarning;
        }

        @Override
        public void run() {
            if (!byCaller && neverClosedWarning != null) {
                LOG.warn(neverClosedWarning);
            }
            releaser.accept(handle);
        }
    }
}
