package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.HealthFinding;
import io.github.vss4j.HealthReport;
import io.github.vss4j.ProviderProperties;
import io.github.vss4j.ShadowStorage;
import io.github.vss4j.Vss;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.VolumeHealth;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code doctor}: whether this machine can take shadow copies now and, if not, what to do ({@link Vss#checkHealth}).
 * Exit code 0 when healthy; otherwise the code of the gravest finding: access-denied, transient (another set in
 * progress, a transient error), or failed.
 */
final class DoctorCommand {
    static final Duration DEFAULT_BOUND = Duration.ofSeconds(60);

    private DoctorCommand() {
    }

    static int run(Vss vss, Session session, List<String> volumes) throws InterruptedException {
        Duration bound = session.options().timeout != null ? session.options().timeout : DEFAULT_BOUND;
        return print(session, vss.checkHealth(volumes, bound));
    }

    /** When VSS itself refused (e.g. {@code Vss.system()} without backup rights): the report says what to do. */
    static int unreachable(Session session, VssException refused) {
        return print(session, HealthReport.unreachable(refused));
    }

    static int print(Session session, HealthReport report) {
        ExitCode code = exitCode(report);
        if (session.json()) {
            ObjectNode json = Reports.report("doctor", report.simulated());
            json.put("healthy", report.isHealthy());
            json.put("exitCode", code.code());
            json.put("class", code.label());
            ArrayNode findings = json.putArray("findings");
            for (HealthFinding f : report.findings()) {
                ObjectNode node = findings.addObject();
                node.put("severity", f.severity().name());
                node.put("subject", f.subject());
                node.put("problem", f.problem());
                node.put("action", f.action());
                if (f.hresult().isPresent()) {
                    node.setAll(Reports.error(f.hresult().getAsInt()));
                }
            }
            json.set("writers", Reports.writers(report.writers(), Map.of()));
            ArrayNode volumes = json.putArray("volumes");
            for (VolumeHealth v : report.volumes()) {
                ObjectNode node = volumes.addObject();
                node.put("volume", v.volume());
                node.put("copies", v.copies());
                if (v.copiesThatFit().isPresent()) {
                    node.put("copiesThatFit", v.copiesThatFit().getAsLong());
                } else {
                    node.putNull("copiesThatFit");
                }
                ArrayNode storage = node.putArray("storage");
                for (ShadowStorage s : v.storage()) {
                    storage.addObject().put("diffAreaVolume", s.diffAreaVolume()).put("usedBytes", s.usedBytes())
                            .put("maximumBytes", s.maximumBytes());
                }
            }
            ArrayNode providers = json.putArray("providers");
            for (ProviderProperties p : report.providers()) {
                providers.addObject().put("name", p.name()).put("providerId", p.providerId().toString());
            }
            Reports.print(session.out(), json);
            return code.code();
        }
        session.out().println(report.isHealthy() ? "Healthy: this machine can take shadow copies now."
                : "Not healthy: shadow copies fail now. Do what each PROBLEM says, then run vss4j doctor again.");
        if (!report.findings().isEmpty()) {
            session.out().println();
            Table table = new Table("SEVERITY", "SUBJECT", "PROBLEM", "WHAT TO DO");
            for (HealthFinding f : report.findings()) {
                table.row(f.severity().name(), f.subject(), f.problem() + f.hresult().stream()
                        .mapToObj(h -> " (" + VssError.of(h).name() + ", " + VssError.hex(h) + ")").findFirst()
                        .orElse(""), f.action());
            }
            table.print(session.out());
        }
        session.out().println();
        Table summary = new Table("CHECKED", "FOUND");
        summary.row("writers", report.writers().size() + " (" + report.writers().stream()
                .filter(w -> w.isFailed()).count() + " failed)");
        summary.row("providers", report.providers().stream().map(ProviderProperties::name).toList().toString());
        for (VolumeHealth v : report.volumes()) {
            summary.row("volume " + v.volume(), v.copies() + " copies, " + (v.copiesThatFit().isPresent()
                    ? v.copiesThatFit().getAsLong() + " more fit" : "room not limited or not known yet"));
        }
        summary.print(session.out());
        return code.code();
    }

    private static ExitCode exitCode(HealthReport report) {
        if (report.isHealthy()) {
            return ExitCode.OK;
        }
        List<HealthFinding> problems = report.findings().stream()
                .filter(f -> f.severity() == HealthFinding.Severity.PROBLEM).toList();
        if (problems.stream().anyMatch(f -> f.error().orElse(null) == VssError.E_ACCESSDENIED)) {
            return ExitCode.ACCESS_DENIED;
        }
        if (problems.stream().allMatch(f -> f.error().map(VssError::isTransient).orElse(false))) {
            return ExitCode.TRANSIENT;
        }
        return ExitCode.FAILED;
    }
}
