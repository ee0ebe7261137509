package io.github.vss4j;

/**
 * Where an asynchronous VSS operation stands, as {@code IVssAsync::QueryStatus} reports it.
 *
 * @param operation the VSS call that started it
 * @param state     pending, finished (success), cancelled or failed
 * @param hresult   the raw status: {@code VSS_S_ASYNC_PENDING}, {@code VSS_S_ASYNC_FINISHED},
 *                  {@code VSS_S_ASYNC_CANCELLED} or the operation's error
 */
public record AsyncStatus(Operation operation, State state, int hresult) {

    /** The four outcomes VSS tells apart. */
    public enum State {
        PENDING, FINISHED, CANCELLED, FAILED;

        /** Whether the operation has ended, one way or another. */
        public boolean isDone() {
            return this != PENDING;
        }
    }

    /** The status that {@code hresult} stands for. Any other success code counts as finished. */
    public static AsyncStatus of(Operation operation, int hresult) {
        State state;
        if (hresult == VssError.VSS_S_ASYNC_PENDING.hresult()) {
            state = State.PENDING;
        } else if (hresult == VssError.VSS_S_ASYNC_CANCELLED.hresult()) {
            state = State.CANCELLED;
        } else if (hresult < 0) {
            state = State.FAILED;
        } else {
            state = State.FINISHED;
        }
        return new AsyncStatus(operation, state, hresult);
    }

    /** The error behind the status; {@link VssError#VSS_S_ASYNC_FINISHED} and the like for the others. */
    public VssError error() {
        return VssError.of(hresult);
    }

    /** The failure as an exception, or {@code null} unless {@link State#FAILED}. */
    public VssException failure() {
        return state == State.FAILED ? new VssException(operation, hresult) : null;
    }
}
