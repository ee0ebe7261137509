package io.github.vss4j;

import io.github.vss4j.internal.health.HealthCheck;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Whether this machine can take shadow copies now and, if not, what to do: the answer of {@link Vss#checkHealth},
 * for a product to log and for {@code vss4j doctor} to print.
 *
 * @param checkedAt when the check ran
 * @param simulated whether it checked a simulated machine
 * @param findings  what stands in the way, most severe first; empty when healthy
 * @param writers   every writer's status, as the check's own (aborted) backup saw it
 * @param volumes   each checked volume's shadow storage and copies
 * @param providers the registered shadow copy providers
 */
public record HealthReport(Instant checkedAt, boolean simulated, List<HealthFinding> findings,
        List<WriterStatus> writers, List<VolumeHealth> volumes, List<ProviderProperties> providers) {

    public HealthReport {
        Objects.requireNonNull(checkedAt, "checkedAt");
        findings = List.copyOf(findings);
        writers = List.copyOf(writers);
        volumes = List.copyOf(volumes);
        providers = List.copyOf(providers);
    }

    /**
     * The report of a machine whose VSS could not be reached at all, e.g. when {@link Vss#system()} threw: one
     * finding that says what to do (for {@link VssError#E_ACCESSDENIED}: run elevated).
     */
    public static HealthReport unreachable(VssException refused) {
        return HealthCheck.unreachable(java.util.Objects.requireNonNull(refused, "refused"));
    }

    /** Whether nothing stands in the way of shadow copies now ({@link HealthFinding.Severity#PROBLEM}s only). */
    public boolean isHealthy() {
        return findings.stream().noneMatch(f -> f.severity() == HealthFinding.Severity.PROBLEM);
    }

    /** Several lines for a log: the verdict, then one line per finding. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(isHealthy() ? "VSS is healthy" : "VSS cannot take shadow copies now")
                .append(simulated ? " (simulated machine)" : "").append(": ").append(writers.size())
                .append(" writers, ").append(providers.size()).append(" providers, ").append(volumes.size())
                .append(" volumes checked at ").append(checkedAt);
        findings.forEach(f -> text.append(System.lineSeparator()).append("  ").append(f));
        return text.toString();
    }
}
