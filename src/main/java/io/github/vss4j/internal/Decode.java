package io.github.vss4j.internal;

import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import java.util.ArrayList;
import java.util.List;

/** Turns the flat arrays the shim fills (layouts in {@link NativeBridge}) into records. */
public final class Decode {
    private Decode() {
    }

    public static SnapshotProperties snapshot(long[] longs, String[] strings, int row) {
        int l = row * NativeBridge.SNAPSHOT_LONGS;
        int s = row * NativeBridge.SNAPSHOT_STRINGS;
        return new SnapshotProperties(Guids.read(longs, l), Guids.read(longs, l + 2), (int) longs[l + 6],
                strings[s], strings[s + 1], strings[s + 2], strings[s + 3], strings[s + 4], strings[s + 5],
                Guids.read(longs, l + 4), (int) longs[l + 7], SnapshotProperties.fromFileTime(longs[l + 8]),
                (int) longs[l + 9]);
    }

    /** {@code holder[0]} long[], {@code holder[1]} String[], as filled by query and the simulator. */
    public static List<SnapshotProperties> snapshots(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<SnapshotProperties> result = new ArrayList<>();
        for (int row = 0; row < longs.length / NativeBridge.SNAPSHOT_LONGS; row++) {
            result.add(snapshot(longs, strings, row));
        }
        return List.copyOf(result);
    }

    public static List<WriterStatus> writerStatus(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<WriterStatus> result = new ArrayList<>();
        for (int row = 0; row < strings.length; row++) {
            int l = row * NativeBridge.WRITER_STATUS_LONGS;
            result.add(new WriterStatus(Guids.read(longs, l), Guids.read(longs, l + 2), strings[row],
                    WriterState.of((int) longs[l + 4]), (int) longs[l + 5]));
        }
        return List.copyOf(result);
    }

    public static List<WriterMetadata> writerMetadata(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<WriterMetadata> result = new ArrayList<>();
        for (int row = 0; row < strings.length; row++) {
            int l = row * NativeBridge.WRITER_METADATA_LONGS;
            result.add(new WriterMetadata(Guids.read(longs, l), Guids.read(longs, l + 2), strings[row],
                    (int) longs[l + 4], (int) longs[l + 5]));
        }
        return List.copyOf(result);
    }
}
