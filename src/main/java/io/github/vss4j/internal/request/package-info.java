/**
 * Not exported: the one-call engine behind {@code ShadowCopyRequest}. {@link
 * io.github.vss4j.internal.request.ShadowCopyRun} runs attempts and the retries between them ({@code RetryRules});
 * {@code ShadowCopyAttempt} runs the documented sequence once with a new backup-components object and cleans up on
 * the way out; {@code Waits} does every wait on the request's {@code Scheduler}; {@code WriterSelection} says which
 * writers take part; in component mode {@code ComponentResolver} turns the request's {@code ComponentChoice}s into
 * the writers' components, {@code BackupSchema} checks the backup type against their schemas and
 * {@code ComponentOutcomes} keeps what the product says until close tells the writers; {@code Progress} tells the
 * listener, the log and JFR ({@code PhaseEvent}, {@code RetryEvent}, {@code WriterEvent}, {@code ComponentEvent}, through
 * {@code RequestEvents}, which records nothing where the runtime lacks {@code jdk.jfr}); {@link
 * io.github.vss4j.internal.request.MadeSet} holds a made set until it is released.
 *
 * <p>It is a client of the public API like a user's own code: {@code Vss}, {@code BackupComponents},
 * {@code VssAsync} and the values. What only the API package may make (a {@code ShadowCopySet}, a
 * {@code VssException} with its phase and attempt) it asks of the {@link io.github.vss4j.internal.request.Results}
 * that {@code ShadowCopyRequest} hands it ({@link io.github.vss4j.internal.request.RestoreResults} from
 * {@code RestoreRequest}).
 */
package io.github.vss4j.internal.request;
