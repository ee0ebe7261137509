package io.github.vss4j;

/** {@code VSS_COMPONENT_TYPE}: what kind of component a writer declares. */
public enum ComponentType {
    /** {@code VSS_CT_UNDEFINED}: not a valid type for a component; seen only in damaged metadata. */
    UNDEFINED(0),
    /** {@code VSS_CT_DATABASE}: database files and log files. */
    DATABASE(1),
    /** {@code VSS_CT_FILEGROUP}: a group of files. */
    FILE_GROUP(2);

    private final int value;

    ComponentType(int value) {
        this.value = value;
    }

    /** The {@code VSS_COMPONENT_TYPE} value. */
    public int value() {
        return value;
    }

    /** The type of a {@code VSS_COMPONENT_TYPE} value; an unknown value is {@link #UNDEFINED}. */
    public static ComponentType of(int value) {
        for (ComponentType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        return UNDEFINED;
    }
}
