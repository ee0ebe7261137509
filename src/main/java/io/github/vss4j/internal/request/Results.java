package io.github.vss4j.internal.request;

import io.github.vss4j.ShadowCopySet;

/**
 * What the engine hands back that only the API package may make. {@code ShadowCopyRequest} passes one with each
 * run, so that neither a VssException's context nor ShadowCopySet's constructor has to be public API.
 */
public interface Results extends FailureContext {

    /** The set the caller receives for what an attempt made; closing it releases {@code made}. */
    ShadowCopySet shadowCopySet(MadeSet made);
}
