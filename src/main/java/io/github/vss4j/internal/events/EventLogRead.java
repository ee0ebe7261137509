package io.github.vss4j.internal.events;

import io.github.vss4j.LoggedEvent;
import io.github.vss4j.Operation;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.internal.Decode;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One read of the event log through the backend, bounded in time on the caller's side too: the backend stops
 * reading after the query's timeout, and the caller stops waiting a little after it whatever the backend does, so
 * a hung log can delay nobody beyond the bound. Read-only.
 */
public final class EventLogRead {
    /** What the caller waits beyond the backend's own budget before giving up on it. */
    static final Duration GRACE = Duration.ofMillis(500);

    private EventLogRead() {
    }

    /**
     * The entries the arguments name, newest first (their rules: {@code NativeBridge.readEvents}).
     *
     * @throws VssException with the backend's HRESULT ({@link VssError#E_NOTIMPL} for a backend without a log),
     *                      or {@code ERROR_TIMEOUT} when the backend did not answer within the bound
     * @throws InterruptedException if the calling thread is interrupted while it waits
     */
    public static List<LoggedEvent> read(OwnedHandle backend, List<String> sources, Instant from, Instant to,
            int maxLevel, int maxCount, Duration timeout) throws VssException, InterruptedException {
        String[] names = sources.toArray(String[]::new);
        long fromMillis = from.toEpochMilli();
        long toMillis = to.toEpochMilli();
        int budget = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        String detail = String.join(", ", sources) + " from " + from + " to " + to;
        CompletableFuture<List<LoggedEvent>> answer = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                Object[] holder = new Object[2];
                int hresult = backend.use(b -> NativeBridge.readEvents(b, names, fromMillis, toMillis, maxLevel,
                        maxCount, budget, holder));
                if (hresult < 0) {
                    answer.completeExceptionally(new VssException(Operation.READ_EVENT_LOG, hresult, detail));
                } else {
                    answer.complete(Decode.events(holder));
                }
            } catch (RuntimeException | Error failure) {
                answer.completeExceptionally(failure);
            }
        }, "vss4j-event-log-read");
        reader.setDaemon(true);
        reader.start();
        try {
            return answer.get(budget + GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException late) {
            throw new VssException(Operation.READ_EVENT_LOG, VssError.ERROR_TIMEOUT.hresult(),
                    detail + ": no answer within " + (budget + GRACE.toMillis()) + " ms");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof VssException vss) {
                throw vss;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) cause;
        }
    }
}
