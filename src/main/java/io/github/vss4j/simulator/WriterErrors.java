package io.github.vss4j.simulator;

import io.github.vss4j.VssError;
import java.util.Objects;

/** The HRESULT a simulated writer or component fails with, when named by its constant. */
final class WriterErrors {
    private WriterErrors() {
    }

    /** The constant's HRESULT; UNKNOWN has none, so the raw {@code failingAt(phase, int)} is the way there. */
    static int hresultOf(VssError error) {
        Objects.requireNonNull(error, "error");
        if (error == VssError.UNKNOWN) {
            throw new IllegalArgumentException("UNKNOWN has no HRESULT: use failingAt(phase, int)");
        }
        return error.hresult();
    }
}
