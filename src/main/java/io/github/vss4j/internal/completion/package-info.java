/**
 * Not exported: how the end of an asynchronous VSS operation reaches Java. {@link
 * io.github.vss4j.internal.completion.AsyncOperationHandle} is the Java side of one {@code IVssAsync} (its outcome,
 * its one future, its callbacks); {@code Completions} holds the token an operation registers before it starts;
 * {@code CompletionThreads} are the daemon threads that wait in native code for the shim's reports and deliver
 * them; {@link io.github.vss4j.internal.completion.CallbackExecutor} says where callbacks run: vss4j's own threads
 * or the caller's Executor.
 *
 * <p>It depends on {@code internal} (the bridge and the handle owner) and on the public API's values
 * ({@code Operation}, {@code AsyncStatus}, {@code VssException}); the public {@code BackupComponents} and
 * {@code VssAsync} use it.
 */
package io.github.vss4j.internal.completion;
