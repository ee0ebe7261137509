package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Fault;
import io.github.vss4j.simulator.Simulation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link BackupComponents#queryProviders()} against the simulator, through the public API. */
class QueryProvidersTest extends SimulatedVssTest {
    private static final UUID ARRAY_PROVIDER = UUID.fromString("11112222-3333-4444-5555-666677778888");

    private BackupComponents initialized(Vss vss) throws VssException {
        BackupComponents backup = components(vss);
        backup.initializeForBackup();
        backup.setContext(VssContext.BACKUP);
        return backup;
    }

    @Test
    void theSystemProviderIsListedAsWindowsReportsIt() throws Exception {
        List<ProviderProperties> providers = initialized(vss(C)).queryProviders();
        assertEquals(1, providers.size(), providers::toString);
        ProviderProperties system = providers.get(0);
        assertEquals(BackupComponents.SYSTEM_PROVIDER, system.providerId());
        assertEquals("Microsoft Software Shadow Copy provider 1.0", system.name());
        assertEquals(ProviderType.SYSTEM, system.type());
        assertEquals("1.0.0.7", system.version());
        assertTrue(system.isSystemProvider());
    }

    @Test
    void aProviderTheSimulationAddsFollowsTheSystemOne() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C).provider(ARRAY_PROVIDER).build());
        List<ProviderProperties> providers = initialized(vss).queryProviders();
        assertEquals(List.of(BackupComponents.SYSTEM_PROVIDER, ARRAY_PROVIDER),
                providers.stream().map(ProviderProperties::providerId).toList());
        assertEquals(ProviderType.HARDWARE, providers.get(1).type());
        assertThrows(UnsupportedOperationException.class, () -> providers.add(providers.get(0)));
    }

    @Test
    void beforeInitializeForBackupVssSaysBadStateAndNamesQuery() throws Exception {
        BackupComponents backup = components(vss(C));
        VssException e = assertThrows(VssException.class, backup::queryProviders);
        assertEquals(VssError.VSS_E_BAD_STATE, e.error());
        assertEquals(Operation.QUERY, e.operation());
    }

    @Test
    void aFaultPlannedForQueryFailsTheProviderQuery() throws Exception {
        Vss vss = vss(Simulation.builder().volume(C)
                .fault(Fault.on(Operation.QUERY).fails(VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR)).build());
        BackupComponents backup = initialized(vss);
        VssException e = assertThrows(VssException.class, backup::queryProviders);
        assertEquals(VssError.VSS_E_UNEXPECTED_PROVIDER_ERROR, e.error());
        assertEquals(Operation.QUERY, e.operation());
        assertEquals(1, backup.queryProviders().size(), "the fault hit one attempt only");
    }

    @Test
    void aClosedObjectRefusesClearly() throws Exception {
        BackupComponents backup = initialized(vss(C));
        backup.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, backup::queryProviders);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void providerPropertiesRefusesMissingIdsAndEmptiesMissingTexts() {
        UUID id = UUID.randomUUID();
        assertThrows(NullPointerException.class,
                () -> new ProviderProperties(null, "n", ProviderType.SYSTEM, "1", id, id));
        assertThrows(NullPointerException.class, () -> new ProviderProperties(id, "n", null, "1", id, id));
        ProviderProperties p = new ProviderProperties(id, null, ProviderType.of(99), null, id, id);
        assertEquals("", p.name());
        assertEquals("", p.version());
        assertEquals(ProviderType.UNKNOWN, p.type());
    }
}
