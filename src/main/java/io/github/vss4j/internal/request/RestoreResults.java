package io.github.vss4j.internal.request;

import io.github.vss4j.PreparedRestore;

/** What the restore engine hands back that only the API package may make; {@code RestoreRequest} passes one in. */
public interface RestoreResults extends FailureContext {

    /** The prepared restore the caller receives; it owns {@code session}. */
    PreparedRestore prepared(RestoreSession session);
}
