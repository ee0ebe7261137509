package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.simulator.Simulation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the caller's Executor throws, the future completes and each callback runs once, on a vss4j thread, and
 * the log says so in a sentence that names the Executor and what it threw.
 */
class ThrowingExecutorTest extends SimulatedVssTest {

    /** Takes the task (it might run it later) and then throws. */
    private static final class QueuesThenThrows implements Executor {
        final ConcurrentLinkedQueue<Runnable> taken = new ConcurrentLinkedQueue<>();
        private final Supplier<Throwable> thrown;

        QueuesThenThrows(Supplier<Throwable> thrown) {
            this.thrown = thrown;
        }

        @Override
        public void execute(Runnable task) {
            taken.add(task);
            throw ThrowingExecutorTest.<RuntimeException>sneaky(thrown.get());
        }

        @Override
        public String toString() {
            return "QueuesThenThrows";
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    static Stream<Arguments> throwables() {
        return Stream.of(
                Arguments.of((Supplier<Throwable>) () -> new IllegalStateException("executor is closing")),
                Arguments.of((Supplier<Throwable>) () -> new RejectedExecutionException("queue full")),
                Arguments.of((Supplier<Throwable>) () -> new UnsupportedOperationException("not today")),
                Arguments.of((Supplier<Throwable>) () -> new AssertionError("a broken executor")),
                Arguments.of((Supplier<Throwable>) () -> new IOException("a checked one, thrown sneakily")));
    }

    @ParameterizedTest
    @MethodSource("throwables")
    void futuresCompleteAndCallbacksRunOnceOnAVss4jThread(Supplier<Throwable> throwable) throws Exception {
        QueuesThenThrows executor = new QueuesThenThrows(throwable);
        String expected = throwable.get().toString();
        // An hour-long DoSnapshotSet, cancelled once the first callback is in: exactly two hand-overs, the end's
        // and the late callback's.
        Vss vss = vss(Simulation.builder().volume("C:\\").duration(Operation.DO_SNAPSHOT_SET, Duration.ofHours(1))
                .build()).withCallbackExecutor(executor);
        BackupComponents backup = prepared(vss, VssContext.FILE_SHARE_BACKUP, "C:\\");
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger lateCalls = new AtomicInteger();
        CompletableFuture<String> before = new CompletableFuture<>();
        CompletableFuture<String> after = new CompletableFuture<>();
        String log = capturingStandardError(() -> {
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                snapshot.onComplete(status -> {
                    calls.incrementAndGet();
                    before.complete(Thread.currentThread().getName());
                });
                snapshot.cancel();
                assertTrue(snapshot.toCompletableFuture().handle((v, e) -> e).get(BOUND.toSeconds(), TimeUnit.SECONDS)
                        instanceof CancellationException);
                assertTrue(before.get(BOUND.toSeconds(), TimeUnit.SECONDS).startsWith("vss4j-callback-"));
                snapshot.onComplete(status -> {
                    lateCalls.incrementAndGet();
                    after.complete(Thread.currentThread().getName());
                });
                assertTrue(after.get(BOUND.toSeconds(), TimeUnit.SECONDS).startsWith("vss4j-callback-"));
            }
        });
        // The Executor kept the tasks it threw on: running them now runs no callback a second time.
        assertEquals(2, executor.taken.size());
        executor.taken.forEach(Runnable::run);
        assertEquals(1, calls.get());
        assertEquals(1, lateCalls.get());
        for (String words : List.of("The callback Executor QueuesThenThrows threw " + expected,
                "when given the end of DoSnapshotSet", "on its own thread")) {
            assertTrue(log.contains(words), () -> "\"" + words + "\" missing from the log:\n" + log);
        }
    }

    private interface Body {
        void run() throws Exception;
    }

    // slf4j-simple writes to whatever System.err is when it logs.
    private static String capturingStandardError(Body body) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
