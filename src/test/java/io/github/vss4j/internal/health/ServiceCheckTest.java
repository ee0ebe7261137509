package io.github.vss4j.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.HealthFinding;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a service's existence and start type mean to the doctor. */
class ServiceCheckTest {
    @Test
    void demandStartAndAutomaticServicesAreHealthyEvenWhenStopped() {
        assertEquals(Optional.empty(), ServiceCheck.of("VSS", "Volume Shadow Copy", true, 3));
        assertEquals(Optional.empty(), ServiceCheck.of("VSS", "Volume Shadow Copy", true, 2));
    }

    @Test
    void aDisabledServiceIsAProblemWithTheCommandThatEnablesIt() {
        HealthFinding finding = ServiceCheck.of("swprv", "Microsoft Software Shadow Copy Provider", true,
                ServiceCheck.SERVICE_DISABLED).orElseThrow();
        assertEquals(HealthFinding.Severity.PROBLEM, finding.severity());
        assertEquals("service swprv (Microsoft Software Shadow Copy Provider)", finding.subject());
        assertTrue(finding.action().contains("sc config swprv start= demand"), finding.action());
    }

    @Test
    void aMissingServiceIsAProblem() {
        HealthFinding finding = ServiceCheck.of("VSS", "Volume Shadow Copy", false, 0).orElseThrow();
        assertEquals(HealthFinding.Severity.PROBLEM, finding.severity());
        assertTrue(finding.problem().contains("not installed"), finding.problem());
    }
}
