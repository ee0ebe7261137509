package io.github.vss4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Virtual time for tests. In automatic mode every wait passes at once and moves the clock on by its length; in
 * manual mode waits stay pending until {@link #advance(Duration)} moves the clock past their end. Automatic mode
 * also fires timeouts and deadlines at once, so use it only where no operation is waited on under a limit.
 */
final class VirtualScheduler implements Scheduler {
    private final boolean automatic;
    private final List<Duration> requested = Collections.synchronizedList(new ArrayList<>());
    private final List<Pending> pending = new ArrayList<>();
    private final List<CompletableFuture<Duration>> pendingWatchers = new ArrayList<>();
    private long now;

    private record Pending(long due, CompletableFuture<Void> future) {
    }

    private VirtualScheduler(boolean automatic) {
        this.automatic = automatic;
    }

    static VirtualScheduler automatic() {
        return new VirtualScheduler(true);
    }

    static VirtualScheduler manual() {
        return new VirtualScheduler(false);
    }

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public CompletableFuture<Void> after(Duration delay) {
        requested.add(delay);
        CompletableFuture<Void> future = new CompletableFuture<>();
        List<CompletableFuture<Duration>> watchers = List.of();
        synchronized (this) {
            if (automatic || delay.isZero() || delay.isNegative()) {
                if (automatic && !delay.isZero() && !delay.isNegative()) {
                    now += delay.toNanos();
                }
                future.complete(null);
            } else {
                pending.add(new Pending(now + delay.toNanos(), future));
                watchers = List.copyOf(pendingWatchers);
                pendingWatchers.clear();
            }
        }
        watchers.forEach(w -> w.complete(delay));
        return future;
    }

    /** Moves the clock on and completes the waits that have ended by then. */
    void advance(Duration by) {
        List<CompletableFuture<Void>> due = new ArrayList<>();
        synchronized (this) {
            now += by.toNanos();
            for (Iterator<Pending> it = pending.iterator(); it.hasNext();) {
                Pending p = it.next();
                if (p.due() <= now) {
                    due.add(p.future());
                    it.remove();
                }
            }
        }
        due.forEach(f -> f.complete(null));
    }

    /** Completes with the length of the next wait that stays pending (manual mode). */
    synchronized CompletableFuture<Duration> nextPending() {
        CompletableFuture<Duration> watcher = new CompletableFuture<>();
        pendingWatchers.add(watcher);
        return watcher;
    }

    /** Every delay asked for, in order. */
    List<Duration> requested() {
        synchronized (requested) {
            return List.copyOf(requested);
        }
    }

    /** The time passed since the start. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(now);
    }
}
