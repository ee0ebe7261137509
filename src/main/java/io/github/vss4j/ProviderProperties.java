package io.github.vss4j;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A registered shadow copy provider, as {@code Query} with {@code VSS_OBJECT_PROVIDER} reports it
 * ({@code VSS_PROVIDER_PROP}).
 *
 * @param providerId the provider's id, e.g. {@link BackupComponents#SYSTEM_PROVIDER}
 * @param name       the provider's name, e.g. {@code Microsoft Software Shadow Copy provider 1.0}
 * @param type       the provider's type
 * @param version    the provider's version as it writes it, e.g. {@code 1.0.0.7}
 * @param versionId  the id of this version of the provider
 * @param classId    the provider's COM class id
 */
public record ProviderProperties(UUID providerId, String name, ProviderType type, String version, UUID versionId,
        UUID classId) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Checks the ids and the type; turns a missing name or version into an empty one. */
    public ProviderProperties {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(versionId, "versionId");
        Objects.requireNonNull(classId, "classId");
        name = Objects.requireNonNullElse(name, "");
        version = Objects.requireNonNullElse(version, "");
    }

    /** Whether this is the provider that comes with Windows: its type is {@link ProviderType#SYSTEM}. */
    public boolean isSystemProvider() {
        return type == ProviderType.SYSTEM;
    }
}
