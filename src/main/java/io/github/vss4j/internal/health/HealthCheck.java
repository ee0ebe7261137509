package io.github.vss4j.internal.health;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.HealthFinding;
import io.github.vss4j.HealthFinding.Severity;
import io.github.vss4j.HealthReport;
import io.github.vss4j.ProviderProperties;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.VolumeHealth;
import io.github.vss4j.WriterStatus;
import io.github.vss4j.internal.OwnedHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code Vss.checkHealth}: what a backup would meet now, found the way a backup meets it. Writers answer only to a
 * requester that prepares a backup, so the check prepares an empty snapshot set and aborts it (no shadow copy is
 * made, as {@code vss4j writers} does); a set that cannot start says another is in progress. Every failure becomes
 * a finding: the report is the answer even when VSS refuses everything.
 */
public final class HealthCheck {
    private final Vss vss;
    private final OwnedHandle backend;
    private final Duration bound;
    private final List<HealthFinding> findings = new ArrayList<>();
    private final Set<String> unusable = new HashSet<>();

    private HealthCheck(Vss vss, OwnedHandle backend, Duration bound) {
        this.vss = vss;
        this.backend = backend;
        this.bound = bound;
    }

    /**
     * @param backend {@code vss}'s backend, whose services are asked for
     * @param volumes the volumes whose shadow storage is checked, as {@code Vss.shadowStorage} names them
     * @param bound   how long each writer round (metadata, prepare, status) may take before it is cancelled
     */
    public static HealthReport run(Vss vss, OwnedHandle backend, List<String> volumes, Duration bound)
            throws InterruptedException {
        Objects.requireNonNull(vss, "vss");
        Objects.requireNonNull(backend, "backend");
        List<String> named = List.copyOf(Objects.requireNonNull(volumes, "volumes"));
        if (Objects.requireNonNull(bound, "bound").isNegative() || bound.isZero()) {
            throw new IllegalArgumentException("bound must be positive, but was " + bound);
        }
        return new HealthCheck(vss, backend, bound).check(named);
    }

    /** The report of a machine whose VSS could not even be reached (e.g. {@code Vss.system()} refused). */
    public static HealthReport unreachable(VssException refused) {
        return report(false, List.of(finding(refused, "VSS")), List.of(), List.of(), List.of());
    }

    private HealthReport check(List<String> volumes) throws InterruptedException {
        List<ProviderProperties> providers = List.of();
        List<WriterStatus> writers = List.of();
        List<SnapshotProperties> copies = List.of();
        ServiceCheck.into(backend, findings);
        try {
            providers = providers();
            copies = copiesAndVolumes(volumes);
            writers = writers();
        } catch (VssException refused) {
            findings.add(finding(refused, "VSS"));
        }
        if (findings.isEmpty() && providers.isEmpty()) {
            findings.add(new HealthFinding(Severity.PROBLEM, "providers", "no shadow copy provider is registered",
                    "check that the Volume Shadow Copy service (VSS) and the Microsoft Software Shadow Copy provider"
                            + " (swprv) are installed and not disabled", OptionalInt.empty()));
        }
        writers.stream().filter(WriterStatus::isFailed).forEach(this::failedWriter);
        RecentErrors.into(vss, findings);
        List<VolumeHealth> volumeHealth = new ArrayList<>();
        for (String volume : volumes) {
            if (!unusable.contains(volume)) {
                volumeHealth.add(StorageRoom.of(vss, volume, copies, findings));
            }
        }
        return report(vss.isSimulated(), findings, writers, volumeHealth, providers);
    }

    private List<ProviderProperties> providers() throws VssException {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            return backup.queryProviders();
        }
    }

    /** Every existing copy; and each volume that cannot have copies is a finding (and is left out of storage). */
    private List<SnapshotProperties> copiesAndVolumes(List<String> volumes) throws VssException {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.ALL);
            for (String volume : volumes) {
                try {
                    if (!backup.isVolumeSupported(volume)) {
                        unusable.add(volume);
                        findings.add(new HealthFinding(Severity.WARNING, "volume " + volume,
                                "the shadow copy provider does not support this volume (not NTFS or ReFS, or removable)",
                                "leave it out of backups that need a shadow copy, or back it up another way",
                                OptionalInt.of(VssError.VSS_E_VOLUME_NOT_SUPPORTED.hresult())));
                    }
                } catch (VssException | IllegalArgumentException refused) {
                    unusable.add(volume);
                    findings.add(refused instanceof VssException e ? finding(e, "volume " + volume)
                            : new HealthFinding(Severity.PROBLEM, "volume " + volume, refused.getMessage(),
                                    "name a volume as C:\\, a mounted folder or \\\\?\\Volume{GUID}\\",
                                    OptionalInt.empty()));
                }
            }
            return backup.query();
        }
    }

    private List<WriterStatus> writers() throws VssException, InterruptedException {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            backup.setBackupState(false, false, BackupType.COPY, false);
            if (!await(backup.gatherWriterMetadata(), "gather the writers' metadata")) {
                return List.of();
            }
            backup.freeWriterMetadata();
            try {
                backup.startSnapshotSet();
            } catch (VssException busy) {
                if (busy.error() != VssError.VSS_E_SNAPSHOT_SET_IN_PROGRESS) {
                    throw busy;
                }
                findings.add(new HealthFinding(Severity.PROBLEM, "snapshot set",
                        "another requester's shadow copy set is in progress, and VSS makes one set at a time",
                        "wait for the other backup to finish and check again; if no backup runs, restart the Volume"
                                + " Shadow Copy service (VSS)", OptionalInt.of(busy.hresult())));
                // Writers report their status only within a prepared backup, which the other set holds now.
                return List.of();
            }
            try {
                if (!await(backup.prepareForBackup(), "prepare the writers for a backup")
                        || !await(backup.gatherWriterStatus(), "gather the writers' status")) {
                    return List.of();
                }
                return backup.getWriterStatus();
            } finally {
                backup.abortBackup();
            }
        }
    }

    /** Waits within the bound; a round that does not end in time is cancelled and becomes a finding. */
    private boolean await(VssAsync round, String what) throws VssException, InterruptedException {
        try (round) {
            if (round.await(bound)) {
                return true;
            }
            round.cancel();
            findings.add(new HealthFinding(Severity.PROBLEM, "writers", "VSS could not " + what + " within "
                    + bound.toSeconds() + " s: a writer does not answer",
                    "look for a hung writer's service in the event log (VSS, source VSS, around this time) and restart"
                            + " it; check again", OptionalInt.empty()));
            return false;
        }
    }

    private void failedWriter(WriterStatus writer) {
        boolean failedState = writer.state().isFailed();
        findings.add(new HealthFinding(failedState ? Severity.PROBLEM : Severity.WARNING,
                "writer \"" + writer.writerName() + "\"",
                "it is " + writer.state() + (failedState ? ", so a backup that includes it fails"
                        : " but reported an error"),
                WriterServices.restartAdvice(writer.writerId(), writer.writerName()),
                writer.failure() < 0 ? OptionalInt.of(writer.failure()) : OptionalInt.empty()));
    }

    static HealthFinding finding(VssException refused, String subject) {
        VssError error = refused.error();
        String problem = refused.operation() + " failed: " + error.meaning();
        String action = error == VssError.E_ACCESSDENIED
                ? "run elevated (as Administrator), as LocalSystem or as a member of Backup Operators"
                : error.advice();
        return new HealthFinding(Severity.PROBLEM, subject, problem, action, OptionalInt.of(refused.hresult()));
    }

    private static HealthReport report(boolean simulated, List<HealthFinding> findings, List<WriterStatus> writers,
            List<VolumeHealth> volumes, List<ProviderProperties> providers) {
        List<HealthFinding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparing(HealthFinding::severity).reversed());
        return new HealthReport(Instant.now(), simulated, ordered, writers, volumes, providers);
    }
}
