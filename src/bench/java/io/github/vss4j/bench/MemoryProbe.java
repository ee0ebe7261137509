package io.github.vss4j.bench;

import io.github.vss4j.Vss;
import io.github.vss4j.internal.BenchBridge;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Child JVM: RSS and heap after GC after each checkpoint of full cycles (args: the checkpoints, ascending). */
public final class MemoryProbe {
    private MemoryProbe() {
    }

    public static void main(String[] args) throws Exception {
        List<String> volumes = Cycle.volumes(1);
        Vss vss = Cycle.simulator(volumes, Duration.ZERO);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long done = 0;
        long sink = 0;
        long start = System.nanoTime();
        for (String arg : args) {
            long target = Long.parseLong(arg);
            for (; done < target; done++) {
                sink += Cycle.run(vss, volumes);
            }
            // Two rounds: the Cleaner and finalization may free more after the first.
            for (int i = 0; i < 2; i++) {
                System.gc();
                Thread.sleep(200);
            }
            System.out.println("mem." + target + ".rss_kb " + rssKb());
            // RSS also counts pages that free() keeps for reuse (the JIT compilers' arenas above all): trimmed, it
            // shows what is really held; malloc's own count says whether the process holds more allocations.
            BenchBridge.mallocTrim();
            System.out.println("mem." + target + ".rss_trimmed_kb " + rssKb());
            System.out.println("mem." + target + ".malloc_bytes " + BenchBridge.mallocInUse());
            System.out.println("mem." + target + ".heap_bytes " + memory.getHeapMemoryUsage().getUsed());
            System.out.println("mem." + target + ".elapsed_ns " + (System.nanoTime() - start));
        }
        System.out.println("mem.live_objects " + vss.simulatedMachine().orElseThrow().liveObjects());
        System.out.println("mem.sink " + sink);
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
