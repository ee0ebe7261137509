package io.github.vss4j;

/**
 * Receives a {@link ShadowCopyRequest}'s progress, one {@link ProgressEvent} at a time, in order, on the thread
 * that runs the request. It should return quickly; what it throws is logged and otherwise ignored. It may cancel
 * the request (cancel the future of {@link ShadowCopyRequest#createAsync()}, or interrupt the thread of
 * {@link ShadowCopyRequest#create()}).
 */
@FunctionalInterface
public interface ProgressListener {

    /** Called for every event. */
    void onEvent(ProgressEvent event);

    /** A listener that ignores everything. */
    static ProgressListener none() {
        return event -> { };
    }
}
