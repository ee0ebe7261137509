package io.github.vss4j.bench;

import io.github.vss4j.Vss;
import io.github.vss4j.internal.BenchBridge;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * Child JVM: RSS and heap after GC at checkpoints of full cycles. Args: the warm-up (cycles run before counting
 * starts), then the checkpoints, ascending, counted after the warm-up. One more reading, {@code mem.cold.*}, is
 * taken after the JVM's first {@value #COLD} cycles, inside the warm-up, while the JIT is still compiling.
 */
public final class MemoryProbe {
    static final int COLD = 1000;

    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        long warmUp = Long.parseLong(args[0]);
        List<String> volumes = Cycle.volumes(1);
        Vss vss = Cycle.simulator(volumes, Duration.ZERO);
        long sink = 0;
        long start = System.nanoTime();
        for (long done = 0; done < warmUp; done++) {
            sink += Cycle.run(vss, volumes);
            if (done + 1 == COLD) {
                reading("cold", start);
            }
        }
        long done = 0;
        for (int i = 1; i < args.length; i++) {
            long target = Long.parseLong(args[i]);
            for (; done < target; done++) {
                sink += Cycle.run(vss, volumes);
            }
            reading(args[i], start);
        }
        System.out.println("mem.live_objects " + vss.simulatedMachine().orElseThrow().liveObjects());
        System.out.println("mem.sink " + sink);
    }

    private static void reading(String name, long start) throws Exception {
        // Two rounds: the Cleaner and finalization may free more after the first.
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        awaitCompilersIdle();
        System.out.println("mem." + name + ".rss_kb " + rssKb());
        // RSS also counts pages that free() keeps for reuse (the JIT compilers' arenas above all): trimmed, it
        // shows what is really held; malloc's own count says whether the process holds more allocations.
        BenchBridge.mallocTrim();
        System.out.println("mem." + name + ".rss_trimmed_kb " + rssKb());
        System.out.println("mem." + name + ".malloc_bytes " + BenchBridge.mallocInUse());
        System.out.println("mem." + name + ".jvm_malloc_bytes " + jvmMallocBytes());
        System.out.println("mem." + name + ".heap_bytes " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        System.out.println("mem." + name + ".elapsed_ns " + (System.nanoTime() - start));
    }

    /**
     * The JIT compilers' working memory is malloc'd in chunks that HotSpot keeps in a pool after a compilation and
     * frees every 5 seconds (several MB while the JIT is busy, less once it has settled), which would
     * make a reading depend on when that last happened. Waits until no compilation has run for 200 ms (at most
     * 5 s), then for one more round of that clean-up.
     */
    private static void awaitCompilersIdle() throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            Thread.sleep(5_500);
            return;
        }
        long before = jit.getTotalCompilationTime();
        for (int i = 0; i < 25; i++) {
            Thread.sleep(200);
            long now = jit.getTotalCompilationTime();
            if (now == before) {
                return;
            }
            before = now;
        }
        Thread.sleep(5_500);
    }

    /**
     * What the JVM itself has malloc'd (Native Memory Tracking, which the benchmark turns on for this JVM): the JIT
     * compilers' arenas above all. The rest of the process's malloc'd memory is vss4j's, its JNI use and glibc's.
     */
    private static long jvmMallocBytes() throws Exception {
        Object summary = ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        Matcher total = Pattern.compile("Total: .*\\R\\s*malloc: (\\d+)KB").matcher(String.valueOf(summary));
        if (!total.find()) {
            throw new IllegalStateException("no malloc total in Native Memory Tracking's summary: " + summary);
        }
        return Long.parseLong(total.group(1)) * 1024;  // the summary counts in KB
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
