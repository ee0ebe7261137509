package io.github.vss4j.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Native log lines land in SLF4J under the logger {@code io.github.vss4j.native}. The shim calls up into Java only
 * through {@link #log} (looked up once, in JNI_OnLoad: keep the name and signature in step with
 * {@code native/src/jni/jni_onload.cpp}). The ends of operations go the other way: {@code completion.CompletionThreads} take
 * them from the shim.
 */
final class NativeLog {
    private NativeLog() {
    }

    /** A native log line; level 0 error, 1 warn, 2 info, 3 debug, 4 trace. */
    static void log(int level, String message) {
        Logger log = Sink.LOG;
        switch (level) {
            case 0 -> log.error(message);
            case 1 -> log.warn(message);
            case 2 -> log.info(message);
            case 3 -> log.debug(message);
            default -> log.trace(message);
        }
    }

    /**
     * JNI_OnLoad's FindClass initializes NativeLog; SLF4J starts with the first native line instead, so that loading
     * the library does not start logging.
     */
    private static final class Sink {
        static final Logger LOG = LoggerFactory.getLogger("io.github.vss4j.native");
    }
}
