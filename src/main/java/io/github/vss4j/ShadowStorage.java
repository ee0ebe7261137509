package io.github.vss4j;

import java.util.Objects;

/**
 * One shadow copy storage area ("diff area") of the system provider, as {@code vssadmin list shadowstorage} shows
 * it: the copies of {@code volume} keep their data in an area on {@code diffAreaVolume} (often the volume itself).
 *
 * @param volume         the original volume, whose shadow copies use the area
 * @param diffAreaVolume the volume the area lives on
 * @param usedBytes      what the volume's shadow copies use now
 * @param allocatedBytes what the area has taken on its volume (at least {@code usedBytes})
 * @param maximumBytes   the most the area may grow to; {@link #UNBOUNDED} when there is no limit
 */
public record ShadowStorage(String volume, String diffAreaVolume, long usedBytes, long allocatedBytes,
        long maximumBytes) {
    /** The maximum VSS reports and takes for "no limit" (vssadmin's {@code UNBOUNDED}). */
    public static final long UNBOUNDED = -1;

    /** The smallest maximum {@link Vss#addShadowStorage} takes, as Microsoft documents: 320 MB. */
    public static final long MINIMUM_BYTES = 320L * 1024 * 1024;

    public ShadowStorage {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(diffAreaVolume, "diffAreaVolume");
    }

    /** Whether the area may grow without limit. */
    public boolean isUnbounded() {
        return maximumBytes == UNBOUNDED;
    }

    /** What is left before the maximum; {@link Long#MAX_VALUE} when unbounded. */
    public long freeBytes() {
        return isUnbounded() ? Long.MAX_VALUE : Math.max(0, maximumBytes - usedBytes);
    }
}
