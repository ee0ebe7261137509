package io.github.vss4j;

/** {@code VSS_PROVIDER_TYPE}: what kind of shadow copy provider a registered provider is. */
public enum ProviderType {
    /** {@code VSS_PROV_UNKNOWN}: the type is not known; also what vss4j reports for a value it does not know. */
    UNKNOWN(0),
    /** {@code VSS_PROV_SYSTEM}: the provider that comes with Windows (Microsoft Software Shadow Copy provider). */
    SYSTEM(1),
    /** {@code VSS_PROV_SOFTWARE}: a software provider, installed besides the system one. */
    SOFTWARE(2),
    /** {@code VSS_PROV_HARDWARE}: a hardware provider, e.g. of a storage array. */
    HARDWARE(3),
    /** {@code VSS_PROV_FILESHARE}: the provider of shadow copies of file shares (Windows 8 and later). */
    FILE_SHARE(4);

    private final int value;

    ProviderType(int value) {
        this.value = value;
    }

    /** The {@code VSS_PROVIDER_TYPE} value. */
    public int value() {
        return value;
    }

    /** The type of a {@code VSS_PROVIDER_TYPE} value; an unknown value is {@link #UNKNOWN}. */
    public static ProviderType of(int value) {
        for (ProviderType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        return UNKNOWN;
    }
}
