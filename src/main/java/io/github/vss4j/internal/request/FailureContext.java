package io.github.vss4j.internal.request;

import io.github.vss4j.Phase;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterStatus;
import java.util.List;

/** Adds where in a request a failure happened; only the API package may, so the request passes one in. */
public interface FailureContext {

    /** {@code failure} again, with where in the request it happened (its cause is {@code failure}). */
    VssException inContext(VssException failure, Phase phase, int attempt, List<WriterStatus> writers);
}
