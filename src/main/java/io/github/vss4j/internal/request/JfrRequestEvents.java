package io.github.vss4j.internal.request;

/**
 * {@link RequestEvents} as JFR events ({@link PhaseEvent}, {@link WriterEvent}, {@link RetryEvent},
 * {@link ComponentEvent}): the only class outside those events that names a {@code jdk.jfr} type, made only where
 * the module is there (see {@link RequestEvents#forThisRuntime()}).
 */
final class JfrRequestEvents implements RequestEvents {
    @Override
    public PhaseRecord beginPhase() {
        PhaseEvent event = new PhaseEvent();
        event.begin();
        return (phase, attempt, hresult) -> {
            event.end();
            if (event.shouldCommit()) {
                event.phase = phase;
                event.attempt = attempt;
                event.hresult = hresult;
                event.error = Progress.errorName(hresult);
                event.commit();
            }
        };
    }

    @Override
    public void writer(String phase, int attempt, String writer, String state, int failure, boolean checked) {
        WriterEvent event = new WriterEvent();
        if (event.shouldCommit()) {
            event.phase = phase;
            event.attempt = attempt;
            event.writer = writer;
            event.state = state;
            event.failure = failure;
            event.checked = checked;
            event.commit();
        }
    }

    @Override
    public void retry(int attempt, String reason, String phase, int hresult, String error, long waitNanos) {
        RetryEvent event = new RetryEvent();
        if (event.shouldCommit()) {
            event.attempt = attempt;
            event.reason = reason;
            event.phase = phase;
            event.hresult = hresult;
            event.error = error;
            event.wait = waitNanos;
            event.commit();
        }
    }

    @Override
    public void component(String step, int attempt, String writer, String component, boolean dependency,
            int hresult) {
        ComponentEvent event = new ComponentEvent();
        if (event.shouldCommit()) {
            event.step = step;
            event.attempt = attempt;
            event.writer = writer;
            event.component = component;
            event.dependency = dependency;
            event.hresult = hresult;
            event.commit();
        }
    }
}
