package io.github.vss4j.internal.health;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Windows service to restart when an in-box writer is left failed, by writer class id. [I] Microsoft documents
 * the in-box writers and their ids ("In-Box VSS Writers") but not, in one table, the service hosting each; this is
 * the hosting service operators and vendors' support pages name (e.g. the System Writer runs in Cryptographic
 * Services). Writers hosted by the VSS service itself are restarted with it.
 */
public final class WriterServices {
    private static final Map<UUID, String> SERVICES = Map.ofEntries(
            Map.entry(UUID.fromString("e8132975-6f93-4464-a53e-1050253ae220"), "Cryptographic Services (CryptSvc)"),
            Map.entry(UUID.fromString("afbab4a2-367d-4d15-a586-71dbb18f8485"), "Volume Shadow Copy (VSS)"),
            Map.entry(UUID.fromString("542da469-d3e1-473c-9f4f-7847f01fc64f"), "Volume Shadow Copy (VSS)"),
            Map.entry(UUID.fromString("be000cbe-11fe-4426-9c58-531aa6355fc4"), "Volume Shadow Copy (VSS)"),
            Map.entry(UUID.fromString("4dc3bdd4-ab48-4d07-adb0-3bee2926fd7f"), "Volume Shadow Copy (VSS)"),
            Map.entry(UUID.fromString("75dfb225-e2e4-4d39-9ac9-ffaff65ddf06"), "Volume Shadow Copy (VSS)"),
            Map.entry(UUID.fromString("0bada1de-01a9-4625-8278-69e735f39dd2"), "Volume Shadow Copy (VSS)"),
            Map.entry(UUID.fromString("a6ad56c2-b509-4e6c-bb19-49d8f43532f0"), "Windows Management Instrumentation (Winmgmt)"),
            Map.entry(UUID.fromString("4969d978-be47-48b0-b100-f328f07ac1e0"), "Background Intelligent Transfer Service (BITS)"),
            Map.entry(UUID.fromString("d61d61c8-d73a-4eee-8cdd-f6f9786b7124"), "Task Scheduler (Schedule)"),
            Map.entry(UUID.fromString("cd3f2362-8bef-46c7-9181-d62844cdc0b2"), "Windows Search (WSearch)"),
            Map.entry(UUID.fromString("2a40fd15-dfca-4aa8-a654-1f8c654603f6"), "Application Host Helper Service (AppHostSvc)"),
            Map.entry(UUID.fromString("59b1f0cf-90ef-465f-9609-6ca8b2938366"), "IIS Admin Service (IISADMIN)"),
            Map.entry(UUID.fromString("66841cd4-6ded-4f4b-8f17-fd23f8ddc3de"), "Hyper-V Virtual Machine Management (vmms)"),
            Map.entry(UUID.fromString("b2014c9e-8711-4c5c-a5a9-3cf384484757"), "Active Directory Domain Services (NTDS)"),
            Map.entry(UUID.fromString("be9ac81e-3619-421f-920f-4c6fea9e93ad"), "DHCP Server (DHCPServer)"),
            Map.entry(UUID.fromString("2707761b-2324-473d-88eb-eb007a359533"), "DFS Replication (DFSR)"),
            Map.entry(UUID.fromString("a65faa63-5ea8-4ebc-9dbd-a0c4db26912a"), "SQL Server VSS Writer (SQLWriter)"));

    private WriterServices() {
    }

    /** The service hosting the writer of class {@code writerId}, if it is one of the in-box writers above. */
    static Optional<String> of(UUID writerId) {
        return Optional.ofNullable(SERVICES.get(writerId));
    }

    /**
     * The short name of the service hosting the writer of class {@code writerId} (e.g. {@code CryptSvc}), if it is
     * one of the in-box writers above: the failure's report reads that service's event-log entries too.
     */
    public static Optional<String> serviceName(UUID writerId) {
        return of(writerId).map(s -> s.substring(s.lastIndexOf('(') + 1, s.length() - 1));
    }

    /** What to restart for a writer left failed. */
    static String restartAdvice(UUID writerId, String writerName) {
        return of(writerId).map(s -> "restart the service " + s + " (it hosts the writer), then check again")
                .orElse("restart the service or application that hosts writer \"" + writerName
                        + "\" (VSS's event log entry for the failure names its process), then check again");
    }
}
