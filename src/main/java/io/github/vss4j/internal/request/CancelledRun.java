package io.github.vss4j.internal.request;

/** Unwinds a request whose future was cancelled, so that clean-up runs on the way out. */
final class CancelledRun extends Exception {
    private static final long serialVersionUID = 1L;

    CancelledRun() {
        super("the shadow copy request was cancelled", null, false, false);
    }
}
