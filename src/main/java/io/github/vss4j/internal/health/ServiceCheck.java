package io.github.vss4j.internal.health;

import io.github.vss4j.HealthFinding;
import io.github.vss4j.HealthFinding.Severity;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The two services a requester needs: VSS itself and the system provider (swprv). Both start on demand, so a
 * stopped one is healthy; a disabled or missing one makes every shadow copy fail.
 */
final class ServiceCheck {
    static final int SERVICE_DISABLED = 4;
    private static final List<String[]> SERVICES = List.of(
            new String[] {"VSS", "Volume Shadow Copy"},
            new String[] {"swprv", "Microsoft Software Shadow Copy Provider"});

    private ServiceCheck() {
    }

    /** A finding for each of the two services that is disabled or missing; nothing when both can start. */
    static void into(OwnedHandle backend, List<HealthFinding> findings) {
        for (String[] service : SERVICES) {
            int[] out = new int[3];
            int hresult = backend.use(handle -> NativeBridge.queryService(handle, service[0], out));
            if (hresult < 0) {
                // E_NOTIMPL: a backend without services; any other refusal says nothing about the service itself.
                continue;
            }
            of(service[0], service[1], out[0] != 0, out[2]).ifPresent(findings::add);
        }
    }

    /** What a service's existence and start type mean for shadow copies. */
    static Optional<HealthFinding> of(String name, String displayName, boolean exists, int startType) {
        String subject = "service " + name + " (" + displayName + ")";
        if (!exists) {
            return Optional.of(new HealthFinding(Severity.PROBLEM, subject, "the service is not installed",
                    "repair Windows (sfc /scannow, DISM /RestoreHealth): VSS needs it", OptionalInt.empty()));
        }
        if (startType == SERVICE_DISABLED) {
            return Optional.of(new HealthFinding(Severity.PROBLEM, subject,
                    "the service is disabled, so it cannot start when a requester needs it",
                    "set its start type to Manual (sc config " + name + " start= demand), then check again",
                    OptionalInt.empty()));
        }
        return Optional.empty();
    }
}
