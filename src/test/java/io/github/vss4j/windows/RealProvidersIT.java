package io.github.vss4j.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.ProviderProperties;
import io.github.vss4j.ProviderType;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Query for providers against real VSS: the system provider is registered on every Windows machine. Runs only on
 * Windows, elevated, through the workflow (profile real-vss); it prints every provider, so that a run shows what
 * the simulator's system provider should say.
 */
class RealProvidersIT {
    @Test
    @DisabledIfSystemProperty(named = "vss4j.expectAccessDenied", matches = "true",
            disabledReason = "a restricted token cannot create a backup components object")
    void theSystemProviderIsRegistered() throws Exception {
        List<ProviderProperties> providers;
        try (BackupComponents backup = Vss.system().createBackupComponents()) {
            backup.initializeForBackup();
            backup.setContext(VssContext.BACKUP);
            providers = backup.queryProviders();
        }
        providers.forEach(p -> System.out.println("provider: " + p));
        List<ProviderProperties> system = providers.stream()
                .filter(p -> p.providerId().equals(BackupComponents.SYSTEM_PROVIDER)).toList();
        assertEquals(1, system.size(), providers::toString);
        assertEquals(ProviderType.SYSTEM, system.get(0).type());
        assertFalse(system.get(0).name().isEmpty(), providers::toString);
        assertFalse(system.get(0).version().isEmpty(), providers::toString);
    }
}
