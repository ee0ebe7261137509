package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.OwnedHandle;

/** The one place that chooses a backend's {@link CopyAccess}. */
public final class CopyAccesses {
    private CopyAccesses() {
    }

    /** Real VSS reads through a link to the device object; a simulated machine through its private folders. */
    public static CopyAccess of(OwnedHandle backend, boolean simulated) {
        return simulated ? new SimulatedCopyAccess(backend) : new WindowsCopyAccess();
    }
}
