package io.github.vss4j.internal;

import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.RestoreTarget;
import io.github.vss4j.RestoreType;
import io.github.vss4j.simulator.ComponentRestore;
import io.github.vss4j.simulator.RestoredFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Decodes the simulator's restore records (cells as {@link Rows} numbers them: RestoreRecord*, RestoreFileSet*). */
final class RestoreRecords {
    private static final int ALTERNATE_LOCATION = 0;

    private RestoreRecords() {
    }

    /** {@code holder[0..1]} the records, {@code holder[2..3]} their file sets; writer names by instance id. */
    static List<ComponentRestore> read(Object[] holder, Map<UUID, String> writerNames) {
        long[] longs = (long[]) holder[0];
        String[] strings = (String[]) holder[1];
        int count = strings.length / Rows.RestoreRecordStrings.COUNT;
        List<List<RestoredFiles>> alternates = new ArrayList<>();
        List<List<RestoredFiles>> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            alternates.add(new ArrayList<>());
            targets.add(new ArrayList<>());
        }
        long[] setLongs = (long[]) holder[2];
        String[] setStrings = (String[]) holder[3];
        for (int row = 0; row < setStrings.length / Rows.RestoreFileSetStrings.COUNT; row++) {
            int l = row * Rows.RestoreFileSetLongs.COUNT;
            int s = row * Rows.RestoreFileSetStrings.COUNT;
            RestoredFiles files = new RestoredFiles(setStrings[s + Rows.RestoreFileSetStrings.PATH],
                    setStrings[s + Rows.RestoreFileSetStrings.FILESPEC],
                    setLongs[l + Rows.RestoreFileSetLongs.RECURSIVE] != 0,
                    setStrings[s + Rows.RestoreFileSetStrings.DESTINATION]);
            int record = (int) setLongs[l + Rows.RestoreFileSetLongs.RECORD];
            boolean alternate = setLongs[l + Rows.RestoreFileSetLongs.KIND] == ALTERNATE_LOCATION;
            (alternate ? alternates : targets).get(record).add(files);
        }
        List<ComponentRestore> restores = new ArrayList<>();
        for (int row = 0; row < count; row++) {
            int l = row * Rows.RestoreRecordLongs.COUNT;
            int s = row * Rows.RestoreRecordStrings.COUNT;
            UUID instance = Guids.read(longs, l + Rows.RestoreRecordLongs.INSTANCE_ID);
            restores.add(new ComponentRestore(instance, Guids.read(longs, l + Rows.RestoreRecordLongs.WRITER_ID),
                    writerNames.getOrDefault(instance, ""), strings[s + Rows.RestoreRecordStrings.LOGICAL_PATH],
                    strings[s + Rows.RestoreRecordStrings.COMPONENT_NAME],
                    RestoreType.of((int) longs[l + Rows.RestoreRecordLongs.RESTORE_TYPE]),
                    longs[l + Rows.RestoreRecordLongs.ADDITIONAL_RESTORES] != 0,
                    strings[s + Rows.RestoreRecordStrings.RESTORE_OPTIONS], alternates.get(row), targets.get(row),
                    RestoreTarget.of((int) longs[l + Rows.RestoreRecordLongs.RESTORE_TARGET]),
                    FileRestoreStatus.of((int) longs[l + Rows.RestoreRecordLongs.FILE_RESTORE_STATUS]),
                    longs[l + Rows.RestoreRecordLongs.POST_RESTORE_DONE] != 0,
                    strings[s + Rows.RestoreRecordStrings.PRE_RESTORE_FAILURE],
                    strings[s + Rows.RestoreRecordStrings.POST_RESTORE_FAILURE]));
        }
        return List.copyOf(restores);
    }
}
