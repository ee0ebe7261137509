package io.github.vss4j;

import io.github.vss4j.internal.request.AsyncRun;
import io.github.vss4j.internal.request.RestoreSession;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A restore the writers are ready for ({@link RestoreRequest#prepare()}): PreRestore ran. It says per component
 * what to restore where ({@link #components()}); the product copies the files, reports each component, then calls
 * {@link #finish()}. It holds the backup-components object until then.
 *
 * <p>{@link #close()} without {@link #finish()} (an exception in the product's copy, say) still ends the restore as
 * Windows needs: each writer is told what was reported, {@link FileRestoreStatus#FAILED} for components nothing was
 * said about, PostRestore runs (bounded by the request's clean-up timeout), the object is released. Use it in
 * try-with-resources. Thread-safe.
 */
public final class PreparedRestore implements AutoCloseable {
    private enum State { OPEN, FINISHING, DONE }

    private final RestoreSession session;
    private State state = State.OPEN;

    PreparedRestore(RestoreSession session) {
        this.session = session;
    }

    /**
     * The components to restore, in the order chosen (or the document's order when none was chosen): each with its
     * files, the target its writer chose at PreRestore, the alternate locations and new targets the request gave,
     * and its writer's restore instructions.
     */
    public List<RestoreComponent> components() {
        return session.components();
    }

    /** The writers' status after PreRestore. */
    public List<WriterStatus> writerStatus() {
        return session.writerStatus();
    }

    /**
     * Says every file of {@code component} was restored: {@link #finish()} tells its writer
     * {@link FileRestoreStatus#ALL}. The latest word counts.
     *
     * @throws IllegalArgumentException if {@code component} is not one of {@link #components()}
     * @throws IllegalStateException    if {@link #finish()} or {@link #close()} was called
     */
    public void componentRestored(RestoreComponent component) {
        report(component, FileRestoreStatus.ALL);
    }

    /**
     * Says the restore of {@code component} failed, possibly after some files were copied:
     * {@link FileRestoreStatus#FAILED}. A component nothing was said about counts as failed too.
     *
     * @throws IllegalArgumentException if {@code component} is not one of {@link #components()}
     * @throws IllegalStateException    if {@link #finish()} or {@link #close()} was called
     */
    public void componentFailed(RestoreComponent component) {
        report(component, FileRestoreStatus.FAILED);
    }

    /**
     * Says no file of {@code component} was copied (the product skipped it): {@link FileRestoreStatus#NONE}.
     *
     * @throws IllegalArgumentException if {@code component} is not one of {@link #components()}
     * @throws IllegalStateException    if {@link #finish()} or {@link #close()} was called
     */
    public void componentNotRestored(RestoreComponent component) {
        report(component, FileRestoreStatus.NONE);
    }

    /**
     * Says every component was restored in full.
     *
     * @throws IllegalStateException if {@link #finish()} or {@link #close()} was called
     */
    public synchronized void allComponentsRestored() {
        requireOpen("report components");
        session.reportAll(FileRestoreStatus.ALL);
    }

    private synchronized void report(RestoreComponent component, FileRestoreStatus status) {
        Objects.requireNonNull(component, "component");
        requireOpen("report components");
        session.report(component, status);
    }

    /**
     * Tells each writer how the copy of its components went (SetFileRestoreStatus: what was reported,
     * {@link FileRestoreStatus#FAILED} for the rest), runs PostRestore, reads the writers' status and each
     * component's PreRestore and PostRestore failure messages, and releases the object. Call it once.
     *
     * @return how the restore ended; a writer's failure after PostRestore is in it, not thrown
     * @throws VssException          if PostRestore failed or timed out (phase inside); the object is released
     * @throws IllegalStateException if finish() or {@link #close()} was called already
     * @throws InterruptedException  if this thread was interrupted; the object was released first
     */
    public RestoreResult finish() throws VssException, InterruptedException {
        startFinishing();
        try {
            return session.finish(null);
        } finally {
            done();
        }
    }

    /**
     * {@link #finish()} on a new daemon thread. Cancelling the future stops PostRestore (or, if it had not started,
     * runs it bounded by the clean-up timeout) and releases the object.
     *
     * @throws IllegalStateException if finish or {@link #close()} was called already
     */
    public CompletableFuture<RestoreResult> finishAsync() {
        startFinishing();
        return AsyncRun.start("vss4j-restore-finish", cancelled -> result -> {
            try {
                result.complete(session.finish(cancelled));
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            } finally {
                done();
            }
        });
    }

    private synchronized void startFinishing() {
        requireOpen("finish");
        state = State.FINISHING;
    }

    private synchronized void done() {
        state = State.DONE;
    }

    private void requireOpen(String what) {
        if (state != State.OPEN) {
            throw new IllegalStateException("cannot " + what + ": this prepared restore was "
                    + (state == State.FINISHING ? "being finished" : "finished or closed") + " already");
        }
    }

    /** Whether {@link #finish()} or {@link #close()} has been called. */
    public synchronized boolean isClosed() {
        return state != State.OPEN;
    }

    /**
     * Without {@link #finish()}: tells the writers what was reported ({@link FileRestoreStatus#FAILED} for the rest),
     * runs PostRestore and releases the object (see the class comment). After finish, or while it runs: nothing.
     * Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            state = State.DONE;
        }
        session.abandon();
    }

    @Override
    public String toString() {
        return "PreparedRestore" + components();
    }
}
