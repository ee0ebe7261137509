package io.github.vss4j.internal;

/**
 * The shim calls up into Java only through this method (looked up once, in JNI_OnLoad). The ends of operations
 * go the other way: {@link CompletionThreads} take them from the shim.
 */
final class NativeCallbacks {
    private NativeCallbacks() {
    }

    /** A native log line; level 0 error, 1 warn, 2 info, 3 debug, 4 trace. */
    static void log(int level, String message) {
        NativeLog.log(level, message);
    }
}
