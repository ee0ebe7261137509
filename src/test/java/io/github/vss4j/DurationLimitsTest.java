package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Durations of any size in the one-call API: past what a long of nanoseconds holds they mean "no limit"; zero and
 * negative limits are refused, naming the value.
 */
class DurationLimitsTest extends ShadowCopyTestBase {
    private static final Duration FOREVER = ChronoUnit.FOREVER.getDuration();

    @Test
    void theLongestTimeoutsDeadlineAndCleanUpTimeoutAreNoLimit() throws Exception {
        Vss vss = vss("C:\\");
        try (ShadowCopySet set = vss.shadowCopy().volumes("C:\\").timeout(Phase.DO_SNAPSHOT_SET, FOREVER)
                .timeout(Phase.PREPARE_FOR_BACKUP, Duration.ofSeconds(Long.MAX_VALUE)).deadline(FOREVER)
                .cleanupTimeout(FOREVER).create()) {
            assertEquals(1, set.copies().size());
        }
    }

    @Test
    void aBackOffPastALongOfNanosIsAWaitPastTheDeadlineNotAnOverflow() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\")
                .fault(Fault.on(Operation.START_SNAPSHOT_SET).fails(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS)).build());
        RetryPlan plan = RetryPlan.none().withSetInProgressBackoff(3, FOREVER, FOREVER);
        VssException thrown = assertThrows(VssException.class, () -> vss.shadowCopy().volumes("C:\\")
                .retryPlan(plan).deadline(Duration.ofHours(1)).create());
        assertEquals(VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS, thrown.error());
        assertEquals(1, thrown.attempt(), "the wait would pass the deadline: no second attempt");
    }

    @Test
    void theBackOffDoublesUpToAMaximumNearDurationsOwnLimit() {
        Duration half = Duration.ofSeconds(Long.MAX_VALUE / 2 + 1);
        RetryPlan plan = RetryPlan.none().withSetInProgressBackoff(8, half, FOREVER);
        assertEquals(half, plan.setInProgressBackoff(1));
        assertEquals(FOREVER, plan.setInProgressBackoff(2));
        assertEquals(FOREVER, plan.setInProgressBackoff(Integer.MAX_VALUE));
        RetryPlan ordinary = RetryPlan.none().withSetInProgressBackoff(8, Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(4), ordinary.setInProgressBackoff(3));
        assertEquals(Duration.ofSeconds(5), ordinary.setInProgressBackoff(4));
    }

    static Stream<Arguments> limits() {
        Consumer<Duration> timeout = d -> new ShadowCopyRequest(Vss.simulator(Simulation.withVolumes("C:\\")))
                .timeout(Phase.DO_SNAPSHOT_SET, d);
        Consumer<Duration> deadline = d -> new ShadowCopyRequest(Vss.simulator(Simulation.withVolumes("C:\\")))
                .deadline(d);
        Consumer<Duration> cleanup = d -> new ShadowCopyRequest(Vss.simulator(Simulation.withVolumes("C:\\")))
                .cleanupTimeout(d);
        return Stream.of(Arguments.of("timeout", timeout), Arguments.of("deadline", deadline),
                Arguments.of("cleanupTimeout", cleanup));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limits")
    void aLimitOfZeroOrLessIsRefusedNamingTheValue(String name, Consumer<Duration> setter) {
        for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(-1), Duration.ofSeconds(Long.MIN_VALUE)}) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> setter.accept(bad));
            assertTrue(refused.getMessage().contains(name + " must be positive, was " + bad), refused.getMessage());
        }
    }
}
