/**
 * Not exported: what the public API stands on. The bridge ({@link io.github.vss4j.internal.NativeBridge}, every
 * {@code native} method) and what crosses it: {@link io.github.vss4j.internal.Decode} with the generated
 * {@code Rows}, {@link io.github.vss4j.internal.Guids}, {@link io.github.vss4j.internal.NativeLog} (the shim's
 * log upcall); {@link io.github.vss4j.internal.OwnedHandle}, the one owner of a native handle, with
 * {@link io.github.vss4j.internal.Cleanup}'s Cleaner; the simulated machine's Java side; small rules shared by the
 * API and the engine ({@link io.github.vss4j.internal.VolumeNames}, {@link io.github.vss4j.internal.Saturated}).
 *
 * <p>Beside it: {@code internal.loader} loads the native library, {@code internal.completion} delivers the ends
 * of asynchronous operations, {@code internal.request} is the one-call engine. This package depends on the public
 * API's values, the simulator's descriptions and the loader; never on the engine or the completion package.
 */
package io.github.vss4j.internal;
