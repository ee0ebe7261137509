package io.github.vss4j.bench;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.WriterComponent;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.simulator.SimulatedComponent;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Child JVM: writer metadata of {@value #WRITERS} writers x {@value #COMPONENTS} components x {@value #FILES} files
 * gathered and turned into Java records (GatherWriterMetadata, GetWriterMetadata), timed over a few gathers, then
 * heap after GC after 100 gathers and after the last; the C++ driver's "metadata" mode gathers the same machine
 * with no JVM. Args: the timed gathers, then the gathers in all.
 */
public final class MetadataProbe {
    static final int WRITERS = 20;
    static final int COMPONENTS = 200;
    static final int FILES = 50;
    private static final int FIRST_HEAP_READING = 100;

    private MetadataProbe() {
    }

    /** The driver's arguments for the same shape and {@code samples} timed gathers. */
    static String[] driverArgs(int samples) {
        return new String[] {"metadata", Integer.toString(WRITERS), Integer.toString(COMPONENTS),
                Integer.toString(FILES), Integer.toString(samples)};
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.parseInt(args[0]);
        int gathers = Integer.parseInt(args[1]);
        if (gathers < FIRST_HEAP_READING) {
            throw new IllegalArgumentException("bench.metadataGathers=" + gathers + " must be at least "
                    + FIRST_HEAP_READING + ", the gathers before the first heap reading");
        }
        Vss vss = Vss.simulator(machine());
        long descriptors = 0;
        for (int i = 0; i < 3; i++) {
            descriptors = gather(vss);  // warm-up
        }
        long[] times = new long[samples];
        for (int i = 0; i < samples; i++) {
            long start = System.nanoTime();
            descriptors = gather(vss);
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.println("metadata.java.median_ns " + times[samples / 2]);
        System.out.println("metadata.java.descriptors " + descriptors);
        for (int done = 0; done < gathers; done++) {
            gather(vss);
            if (done + 1 == FIRST_HEAP_READING) {
                System.out.println("metadata.heap.first_bytes " + heapAfterGc());
            }
        }
        System.out.println("metadata.heap.last_bytes " + heapAfterGc());
        System.out.println("metadata.gathers " + gathers);
        System.out.println("metadata.live " + vss.simulatedMachine().orElseThrow().liveObjects());
    }

    private static Simulation machine() {
        Simulation.Builder builder = Simulation.builder().volume("C:\\").volume("D:\\");
        for (int w = 0; w < WRITERS; w++) {
            SimulatedWriter writer = SimulatedWriter.named("Writer " + w);
            for (int c = 0; c < COMPONENTS; c++) {
                SimulatedComponent component = SimulatedComponent.database("INSTANCE" + w, "db" + c);
                String folder = "D:\\Data\\w" + w + "\\c" + c;
                for (int f = 0; f < FILES; f++) {
                    component = component.databaseFile(folder, "f" + f + ".mdf");
                }
                writer = writer.withComponent(component);
            }
            builder.writer(writer);
        }
        return builder.build();
    }

    /** One gather into Java records; the file descriptors it holds. */
    private static long gather(Vss vss) throws Exception {
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setBackupState(true, false, BackupType.FULL, false);
            try (VssAsync gathering = backup.gatherWriterMetadata()) {
                gathering.await(Duration.ofMinutes(1));
            }
            List<WriterMetadata> writers = backup.getWriterMetadata();
            backup.freeWriterMetadata();
            long descriptors = 0;
            for (WriterMetadata writer : writers) {
                for (WriterComponent component : writer.components()) {
                    descriptors += component.databaseFiles().size();
                }
            }
            return descriptors;
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The benchmark's rows for this probe's and the driver's readings. */
    static List<String[]> rows(ToLongFunction<String> result) {
        List<String[]> rows = new ArrayList<>();
        long java = result.applyAsLong("metadata.java.median_ns");
        long cpp = result.applyAsLong("cpp.metadata.cpp.median_ns");
        double ratio = (double) java / cpp;
        rows.add(new String[] {String.format(Locale.ROOT, "Writer metadata, %d writers x %d components x %d files"
                + " (%,d file descriptors) into Java records, median", WRITERS, COMPONENTS, FILES,
                result.applyAsLong("metadata.java.descriptors")), ms(java), "C++ driver " + ms(cpp),
                String.format(Locale.ROOT, "%.2fx", ratio), "Java within 2x of C++", ratio <= 2 ? "PASS" : "MISS"});
        long first = result.applyAsLong("metadata.heap.first_bytes") / 1024;
        long last = result.applyAsLong("metadata.heap.last_bytes") / 1024;
        rows.add(new String[] {String.format(Locale.ROOT, "Heap after GC, %,d gathers vs %d",
                result.applyAsLong("metadata.gathers"), FIRST_HEAP_READING), last + " KiB", first + " KiB",
                String.format(Locale.ROOT, "%+d KiB", last - first), "flat: growth <= 1 MiB",
                last - first <= 1024 ? "PASS" : "MISS"});
        return rows;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
