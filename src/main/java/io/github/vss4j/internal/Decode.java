package io.github.vss4j.internal;

import io.github.vss4j.ComponentType;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.LoggedEvent;
import io.github.vss4j.ProviderProperties;
import io.github.vss4j.ProviderType;
import io.github.vss4j.RecordedComponent;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.ShadowStorage;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.WriterState;
import io.github.vss4j.WriterStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns the flat arrays the shim fills (cells as {@link Rows} numbers them) into records. */
public final class Decode {
    private Decode() {
    }

    public static SnapshotProperties snapshot(long[] longs, String[] strings, int row) {
        int l = row * Rows.SnapshotLongs.COUNT;
        int s = row * Rows.SnapshotStrings.COUNT;
        return new SnapshotProperties(Guids.read(longs, l + Rows.SnapshotLongs.SNAPSHOT_ID),
                Guids.read(longs, l + Rows.SnapshotLongs.SNAPSHOT_SET_ID),
                (int) longs[l + Rows.SnapshotLongs.SNAPSHOTS_COUNT],
                strings[s + Rows.SnapshotStrings.SNAPSHOT_DEVICE_OBJECT],
                strings[s + Rows.SnapshotStrings.ORIGINAL_VOLUME_NAME],
                strings[s + Rows.SnapshotStrings.ORIGINATING_MACHINE],
                strings[s + Rows.SnapshotStrings.SERVICE_MACHINE],
                strings[s + Rows.SnapshotStrings.EXPOSED_NAME],
                strings[s + Rows.SnapshotStrings.EXPOSED_PATH],
                Guids.read(longs, l + Rows.SnapshotLongs.PROVIDER_ID),
                (int) longs[l + Rows.SnapshotLongs.SNAPSHOT_ATTRIBUTES],
                SnapshotProperties.fromFileTime(longs[l + Rows.SnapshotLongs.CREATION_TIMESTAMP]),
                (int) longs[l + Rows.SnapshotLongs.STATUS]);
    }

    /** The reverse of {@link #snapshot} for one row: what the simulator is given as an existing copy. */
    public static long[] snapshotLongs(SnapshotProperties p) {
        long[] longs = new long[Rows.SnapshotLongs.COUNT];
        Guids.write(longs, Rows.SnapshotLongs.SNAPSHOT_ID, p.snapshotId());
        Guids.write(longs, Rows.SnapshotLongs.SNAPSHOT_SET_ID, p.snapshotSetId());
        Guids.write(longs, Rows.SnapshotLongs.PROVIDER_ID, p.providerId());
        longs[Rows.SnapshotLongs.SNAPSHOTS_COUNT] = p.snapshotsCount();
        longs[Rows.SnapshotLongs.SNAPSHOT_ATTRIBUTES] = p.attributeBits();
        longs[Rows.SnapshotLongs.CREATION_TIMESTAMP] = SnapshotProperties.toFileTime(p.creationTime());
        longs[Rows.SnapshotLongs.STATUS] = p.status();
        return longs;
    }

    /** The strings of {@link #snapshotLongs}'s row. */
    public static String[] snapshotStrings(SnapshotProperties p) {
        String[] strings = new String[Rows.SnapshotStrings.COUNT];
        strings[Rows.SnapshotStrings.SNAPSHOT_DEVICE_OBJECT] = p.snapshotDeviceObject();
        strings[Rows.SnapshotStrings.ORIGINAL_VOLUME_NAME] = p.originalVolumeName();
        strings[Rows.SnapshotStrings.ORIGINATING_MACHINE] = p.originatingMachine();
        strings[Rows.SnapshotStrings.SERVICE_MACHINE] = p.serviceMachine();
        strings[Rows.SnapshotStrings.EXPOSED_NAME] = p.exposedName();
        strings[Rows.SnapshotStrings.EXPOSED_PATH] = p.exposedPath();
        return strings;
    }

    /** {@code holder[0]} long[], {@code holder[1]} String[], as filled by query and the simulator. */
    public static List<SnapshotProperties> snapshots(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<SnapshotProperties> result = new ArrayList<>();
        for (int row = 0; row < longs.length / Rows.SnapshotLongs.COUNT; row++) {
            result.add(snapshot(longs, strings, row));
        }
        return List.copyOf(result);
    }

    /** {@code holder[0]} long[], {@code holder[1]} String[], as filled by queryProviders. */
    public static List<ProviderProperties> providers(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<ProviderProperties> result = new ArrayList<>();
        for (int row = 0; row < strings.length / Rows.ProviderStrings.COUNT; row++) {
            int l = row * Rows.ProviderLongs.COUNT;
            int s = row * Rows.ProviderStrings.COUNT;
            result.add(new ProviderProperties(Guids.read(longs, l + Rows.ProviderLongs.PROVIDER_ID),
                    strings[s + Rows.ProviderStrings.PROVIDER_NAME],
                    ProviderType.of((int) longs[l + Rows.ProviderLongs.PROVIDER_TYPE]),
                    strings[s + Rows.ProviderStrings.VERSION],
                    Guids.read(longs, l + Rows.ProviderLongs.VERSION_ID),
                    Guids.read(longs, l + Rows.ProviderLongs.CLASS_ID)));
        }
        return List.copyOf(result);
    }

    /** {@code holder[0]} long[], {@code holder[1]} String[], as filled by shadowStorageQuery. */
    public static List<ShadowStorage> diffAreas(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<ShadowStorage> result = new ArrayList<>();
        for (int row = 0; row < strings.length / Rows.DiffAreaStrings.COUNT; row++) {
            int l = row * Rows.DiffAreaLongs.COUNT;
            int s = row * Rows.DiffAreaStrings.COUNT;
            result.add(new ShadowStorage(strings[s + Rows.DiffAreaStrings.VOLUME_NAME],
                    strings[s + Rows.DiffAreaStrings.DIFF_AREA_VOLUME_NAME],
                    longs[l + Rows.DiffAreaLongs.USED_BYTES], longs[l + Rows.DiffAreaLongs.ALLOCATED_BYTES],
                    longs[l + Rows.DiffAreaLongs.MAXIMUM_BYTES]));
        }
        return List.copyOf(result);
    }

    /** {@code holder[0]} long[], {@code holder[1]} String[], as filled by readEvents. */
    public static List<LoggedEvent> events(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<LoggedEvent> result = new ArrayList<>();
        for (int row = 0; row < strings.length / Rows.EventStrings.COUNT; row++) {
            int l = row * Rows.EventLongs.COUNT;
            int s = row * Rows.EventStrings.COUNT;
            result.add(new LoggedEvent(strings[s + Rows.EventStrings.CHANNEL], strings[s + Rows.EventStrings.SOURCE],
                    (int) longs[l + Rows.EventLongs.EVENT_ID],
                    LoggedEvent.Level.of((int) longs[l + Rows.EventLongs.LEVEL]),
                    Instant.ofEpochMilli(longs[l + Rows.EventLongs.TIME_MILLIS]),
                    strings[s + Rows.EventStrings.MESSAGE]));
        }
        return List.copyOf(result);
    }

    public static List<WriterStatus> writerStatus(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<WriterStatus> result = new ArrayList<>();
        for (int row = 0; row < strings.length / Rows.WriterStatusStrings.COUNT; row++) {
            int l = row * Rows.WriterStatusLongs.COUNT;
            result.add(new WriterStatus(Guids.read(longs, l + Rows.WriterStatusLongs.INSTANCE_ID),
                    Guids.read(longs, l + Rows.WriterStatusLongs.WRITER_ID),
                    strings[row * Rows.WriterStatusStrings.COUNT + Rows.WriterStatusStrings.WRITER_NAME],
                    WriterState.of((int) longs[l + Rows.WriterStatusLongs.STATE]),
                    (int) longs[l + Rows.WriterStatusLongs.FAILURE]));
        }
        return List.copyOf(result);
    }

    public static List<RecordedComponent> recordedComponents(Object[] holder) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        List<RecordedComponent> result = new ArrayList<>();
        for (int row = 0; row < strings.length / Rows.RecordedComponentStrings.COUNT; row++) {
            int l = row * Rows.RecordedComponentLongs.COUNT;
            int s = row * Rows.RecordedComponentStrings.COUNT;
            result.add(new RecordedComponent(Guids.read(longs, l + Rows.RecordedComponentLongs.INSTANCE_ID),
                    Guids.read(longs, l + Rows.RecordedComponentLongs.WRITER_ID),
                    ComponentType.of((int) longs[l + Rows.RecordedComponentLongs.TYPE]),
                    strings[s + Rows.RecordedComponentStrings.LOGICAL_PATH],
                    strings[s + Rows.RecordedComponentStrings.COMPONENT_NAME],
                    longs[l + Rows.RecordedComponentLongs.BACKUP_SUCCEEDED] != 0,
                    strings[s + Rows.RecordedComponentStrings.BACKUP_STAMP],
                    strings[s + Rows.RecordedComponentStrings.PREVIOUS_BACKUP_STAMP],
                    strings[s + Rows.RecordedComponentStrings.BACKUP_OPTIONS],
                    (int) longs[l + Rows.RecordedComponentLongs.FAILURE],
                    longs[l + Rows.RecordedComponentLongs.SELECTED_FOR_RESTORE] != 0,
                    longs[l + Rows.RecordedComponentLongs.ADDITIONAL_RESTORES] != 0,
                    strings[s + Rows.RecordedComponentStrings.RESTORE_OPTIONS],
                    RestoreTarget.of((int) longs[l + Rows.RecordedComponentLongs.RESTORE_TARGET]),
                    FileRestoreStatus.of((int) longs[l + Rows.RecordedComponentLongs.FILE_RESTORE_STATUS]),
                    strings[s + Rows.RecordedComponentStrings.PRE_RESTORE_FAILURE_MESSAGE],
                    strings[s + Rows.RecordedComponentStrings.POST_RESTORE_FAILURE_MESSAGE]));
        }
        return List.copyOf(result);
    }

    public static List<WriterMetadata> writerMetadata(Object[] holder) {
        return WriterTables.read(holder);
    }
}
