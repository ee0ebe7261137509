package io.github.vss4j.bench;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.Operation;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.internal.BenchBridge;
import io.github.vss4j.internal.completion.CallbackExecutor;
import io.github.vss4j.internal.loader.NativeLibrary;
import io.github.vss4j.internal.OwnedHandle;
import io.github.vss4j.internal.SimulatedMachineImpl;
import io.github.vss4j.simulator.Simulation;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What vss4j adds on top of VSS, against the simulated backend, measured side by side in one run: the Java
 * side here, the C++ side by vss4j_bench_driver (same simulator, no JVM). Prints the tables the README records.
 * Targets live only in the printed table; nothing here fails a build on a slow machine.
 */
public final class Benchmark {
    /** Fresh JVMs per load figure: the median of an odd number, since single JVM start-ups vary. */
    private static final int LOAD_RUNS = 9;
    private static final int CYCLE_ROUNDS = 3;
    private final Path driver;
    private final int latencySamples = Integer.getInteger("bench.latencySamples", 5000);
    private final int memoryCycles = Integer.getInteger("bench.memoryCycles", 100_000);
    // Cycles run before the memory checkpoints start counting: until then the JIT compiles and its memory grows,
    // which says nothing about vss4j (early in the JVM's life RSS can stand above where it ends many cycles later).
    private final int memoryWarmUp = Integer.getInteger("bench.memoryWarmUp", 30_000);
    private final int metadataGathers = Integer.getInteger("bench.metadataGathers", 1000);
    private final int copyReadFiles = Integer.getInteger("bench.copyReadFiles", 10_000);
    // Modest by default so that the row takes seconds; -Dbench.copyReadLargeMiB=1024 reads the 1 GiB file.
    private final int copyReadLargeMiB = Integer.getInteger("bench.copyReadLargeMiB", 256);
    // The simulated volume with files: the figure is 10,000 small files and one 1 GiB file.
    private final int contentFiles = Integer.getInteger("bench.contentFiles", 10_000);
    private final int contentFileBytes = Integer.getInteger("bench.contentFileBytes", 4096);
    private final long contentLargeBytes = Long.getLong("bench.contentLargeBytes", 1L << 30);
    private final int contentRuns = Integer.getInteger("bench.contentRuns", 3);
    private final double cycleSeconds = Double.parseDouble(System.getProperty("bench.cycleSeconds", "3"));
    private final Map<String, Long> results = new LinkedHashMap<>();
    private final List<String[]> rows = new ArrayList<>();

    private Benchmark(Path driver) {
        this.driver = driver;
        if (memoryCycles <= 10_000 || memoryWarmUp < MemoryProbe.COLD) {
            throw new IllegalArgumentException("bench.memoryCycles=" + memoryCycles + " must be more than 10,000 and"
                    + " bench.memoryWarmUp=" + memoryWarmUp + " at least " + MemoryProbe.COLD
                    + ": the memory rows compare checkpoints at 1,000 and 10,000 cycles with the last one");
        }
    }

    public static void main(String[] args) throws Exception {
        Path driver = Path.of(System.getProperty("bench.driver", "target/native-build/host/bench/vss4j_bench_driver"));
        new Benchmark(driver).run();
    }

    private void run() throws Exception {
        long wallStart = System.nanoTime();
        NativeLibrary.load();
        System.out.println("vss4j benchmark: native library " + NativeLibrary.loadedFile().orElseThrow());
        checkClocks();
        section("completion latency (vss4j, C++ floor, C++ polling)");
        completionLatency("java.latency", CallbackExecutor.vss4jThreads());
        // For comparison: an Executor of the caller's own (one thread), one hand-off further than vss4j's default,
        // whose completion thread runs the callback itself.
        ExecutorService own = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "bench-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        try {
            completionLatency("java.handoff", CallbackExecutor.callers(own));
        } finally {
            own.shutdownNow();
        }
        results.putAll(driver("floor", Integer.toString(latencySamples), "1000"));
        results.putAll(driver("poll", "200"));
        section("synchronous call");
        syncCall();
        results.putAll(driver("sync", "2000", "15"));
        section("full cycles");
        for (int volumes : new int[] {1, 64}) {
            cycles(volumes);
        }
        section("CPU while DoSnapshotSet takes 5 s");
        cpuWhileWaiting();
        results.putAll(driver("pollcpu", "5"));
        section("first and warm load");
        loads();
        section("memory after 1,000 and " + memoryCycles + " cycles, after a warm-up of " + memoryWarmUp);
        results.putAll(child(List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch", "-XX:NativeMemoryTracking=summary"),
                MemoryProbe.class,
                Integer.toString(memoryWarmUp), "1000", "10000", Integer.toString(memoryCycles)));
        section("writer metadata, then heap over " + metadataGathers + " gathers");
        results.putAll(child(List.of("-Xmx1g"), MetadataProbe.class, "11", Integer.toString(metadataGathers)));
        results.putAll(driver(MetadataProbe.driverArgs(11)));
        section("reading a copy's tree through root() and directly (" + copyReadFiles + " files + " + copyReadLargeMiB
                + " MiB)");
        results.putAll(child(List.of(), CopyReadProbe.class, Integer.toString(copyReadFiles), "4096",
                Integer.toString(copyReadLargeMiB), "7"));
        section("simulated volume with files: DoSnapshotSet vs cp -r, reading the copy vs the folder");
        results.putAll(child(List.of("-Xmx256m"), ContentCopyProbe.class, Integer.toString(contentFiles),
                Integer.toString(contentFileBytes), Long.toString(contentLargeBytes), Integer.toString(contentRuns)));
        printTables((System.nanoTime() - wallStart) / 1_000_000_000L);
    }

    private static void section(String name) {
        System.out.println("-- " + name);
    }

    // System.nanoTime() and steady_clock must be the same clock for a native timestamp to be compared with a
    // Java one: each native reading must fall between the two Java readings around it.
    private void checkClocks() {
        int outside = 0;
        long widest = 0;
        for (int i = 0; i < 100_000; i++) {
            long before = System.nanoTime();
            long nativeNow = BenchBridge.monotonicNanos();
            long after = System.nanoTime();
            if (nativeNow < before || nativeNow > after) {
                outside++;
            }
            widest = Math.max(widest, after - before);
        }
        results.put("clock.outside", (long) outside);
        results.put("clock.widest_ns", widest);
        System.out.printf(Locale.ROOT, "clock check: %d of 100000 steady_clock readings outside their System.nanoTime() "
                + "bracket (widest bracket %d ns)%n", outside, widest);
    }

    // Native completion (the shim's Wait returned) to the first statement of the user's callback. Operations last
    // 1 ms so that the waiter is really blocked when they end. Each sample is a new BackupComponents, whose waiter
    // waiter thread comes from the shim's pool; a second completion on the same object (GatherWriterStatus) is
    // the same path once more.
    private void completionLatency(String name, CallbackExecutor callbacks) throws Exception {
        List<String> volumes = Cycle.volumes(1);
        Vss base = Vss.simulator(Simulation.builder().volume(volumes.get(0))
                .duration(Operation.DO_SNAPSHOT_SET, Duration.ofMillis(1))
                .duration(Operation.GATHER_WRITER_STATUS, Duration.ofMillis(1)).build());
        long timed = BenchBridge.wrapTimed(backendOf(base));
        try {
            Vss vss = timedVss(base, timed, callbacks);
            long[] first = new long[latencySamples];
            long[] again = new long[latencySamples];
            int warmup = Math.max(500, latencySamples / 5);
            int discarded = 0;
            for (int i = -warmup; i < latencySamples; ) {
                try (BackupComponents backup = vss.createBackupComponents()) {
                    Cycle.prepare(backup, volumes);
                    long firstLatency;
                    try (VssAsync snapshot = backup.doSnapshotSet()) {
                        firstLatency = timeCompletion(snapshot);
                    }
                    long againLatency;
                    try (VssAsync status = backup.gatherWriterStatus()) {
                        againLatency = timeCompletion(status);
                    }
                    if (firstLatency < 0 || againLatency < 0) {
                        discarded++;  // ended before the callback was registered: not a completion hand-off
                        continue;
                    }
                    if (i >= 0) {
                        first[i] = firstLatency;
                        again[i] = againLatency;
                    }
                    i++;
                }
            }
            putPercentiles(name, first);
            putPercentiles(name + ".again", again);
            results.put(name + ".discarded", (long) discarded);
        } finally {
            BenchBridge.release(timed);
        }
    }

    /** Nanoseconds from the shim's Wait returning to the callback's start; -1 if it ended before registration. */
    private static long timeCompletion(VssAsync async) throws Exception {
        CompletableFuture<Long> started = new CompletableFuture<>();
        long registered = System.nanoTime();
        async.onComplete(status -> started.complete(System.nanoTime()));
        long callbackStart = started.get(30, TimeUnit.SECONDS);  // a hang is a finding, not a wait
        long nativeEnd = BenchBridge.lastWaitReturnNanos();
        async.await();
        return nativeEnd < registered ? -1 : callbackStart - nativeEnd;
    }

    private void putPercentiles(String name, long[] samples) {
        Arrays.sort(samples);
        results.put(name + ".p50", percentile(samples, 0.50));
        results.put(name + ".p99", percentile(samples, 0.99));
        results.put(name + ".p999", percentile(samples, 0.999));
        results.put(name + ".max", samples[samples.length - 1]);
        results.put(name + ".n", (long) samples.length);
    }

    private static long backendOf(Vss vss) throws ReflectiveOperationException {
        Field backend = Vss.class.getDeclaredField("backend");
        backend.setAccessible(true);
        return ((OwnedHandle) backend.get(vss)).use(handle -> handle);
    }

    // The public API offers no way to put a Vss on another backend handle, and it should not: bench only.
    private static Vss timedVss(Vss base, long timedBackend, CallbackExecutor callbacks)
            throws ReflectiveOperationException {
        Field machine = Vss.class.getDeclaredField("machine");
        machine.setAccessible(true);
        Constructor<Vss> constructor =
                Vss.class.getDeclaredConstructor(OwnedHandle.class, SimulatedMachineImpl.class, CallbackExecutor.class);
        constructor.setAccessible(true);
        // The caller releases the timed backend (BenchBridge.release) once the samples are taken.
        OwnedHandle timed = OwnedHandle.untilUnreachable(timedBackend, handle -> { }, "the timed backend is released");
        return constructor.newInstance(timed, machine.get(base), callbacks);
    }

    private static long percentile(long[] sorted, double q) {
        int index = (int) Math.round(q * (sorted.length - 1));
        return sorted[Math.min(index, sorted.length - 1)];
    }

    private void syncCall() throws Exception {
        List<String> volumes = Cycle.volumes(1);
        Vss vss = Cycle.simulator(volumes, Duration.ZERO);
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            int perBatch = 2000;
            boolean all = true;
            for (int i = 0; i < 5000; i++) {
                all &= backup.isVolumeSupported("C:\\");
            }
            long[] perCall = new long[15];
            for (int b = 0; b < perCall.length; b++) {
                long start = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    all &= backup.isVolumeSupported("C:\\");
                }
                perCall[b] = (System.nanoTime() - start) / perBatch;
            }
            Arrays.sort(perCall);
            results.put("java.sync_ns", perCall[perCall.length / 2]);
            results.put("java.sync_all_supported", all ? 1L : 0L);
        }
    }

    /**
     * Full cycles per second from Java and from the two C++ drivers, in {@value #CYCLE_ROUNDS} rounds that take
     * turns (Java, C++ direct, C++ core, Java, ...), each side's best round counted: on a shared machine a burst of
     * someone else's work then lands on one round of one side, not on the whole of it.
     */
    private void cycles(int volumeCount) throws Exception {
        List<String> volumes = Cycle.volumes(volumeCount);
        Vss vss = Cycle.simulator(volumes, Duration.ZERO);
        long sink = 0;
        long warmupEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmupEnd) {
            sink += Cycle.run(vss, volumes);
        }
        double roundSeconds = cycleSeconds / CYCLE_ROUNDS;
        long budget = (long) (roundSeconds * 1e9);
        double java = 0;
        double direct = 0;
        double core = 0;
        for (int round = 0; round < CYCLE_ROUNDS; round++) {
            long start = System.nanoTime();
            long count = 0;
            while (System.nanoTime() - start < budget) {
                sink += Cycle.run(vss, volumes);
                count++;
            }
            java = Math.max(java, count * 1e9 / (System.nanoTime() - start));
            direct = Math.max(direct, cppCyclesPerSecond(volumeCount, roundSeconds, "direct"));
            core = Math.max(core, cppCyclesPerSecond(volumeCount, roundSeconds, "core"));
        }
        results.put("java.cycles." + volumeCount + ".sink", sink);
        results.put("java.cycles." + volumeCount + ".live", vss.simulatedMachine().orElseThrow().liveObjects());
        results.put("java.cycles." + volumeCount + ".per_s", Math.round(java));
        results.put("cpp.cycles.direct." + volumeCount + ".per_s", Math.round(direct));
        results.put("cpp.cycles.core." + volumeCount + ".per_s", Math.round(core));
    }

    /** One round of the C++ driver's full cycles ({@code mode}: "direct" or "core"), per second. */
    private double cppCyclesPerSecond(int volumeCount, double seconds, String mode)
            throws IOException, InterruptedException {
        Map<String, Long> cpp = driver("cycles", Integer.toString(volumeCount), Double.toString(seconds), mode);
        String key = "cpp.cycles." + mode + "." + volumeCount;
        return cpp.get(key + ".count") * 1e9 / cpp.get(key + ".ns");
    }

    // The whole JVM's CPU (every thread: vss4j's, the callback pool, GC, JIT) while one DoSnapshotSet runs 5 s
    // and the main thread awaits it.
    private void cpuWhileWaiting() throws Exception {
        List<String> volumes = Cycle.volumes(1);
        Vss vss = Cycle.simulator(volumes, Duration.ofSeconds(5));
        try (BackupComponents backup = vss.createBackupComponents()) {
            Cycle.prepare(backup, volumes);
            Thread.sleep(1000);  // let JIT compilations queued by earlier sections finish
            long cpu0 = BenchBridge.processCpuNanos();
            long wall0 = System.nanoTime();
            try (VssAsync async = backup.doSnapshotSet()) {
                async.onComplete(status -> { });
                async.await();
            }
            results.put("java.cpu_ns", BenchBridge.processCpuNanos() - cpu0);
            results.put("java.cpu_wall_ns", System.nanoTime() - wall0);
        }
    }

    private void loads() throws Exception {
        Path base = Files.createTempDirectory("vss4j-bench-load");
        try {
            long[] first = new long[LOAD_RUNS];
            long[] warm = new long[LOAD_RUNS];
            long[] warmWithJar = new long[LOAD_RUNS];
            long[] warmNio = new long[LOAD_RUNS];
            Path reused = null;
            for (int i = 0; i < LOAD_RUNS; i++) {
                reused = base.resolve("first-" + i);  // does not exist yet: the loader creates, extracts, verifies
                first[i] = child(List.of("-Dvss4j.extract.dir=" + reused), LoadProbe.class).get("load_ns");
            }
            // Warm loads, the floor and native-lib-loader take turns, so that all meet the same moments of a shared
            // machine. native-lib-loader extracts to a new directory under java.io.tmpdir each time: here, in base.
            long[] floor = new long[LOAD_RUNS];
            long[] nativeLibLoader = new long[LOAD_RUNS];
            Path nllTmp = Files.createDirectories(base.resolve("native-lib-loader"));
            Path library = reusedLibrary(reused);
            for (int i = 0; i < LOAD_RUNS; i++) {
                Map<String, Long> probe = child(List.of("-Dvss4j.extract.dir=" + reused), LoadProbe.class);
                warm[i] = probe.get("load_ns");
                warmWithJar[i] = probe.get("load_ns") + probe.get("jar_ns");
                floor[i] = child(List.of(), LoadFloorProbe.class, library.toString()).get("load_ns");
                warmNio[i] = child(List.of("-Dvss4j.extract.dir=" + reused), LoadProbe.class, "nio").get("load_ns");
                nativeLibLoader[i] = child(List.of("-Djava.io.tmpdir=" + nllTmp), NativeLibLoaderProbe.class)
                        .get("load_ns");
            }
            Arrays.sort(nativeLibLoader);
            results.put("load.native_lib_loader.median_ns", nativeLibLoader[LOAD_RUNS / 2]);
            results.put("load.native_lib_loader.max_ns", nativeLibLoader[LOAD_RUNS - 1]);
            Arrays.sort(first);
            Arrays.sort(warm);
            Arrays.sort(warmWithJar);
            Arrays.sort(floor);
            Arrays.sort(warmNio);
            results.put("load.warm_nio.median_ns", warmNio[LOAD_RUNS / 2]);
            results.put("load.floor.median_ns", floor[LOAD_RUNS / 2]);
            results.put("load.first.median_ns", first[LOAD_RUNS / 2]);
            results.put("load.first.max_ns", first[LOAD_RUNS - 1]);
            results.put("load.warm.median_ns", warm[LOAD_RUNS / 2]);
            results.put("load.warm.max_ns", warm[LOAD_RUNS - 1]);
            results.put("load.warm_with_jar.median_ns", warmWithJar[LOAD_RUNS / 2]);
            results.put("load.warm_with_jar.max_ns", warmWithJar[LOAD_RUNS - 1]);
        } finally {
            deleteTree(base);
        }
    }

    /**
     * The library file the warm loads reused: the one regular file in {@code extractDir}'s version directory (beside
     * which the base holds its lock files).
     */
    private static Path reusedLibrary(Path extractDir) throws IOException {
        try (Stream<Path> paths = Files.walk(extractDir)) {
            List<Path> files = paths.filter(p -> Files.isRegularFile(p) && !p.getParent().equals(extractDir)).toList();
            if (files.size() != 1) {
                throw new IOException("expected one extracted library under " + extractDir + ", found " + files);
            }
            return files.get(0);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Map<String, Long> driver(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(driver.toString());
        command.addAll(List.of(args));
        Map<String, Long> values = execute(command);
        Map<String, Long> named = new LinkedHashMap<>();
        values.forEach((key, value) -> named.put("cpp." + key, value));
        return named;
    }

    private static Map<String, Long> child(List<String> jvmArgs, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dslf4j.internal.verbosity=ERROR");  // no "no SLF4J provider" notice per child JVM
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return execute(command);
    }

    private static Map<String, Long> execute(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit + ":\n" + output);
        }
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] parts = line.trim().split(" ");
            if (parts.length == 2) {
                values.put(parts[0], Long.parseLong(parts[1]));
            }
        }
        return values;
    }

    private long get(String key) {
        Long value = results.get(key);
        if (value == null) {
            throw new IllegalStateException("no result " + key + " in " + results.keySet());
        }
        return value;
    }

    private static String us(long nanos) {
        return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2fx", value);
    }

    private static String verdict(boolean met) {
        return met ? "PASS" : "MISS";
    }

    private void row(String... cells) {
        rows.add(cells);
    }

    private void printTables(long wallSeconds) {
        System.out.println();
        System.out.println("Completion latency: native completion -> start of the callback (or detection by polling)");
        System.out.println();
        System.out.println("| | p50 | p99 | p99.9 | max | samples |");
        System.out.println("|---|---|---|---|---|---|");
        latencyRow("vss4j: Wait returned -> user's callback on the Executor", "java.latency", "java.latency.n");
        latencyRow("vss4j: same, 2nd completion on the object", "java.latency.again", "java.latency.again.n");
        latencyRow("for comparison: the caller's own Executor (one thread; one hand-off more)", "java.handoff",
                "java.handoff.n");
        latencyRow("for comparison: same, 2nd completion", "java.handoff.again", "java.handoff.again.n");
        latencyRow("floor: C++ condition-variable wake-up, thread to thread", "cpp.floor", "cpp.floor.n");
        latencyRow("polling: C++ QueryStatus every 10 ms, end -> detection", "cpp.poll", "cpp.poll.n");

        long p50 = get("java.latency.p50");
        long p99 = get("java.latency.p99");
        double floor50 = (double) p50 / get("cpp.floor.p50");
        double floor99 = (double) p99 / get("cpp.floor.p99");
        row("Callback latency p50", us(p50), "floor " + us(get("cpp.floor.p50")), ratio(floor50),
                "<= 30 us, <= 3x floor", verdict(p50 <= 30_000 && floor50 <= 3));
        row("Callback latency p99", us(p99), "floor " + us(get("cpp.floor.p99")), ratio(floor99),
                "<= 100 us, <= 3x floor", verdict(p99 <= 100_000 && floor99 <= 3));
        long again50 = get("java.latency.again.p50");
        long again99 = get("java.latency.again.p99");
        row("  2nd completion on the same object, p50", us(again50), "floor " + us(get("cpp.floor.p50")),
                ratio((double) again50 / get("cpp.floor.p50")), "<= 30 us, <= 3x floor",
                verdict(again50 <= 30_000 && again50 <= 3 * get("cpp.floor.p50")));
        row("  2nd completion on the same object, p99", us(again99), "floor " + us(get("cpp.floor.p99")),
                ratio((double) again99 / get("cpp.floor.p99")), "<= 100 us, <= 3x floor",
                verdict(again99 <= 100_000 && again99 <= 3 * get("cpp.floor.p99")));
        row("Callback latency p99.9", us(get("java.latency.p999")), "floor " + us(get("cpp.floor.p999")),
                ratio((double) get("java.latency.p999") / get("cpp.floor.p999")), "(none)", "-");
        row("Completion detection p50 vs polling every 10 ms", us(p50), "polling " + us(get("cpp.poll.p50")),
                ratio((double) p50 / get("cpp.poll.p50")), "(none)", "-");
        long javaSync = get("java.sync_ns");
        row("One synchronous call (IsVolumeSupported)", us(javaSync), "C++ direct " + us(get("cpp.sync.direct_ns")),
                ratio((double) javaSync / get("cpp.sync.direct_ns")), "(none)", "-");
        row("  same, baseline through the C++ core (object thread)", us(javaSync),
                "C++ core " + us(get("cpp.sync.core_ns")), ratio((double) javaSync / get("cpp.sync.core_ns")),
                "(none)", "-");
        for (int volumes : new int[] {1, 64}) {
            long java = get("java.cycles." + volumes + ".per_s");
            double direct = get("cpp.cycles.direct." + volumes + ".per_s");
            double core = get("cpp.cycles.core." + volumes + ".per_s");
            row("Full cycles/s, " + volumes + " volume" + (volumes == 1 ? "" : "s"), java + "/s",
                    "C++ driver " + Math.round(core) + "/s", ratio(core / java), "Java within 2x of C++",
                    verdict(core / java <= 2));
            row("  same, C++ calling the simulated objects directly, no object thread", java + "/s",
                    "C++ direct " + Math.round(direct) + "/s", ratio(direct / java), "(none)", "-");
        }
        double cpu = 100.0 * get("java.cpu_ns") / get("java.cpu_wall_ns");
        double pollCpu = 100.0 * get("cpp.pollcpu.cpu_ns") / get("cpp.pollcpu.wall_ns");
        row("CPU while DoSnapshotSet takes 5 s (whole JVM)", String.format(Locale.ROOT, "%.3f%% of a core", cpu),
                String.format(Locale.ROOT, "polling %.3f%%", pollCpu), "-", "< 1% of a core", verdict(cpu < 1));
        long first = get("load.first.median_ns");
        long warm = get("load.warm.median_ns");
        row("First load (extract, verify, load), median of " + LOAD_RUNS + " JVMs", ms(first),
                "max " + ms(get("load.first.max_ns")), "-", "<= 150 ms", verdict(first <= 150_000_000L));
        row("Warm load (reuse, verify, load), median of " + LOAD_RUNS + " JVMs", ms(warm),
                "max " + ms(get("load.warm.max_ns")), "-", "<= 20 ms", verdict(warm <= 20_000_000L));
        long floor = get("load.floor.median_ns");
        row("  same, against the least a verifying loader does (hash the file, System.load it)", ms(warm),
                "floor " + ms(floor), ratio((double) warm / floor), "(none)", "-");
        row("  same, in a JVM whose NIO file system has started (as in nearly any application)",
                ms(get("load.warm_nio.median_ns")), "floor " + ms(floor),
                ratio((double) get("load.warm_nio.median_ns") / floor), "(none)", "-");
        row("  same, with the JVM's opening of vss4j's jar for its first class", ms(get("load.warm_with_jar.median_ns")),
                "max " + ms(get("load.warm_with_jar.max_ns")), "-", "(none)", "-");
        long nll = get("load.native_lib_loader.median_ns");
        row("native-lib-loader 2.5.0, same library (extracts every time, no digest), median of " + LOAD_RUNS + " JVMs",
                ms(nll), "vss4j first " + ms(first) + ", warm " + ms(warm),
                ratio((double) first / nll) + ", " + ratio((double) warm / nll), "vss4j first and warm faster",
                verdict(first < nll && warm < nll));
        String after = " (counted after " + String.format(Locale.ROOT, "%,d", memoryWarmUp) + " warm-up cycles)";
        long trimmed1 = get("mem.1000.rss_trimmed_kb");
        long trimmedN = get("mem." + memoryCycles + ".rss_trimmed_kb");
        row("RSS after " + memoryCycles + " cycles vs after 1,000" + after + ", free() pages returned",
                (trimmedN / 1024) + " MiB", (trimmed1 / 1024) + " MiB", kib(trimmedN - trimmed1),
                "flat: growth <= 4 MiB", verdict(trimmedN - trimmed1 <= 4096));
        long trimmedCold = get("mem.cold.rss_trimmed_kb");
        row("  same, vs the JVM's first 1,000 cycles (JIT still compiling; warm-up and " + memoryCycles
                + " cycles in between)", (trimmedN / 1024) + " MiB", (trimmedCold / 1024) + " MiB",
                kib(trimmedN - trimmedCold), "(none)", "-");
        long rss1 = get("mem.1000.rss_kb");
        long rssN = get("mem." + memoryCycles + ".rss_kb");
        row("  same, RSS as it stood (pages free() kept for reuse included)", (rssN / 1024) + " MiB",
                (rss1 / 1024) + " MiB", kib(rssN - rss1), "(none)", "-");
        long outside1 = (get("mem.1000.malloc_bytes") - get("mem.1000.jvm_malloc_bytes")) / 1024;
        long outside10k = (get("mem.10000.malloc_bytes") - get("mem.10000.jvm_malloc_bytes")) / 1024;
        long outsideN = (get("mem." + memoryCycles + ".malloc_bytes") - get("mem." + memoryCycles + ".jvm_malloc_bytes"))
                / 1024;
        row("  malloc'd outside the JVM's own (vss4j, JNI, glibc), " + memoryCycles + " cycles vs 1,000",
                outsideN + " KiB", outside1 + " KiB", kib(outsideN - outside1), "(none)", "-");
        row("  same, " + memoryCycles + " cycles vs 10,000", outsideN + " KiB", outside10k + " KiB",
                kib(outsideN - outside10k), "(none)", "-");
        long jvm1 = get("mem.1000.jvm_malloc_bytes") / 1024;
        long jvmN = get("mem." + memoryCycles + ".jvm_malloc_bytes") / 1024;
        row("  malloc'd by the JVM itself (JIT arenas and more, NMT), " + memoryCycles + " cycles vs 1,000",
                jvmN + " KiB", jvm1 + " KiB", kib(jvmN - jvm1), "(none)", "-");
        long heap1 = get("mem.1000.heap_bytes") / 1024;
        long heapN = get("mem." + memoryCycles + ".heap_bytes") / 1024;
        row("Heap after GC, " + memoryCycles + " cycles vs 1,000" + after, heapN + " KiB", heap1 + " KiB",
                kib(heapN - heap1), "flat: growth <= 1 MiB", verdict(heapN - heap1 <= 1024));
        long heapCold = get("mem.cold.heap_bytes") / 1024;
        row("  same, vs the JVM's first 1,000 cycles", heapN + " KiB", heapCold + " KiB", kib(heapN - heapCold),
                "(none)", "-");
        rows.addAll(MetadataProbe.rows(this::get));
        rows.addAll(CopyReadProbe.rows(this::get));
        rows.addAll(ContentCopyProbe.rows(this::get));

        System.out.println();
        System.out.println("| Measure | vss4j (Java) | Baseline | Ratio | Target | Result |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] cells : rows) {
            System.out.println("| " + String.join(" | ", cells) + " |");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Notes: clock check %d/100000 readings outside their bracket; %d latency samples "
                        + "discarded (ended before the callback was registered); memory run: %d + %d cycles in %.1f "
                        + "s, simulator live objects at the end: %d; whole run %d s.%n",
                get("clock.outside"), get("java.latency.discarded") + get("java.handoff.discarded"), memoryWarmUp,
                memoryCycles,
                get("mem." + memoryCycles + ".elapsed_ns") / 1e9, get("mem.live_objects"), wallSeconds);
    }

    private static String kib(long kib) {
        return String.format(Locale.ROOT, "%+d KiB", kib);
    }

    private void latencyRow(String name, String prefix, String count) {
        System.out.println("| " + name + " | " + us(get(prefix + ".p50")) + " | " + us(get(prefix + ".p99")) + " | "
                + us(get(prefix + ".p999")) + " | " + us(get(prefix + ".max")) + " | " + get(count) + " |");
    }
}
