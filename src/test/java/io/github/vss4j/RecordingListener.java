package io.github.vss4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Keeps every progress event; lets a test act on one event and wait for the request's end. */
final class RecordingListener implements ProgressListener {
    private final List<ProgressEvent> events = new ArrayList<>();
    private final CompletableFuture<ProgressEvent.Finished> finished = new CompletableFuture<>();
    private final CompletableFuture<ProgressEvent.SetReleased> released = new CompletableFuture<>();
    private final CompletableFuture<ProgressEvent.RestoreReleased> restoreReleased = new CompletableFuture<>();
    private Predicate<ProgressEvent> trigger = e -> false;
    private Consumer<ProgressEvent> action = e -> { };

    /** Runs {@code then} on the request's thread the first time an event matches {@code when}. */
    synchronized RecordingListener on(Predicate<ProgressEvent> when, Consumer<ProgressEvent> then) {
        this.trigger = when;
        this.action = then;
        return this;
    }

    @Override
    public void onEvent(ProgressEvent event) {
        Consumer<ProgressEvent> run = null;
        synchronized (this) {
            events.add(event);
            if (trigger.test(event)) {
                run = action;
                trigger = e -> false;
            }
        }
        if (run != null) {
            run.accept(event);
        }
        if (event instanceof ProgressEvent.Finished end) {
            finished.complete(end);
        }
        if (event instanceof ProgressEvent.SetReleased end) {
            released.complete(end);
        }
        if (event instanceof ProgressEvent.RestoreReleased end) {
            restoreReleased.complete(end);
        }
    }

    synchronized List<ProgressEvent> events() {
        return List.copyOf(events);
    }

    <T extends ProgressEvent> List<T> events(Class<T> type) {
        return events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    CompletableFuture<ProgressEvent.Finished> finished() {
        return finished;
    }

    CompletableFuture<ProgressEvent.SetReleased> released() {
        return released;
    }

    /** Completes with a restore's last event. */
    CompletableFuture<ProgressEvent.RestoreReleased> restoreReleased() {
        return restoreReleased;
    }

    static Predicate<ProgressEvent> started(Phase phase) {
        return e -> e instanceof ProgressEvent.PhaseStarted s && s.phase() == phase;
    }
}
