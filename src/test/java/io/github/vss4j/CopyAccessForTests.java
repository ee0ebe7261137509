package io.github.vss4j;

import io.github.vss4j.internal.copy.CopyAccess;

/** Opens {@code Vss.withCopyAccess} to tests of other packages (the CLI's). */
public final class CopyAccessForTests {
    private CopyAccessForTests() {
    }

    /** @param access a {@link CopyAccess} (typed Object: a public signature may not name the unexported type) */
    public static Vss with(Vss vss, Object access) {
        return vss.withCopyAccess((CopyAccess) access);
    }
}
