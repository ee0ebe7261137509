package io.github.vss4j.internal.request;

import io.github.vss4j.Phase;
import io.github.vss4j.ShadowCopySet;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.util.List;

/**
 * What the engine hands back that only the API package may make. {@code ShadowCopyRequest} passes one with each
 * run, so that neither a VssException's context nor ShadowCopySet's constructor has to be public API.
 */
public interface Results {

    /** {@code failure} again, with where in the request it happened (its cause is {@code failure}). */
    VssException inContext(VssException failure, Phase phase, int attempt, List<WriterStatus> writers);

    /** The set the caller receives for what an attempt made; closing it releases {@code made}. */
    ShadowCopySet shadowCopySet(MadeSet made);
}
