package io.github.vss4j.internal;

/** The shim calls up into Java only through these two methods (looked up once, in JNI_OnLoad). */
final class NativeCallbacks {
    private NativeCallbacks() {
    }

    /** An asynchronous operation ended: {@code hresult} is its final status (VSS_S_ASYNC_FINISHED on success). */
    static void completed(long token, int hresult) {
        Completions.completed(token, hresult);
    }

    /** A native log line; level 0 error, 1 warn, 2 info, 3 debug, 4 trace. */
    static void log(int level, String message) {
        NativeLog.log(level, message);
    }
}
