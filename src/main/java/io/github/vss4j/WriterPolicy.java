package io.github.vss4j;

/** What a {@link ShadowCopyRequest} does when writer status shows a failed writer it is not told to ignore. */
public enum WriterPolicy {
    /**
     * Fail the request: abort the backup, release the object and throw (or retry the whole sequence when every
     * failed writer reported a transient error). The default.
     */
    FAIL,
    /** Go on: the failed writers are reported to the listener, in the log and in {@link ShadowCopySet#writerStatus()}. */
    REPORT
}
