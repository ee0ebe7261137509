package io.github.vss4j.internal;

import io.github.vss4j.ComponentDependency;
import io.github.vss4j.ComponentType;
import io.github.vss4j.FileDescriptor;
import io.github.vss4j.RestoreMethod;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writer metadata as it crosses JNI: four tables (writers, components, files, dependencies), each a long[] and a
 * String[] with cells as {@link Rows} numbers them, each row naming its parent by index. Read from
 * GetWriterMetadata; written for the simulator, which is told a writer's description in the same form.
 */
public final class WriterTables {
    /** A writer description's length: four tables of two arrays (numbers, texts). */
    private static final int DESCRIPTION_SLOTS = 8;
    /**
     * GetWriterMetadata's holder: the four tables, each table's texts as one String end to end, then an int[] per
     * table of each text's length (or -1 - i: the same text as cell i, which came before), so that hundreds of thousands of
     * file descriptors cross JNI in a few calls (native/src/jni/marshal.h).
     */
    public static final int SLOTS = DESCRIPTION_SLOTS + 4;

    private static final int KIND_FILE_GROUP = 0;
    private static final int KIND_DATABASE = 1;
    private static final int KIND_LOG = 2;
    private static final int KIND_EXCLUDE = 3;
    /** The file lists a component has: file group, database and log files. */
    private static final int KINDS = 3;

    private WriterTables() {
    }

    /** The writers of a filled holder, each with its components, files and dependencies. */
    public static List<WriterMetadata> read(Object[] holder) {
        long[] wl = (long[]) holder[0];
        String[] ws = texts(holder, 0);
        long[] cl = (long[]) holder[2];
        String[] cs = texts(holder, 1);
        long[] fl = (long[]) holder[4];
        String[] fs = texts(holder, 2);
        long[] dl = (long[]) holder[6];
        String[] ds = texts(holder, 3);
        int writers = ws.length / Rows.WriterMetadataStrings.COUNT;
        int components = cs.length / Rows.ComponentStrings.COUNT;
        List<List<FileDescriptor>> files = files(fl, fs, components, writers);
        List<List<ComponentDependency>> dependencies = new ArrayList<>();
        for (int c = 0; c < components; c++) {
            dependencies.add(new ArrayList<>());
        }
        for (int d = 0; d < ds.length / Rows.DependencyStrings.COUNT; d++) {
            int l = d * Rows.DependencyLongs.COUNT;
            int s = d * Rows.DependencyStrings.COUNT;
            dependencies.get((int) dl[l + Rows.DependencyLongs.COMPONENT]).add(new ComponentDependency(
                    Guids.read(dl, l + Rows.DependencyLongs.WRITER_ID), ds[s + Rows.DependencyStrings.LOGICAL_PATH],
                    ds[s + Rows.DependencyStrings.COMPONENT_NAME]));
        }
        List<List<WriterComponent>> byWriter = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            byWriter.add(new ArrayList<>());
        }
        for (int c = 0; c < components; c++) {
            int l = c * Rows.ComponentLongs.COUNT;
            int s = c * Rows.ComponentStrings.COUNT;
            int own = c * KINDS;
            byWriter.get((int) cl[l + Rows.ComponentLongs.WRITER]).add(new WriterComponent(
                    ComponentType.of((int) cl[l + Rows.ComponentLongs.TYPE]), cs[s + Rows.ComponentStrings.LOGICAL_PATH],
                    cs[s + Rows.ComponentStrings.NAME], cs[s + Rows.ComponentStrings.CAPTION],
                    cl[l + Rows.ComponentLongs.SELECTABLE_FOR_BACKUP] != 0,
                    cl[l + Rows.ComponentLongs.SELECTABLE_FOR_RESTORE] != 0,
                    cl[l + Rows.ComponentLongs.NOTIFY_ON_BACKUP_COMPLETE] != 0,
                    (int) cl[l + Rows.ComponentLongs.COMPONENT_FLAGS], files.get(own + KIND_FILE_GROUP),
                    files.get(own + KIND_DATABASE), files.get(own + KIND_LOG), dependencies.get(c)));
        }
        List<WriterMetadata> result = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int l = w * Rows.WriterMetadataLongs.COUNT;
            int s = w * Rows.WriterMetadataStrings.COUNT;
            RestoreMethod restore = new RestoreMethod((int) wl[l + Rows.WriterMetadataLongs.RESTORE_METHOD],
                    ws[s + Rows.WriterMetadataStrings.RESTORE_SERVICE],
                    ws[s + Rows.WriterMetadataStrings.RESTORE_USER_PROCEDURE],
                    (int) wl[l + Rows.WriterMetadataLongs.WRITER_RESTORE],
                    wl[l + Rows.WriterMetadataLongs.REBOOT_REQUIRED] != 0,
                    (int) wl[l + Rows.WriterMetadataLongs.MAPPINGS]);
            result.add(new WriterMetadata(Guids.read(wl, l + Rows.WriterMetadataLongs.INSTANCE_ID),
                    Guids.read(wl, l + Rows.WriterMetadataLongs.WRITER_ID),
                    ws[s + Rows.WriterMetadataStrings.WRITER_NAME],
                    (int) wl[l + Rows.WriterMetadataLongs.USAGE_TYPE], (int) wl[l + Rows.WriterMetadataLongs.SOURCE_TYPE],
                    restore, (int) wl[l + Rows.WriterMetadataLongs.BACKUP_SCHEMA], files.get(components * KINDS + w),
                    byWriter.get(w)));
        }
        return List.copyOf(result);
    }

    /**
     * The file descriptors of every (component, kind) list, {@link #KINDS} to a component in component order, then
     * each writer's exclude list: counted first, so that each list is one exact array made immutable once (the
     * records' {@code List.copyOf} then keeps it as it is).
     */
    private static List<List<FileDescriptor>> files(long[] fl, String[] fs, int components, int writers) {
        int rows = fs.length / Rows.FileStrings.COUNT;
        int[] listOf = new int[rows];
        int[] sizes = new int[components * KINDS + writers];
        for (int f = 0; f < rows; f++) {
            int l = f * Rows.FileLongs.COUNT;
            int owner = (int) fl[l + Rows.FileLongs.OWNER];
            int kind = (int) fl[l + Rows.FileLongs.KIND];
            listOf[f] = kind == KIND_EXCLUDE ? components * KINDS + owner : owner * KINDS + kind;
            sizes[listOf[f]]++;
        }
        FileDescriptor[][] lists = new FileDescriptor[sizes.length][];
        for (int i = 0; i < sizes.length; i++) {
            lists[i] = new FileDescriptor[sizes[i]];
            sizes[i] = 0;
        }
        for (int f = 0; f < rows; f++) {
            int l = f * Rows.FileLongs.COUNT;
            int s = f * Rows.FileStrings.COUNT;
            lists[listOf[f]][sizes[listOf[f]]++] = new FileDescriptor(fs[s + Rows.FileStrings.PATH],
                    fs[s + Rows.FileStrings.FILE_SPEC], fl[l + Rows.FileLongs.RECURSIVE] != 0,
                    fs[s + Rows.FileStrings.ALTERNATE_LOCATION], fs[s + Rows.FileStrings.VOLUME]);
        }
        List<List<FileDescriptor>> result = new ArrayList<>(lists.length);
        for (FileDescriptor[] list : lists) {
            result.add(List.of(list));
        }
        return result;
    }

    /** Table {@code table}'s texts, cut from the String that holds them end to end, each distinct text once. */
    private static String[] texts(Object[] holder, int table) {
        String joined = (String) holder[2 * table + 1];
        int[] lengths = (int[]) holder[DESCRIPTION_SLOTS + table];
        String[] texts = new String[lengths.length];
        int at = 0;
        for (int i = 0; i < lengths.length; i++) {
            if (lengths[i] < 0) {
                texts[i] = texts[-1 - lengths[i]];
            } else {
                texts[i] = joined.substring(at, at + lengths[i]);
                at += lengths[i];
            }
        }
        return texts;
    }

    /** One writer's description in the tables' form (its identity cells unused): what the simulator is told. */
    public static Object[] write(RestoreMethod restore, int backupSchema, List<FileDescriptor> excludeFiles,
            List<WriterComponent> components) {
        long[] wl = new long[Rows.WriterMetadataLongs.COUNT];
        String[] ws = new String[Rows.WriterMetadataStrings.COUNT];
        wl[Rows.WriterMetadataLongs.RESTORE_METHOD] = restore.method();
        wl[Rows.WriterMetadataLongs.WRITER_RESTORE] = restore.writerRestore();
        wl[Rows.WriterMetadataLongs.REBOOT_REQUIRED] = restore.rebootRequired() ? 1 : 0;
        wl[Rows.WriterMetadataLongs.MAPPINGS] = restore.mappings();
        wl[Rows.WriterMetadataLongs.BACKUP_SCHEMA] = backupSchema;
        ws[Rows.WriterMetadataStrings.WRITER_NAME] = "";
        ws[Rows.WriterMetadataStrings.RESTORE_SERVICE] = restore.service();
        ws[Rows.WriterMetadataStrings.RESTORE_USER_PROCEDURE] = restore.userProcedure();
        List<long[]> fileLongs = new ArrayList<>();
        List<String[]> fileStrings = new ArrayList<>();
        for (FileDescriptor f : excludeFiles) {
            addFile(fileLongs, fileStrings, 0, KIND_EXCLUDE, f);
        }
        long[] cl = new long[components.size() * Rows.ComponentLongs.COUNT];
        String[] cs = new String[components.size() * Rows.ComponentStrings.COUNT];
        List<long[]> depLongs = new ArrayList<>();
        List<String[]> depStrings = new ArrayList<>();
        for (int c = 0; c < components.size(); c++) {
            WriterComponent component = components.get(c);
            int l = c * Rows.ComponentLongs.COUNT;
            int s = c * Rows.ComponentStrings.COUNT;
            cl[l + Rows.ComponentLongs.TYPE] = component.type().value();
            cl[l + Rows.ComponentLongs.SELECTABLE_FOR_BACKUP] = component.selectableForBackup() ? 1 : 0;
            cl[l + Rows.ComponentLongs.SELECTABLE_FOR_RESTORE] = component.selectableForRestore() ? 1 : 0;
            cl[l + Rows.ComponentLongs.NOTIFY_ON_BACKUP_COMPLETE] = component.notifyOnBackupComplete() ? 1 : 0;
            cl[l + Rows.ComponentLongs.COMPONENT_FLAGS] = component.componentFlags();
            cs[s + Rows.ComponentStrings.LOGICAL_PATH] = component.logicalPath();
            cs[s + Rows.ComponentStrings.NAME] = component.name();
            cs[s + Rows.ComponentStrings.CAPTION] = component.caption();
            int at = c;
            component.files().forEach(f -> addFile(fileLongs, fileStrings, at, KIND_FILE_GROUP, f));
            component.databaseFiles().forEach(f -> addFile(fileLongs, fileStrings, at, KIND_DATABASE, f));
            component.logFiles().forEach(f -> addFile(fileLongs, fileStrings, at, KIND_LOG, f));
            for (ComponentDependency d : component.dependencies()) {
                long[] row = new long[Rows.DependencyLongs.COUNT];
                row[Rows.DependencyLongs.COMPONENT] = c;
                Guids.write(row, Rows.DependencyLongs.WRITER_ID, d.writerId());
                String[] text = new String[Rows.DependencyStrings.COUNT];
                text[Rows.DependencyStrings.LOGICAL_PATH] = d.logicalPath();
                text[Rows.DependencyStrings.COMPONENT_NAME] = d.componentName();
                depLongs.add(row);
                depStrings.add(text);
            }
        }
        return new Object[] {wl, ws, cl, cs, flatLongs(fileLongs), flatStrings(fileStrings), flatLongs(depLongs),
            flatStrings(depStrings)};
    }

    private static void addFile(List<long[]> longs, List<String[]> strings, int owner, int kind, FileDescriptor f) {
        long[] row = new long[Rows.FileLongs.COUNT];
        row[Rows.FileLongs.OWNER] = owner;
        row[Rows.FileLongs.KIND] = kind;
        row[Rows.FileLongs.RECURSIVE] = f.recursive() ? 1 : 0;
        String[] text = new String[Rows.FileStrings.COUNT];
        text[Rows.FileStrings.PATH] = f.path();
        text[Rows.FileStrings.FILE_SPEC] = f.fileSpec();
        text[Rows.FileStrings.ALTERNATE_LOCATION] = f.alternateLocation();
        text[Rows.FileStrings.VOLUME] = "";
        longs.add(row);
        strings.add(text);
    }

    private static long[] flatLongs(List<long[]> rows) {
        return rows.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static String[] flatStrings(List<String[]> rows) {
        return rows.stream().flatMap(Arrays::stream).toArray(String[]::new);
    }
}
