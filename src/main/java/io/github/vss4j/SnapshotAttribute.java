package io.github.vss4j;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The {@code VSS_VOLSNAP_ATTR_*} bits that describe a shadow copy. */
public enum SnapshotAttribute {
    PERSISTENT(0x00000001),
    NO_AUTORECOVERY(0x00000002),
    CLIENT_ACCESSIBLE(0x00000004),
    NO_AUTO_RELEASE(0x00000008),
    NO_WRITERS(0x00000010),
    TRANSPORTABLE(0x00000020),
    NOT_SURFACED(0x00000040),
    NOT_TRANSACTED(0x00000080),
    HARDWARE_ASSISTED(0x00010000),
    DIFFERENTIAL(0x00020000),
    PLEX(0x00040000),
    IMPORTED(0x00080000),
    EXPOSED_LOCALLY(0x00100000),
    EXPOSED_REMOTELY(0x00200000),
    AUTORECOVER(0x00400000),
    ROLLBACK_RECOVERY(0x00800000),
    DELAYED_POSTSNAPSHOT(0x01000000),
    TXF_RECOVERY(0x02000000),
    FILE_SHARE(0x04000000);

    private final int bit;

    SnapshotAttribute(int bit) {
        this.bit = bit;
    }

    /** The attribute's bit in {@code VSS_SNAPSHOT_PROP.m_lSnapshotAttributes}. */
    public int bit() {
        return bit;
    }

    /**
     * The attributes set in a bit mask. Bits that no attribute names are ignored: the mask comes from Windows,
     * which may know more attributes than vss4j.
     *
     * @param bits the mask
     * @return an unmodifiable set of the attributes whose bits are set
     */
    public static Set<SnapshotAttribute> fromBits(int bits) {
        EnumSet<SnapshotAttribute> set = EnumSet.noneOf(SnapshotAttribute.class);
        for (SnapshotAttribute attribute : values()) {
            if ((bits & attribute.bit) != 0) {
                set.add(attribute);
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /**
     * The bit mask of a set of attributes.
     *
     * @param attributes the attributes
     * @return the OR of their bits
     */
    public static int toBits(Set<SnapshotAttribute> attributes) {
        Objects.requireNonNull(attributes, "attributes");
        int bits = 0;
        for (SnapshotAttribute attribute : attributes) {
            bits |= Objects.requireNonNull(attribute, "attribute").bit;
        }
        return bits;
    }
}
