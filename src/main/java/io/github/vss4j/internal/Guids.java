package io.github.vss4j.internal;

import java.util.UUID;

/** VSS ids cross JNI as two longs, in {@link UUID}'s own layout (see native/src/core/guid.h). */
public final class Guids {
    private Guids() {
    }

    public static UUID read(long[] values, int offset) {
        return new UUID(values[offset], values[offset + 1]);
    }

    public static void write(long[] values, int offset, UUID id) {
        values[offset] = hi(id);
        values[offset + 1] = lo(id);
    }

    public static long hi(UUID id) {
        return id == null ? 0 : id.getMostSignificantBits();
    }

    public static long lo(UUID id) {
        return id == null ? 0 : id.getLeastSignificantBits();
    }
}
