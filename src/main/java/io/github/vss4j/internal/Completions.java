package io.github.vss4j.internal;

/** PLACEHOLDER: completion dispatch lands with the low-level API. */
final class Completions {
    private Completions() {
    }

    static void completed(long token, int hresult) {
        // replaced by the real dispatcher
    }
}
