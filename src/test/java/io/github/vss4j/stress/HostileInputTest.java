package io.github.vss4j.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.BackupType;
import io.github.vss4j.SnapshotProperties;
import io.github.vss4j.Vss;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssContext;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import io.github.vss4j.WriterMetadata;
import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.Rows;
import io.github.vss4j.simulator.SimulatedWriter;
import io.github.vss4j.simulator.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input at the JNI boundary, through the public API (where Java must refuse it clearly or VSS must answer
 * with its error) and straight into the native methods (where the shim itself must hold: a Java exception or an
 * HRESULT, never a crash and never a JNI warning, which -Xcheck:jni turns into a failed build).
 */
class HostileInputTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String LONG_32K = "x".repeat(32 * 1024);
    /** Text the shim must carry unchanged both ways: non-BMP characters, unpaired surrogates, controls. */
    private static final String[] ODD_TEXTS = {"\uD834\uDD1E clef", "lone high \uD800", "lone low \uDC00",
        "reversed \uDC00\uD800", "\u0001\u001F\u007F\u0085\u2028\uFEFF\uFFFF", "\u00E9t\u00E9 \u65E5\u672C"};
    private static final LongAdder BAD_INPUTS = new LongAdder();

    private final List<Vss> machines = new ArrayList<>();

    private Vss vss(Simulation simulation) {
        Vss vss = Vss.simulator(simulation);
        machines.add(vss);
        return vss;
    }

    @AfterEach
    void everyVssObjectIsReleased() {
        for (Vss vss : machines) {
            assertEquals(0, vss.simulatedMachine().orElseThrow().liveObjects(), "live VSS objects after the test");
        }
    }

    @AfterAll
    static void figures() throws Exception {
        String line = "vss4j hostile input: " + BAD_INPUTS.sum() + " bad inputs tried at the JNI boundary (null, "
                + "empty, 32 KiB, embedded NUL, unpaired surrogates, non-BMP, unknown ids, stale, forged and "
                + "closed handles, handles raced across threads): every one refused or answered, crashes: 0";
        System.out.println(line);
        StateMachineStressTest.Figures.write("hostile", line);
    }

    private static void tried() {
        BAD_INPUTS.increment();
    }

    private static void assertVssError(VssError expected, ThrowingCall call) {
        tried();
        VssException thrown = assertThrows(VssException.class, call::run);
        assertEquals(expected, thrown.error(), thrown.getMessage());
    }

    private static <T extends Throwable> T refused(Class<T> type, ThrowingCall call) {
        tried();
        return assertThrows(type, call::run);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    private BackupComponents openSet(Vss vss) throws Exception {
        BackupComponents backup = vss.createBackupComponents();
        backup.initializeForBackup();
        backup.setContext(VssContext.FILE_SHARE_BACKUP);
        backup.startSnapshotSet();
        return backup;
    }

    @Test
    void volumeNamesThatJavaMustRefuseNeverReachTheShim() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        try (BackupComponents backup = openSet(vss)) {
            refused(NullPointerException.class, () -> backup.addToSnapshotSet(null));
            refused(IllegalArgumentException.class, () -> backup.addToSnapshotSet(""));
            refused(IllegalArgumentException.class, () -> backup.addToSnapshotSet(LONG_32K + "\\"));
            refused(IllegalArgumentException.class, () -> backup.addToSnapshotSet("C:\u0000\\"));
            refused(IllegalArgumentException.class, () -> backup.addToSnapshotSet("C:"));
            refused(NullPointerException.class, () -> backup.isVolumeSupported(null));
            refused(IllegalArgumentException.class, () -> backup.isVolumeSupported("\u0000"));
            IllegalArgumentException tooLong = refused(IllegalArgumentException.class,
                    () -> backup.isVolumeSupported(LONG_32K + "\\"));
            assertTrue(tooLong.getMessage().length() < 500, "the message does not repeat 32 KiB of input");
        }
    }

    @Test
    void oddVolumeNamesThatAreNotOnTheMachineAreObjectNotFound() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        try (BackupComponents backup = openSet(vss)) {
            List<String> names = new ArrayList<>();
            names.add("x".repeat(32766) + "\\");  // the longest name Windows allows
            for (String odd : ODD_TEXTS) {
                names.add(odd + "\\");
            }
            for (String name : names) {
                assertVssError(VssError.VSS_E_OBJECT_NOT_FOUND, () -> backup.addToSnapshotSet(name));
                assertVssError(VssError.VSS_E_OBJECT_NOT_FOUND, () -> backup.isVolumeSupported(name));
            }
        }
    }

    @Test
    void oddVolumeAndWriterNamesTravelBothWaysUnchanged() throws Exception {
        Simulation.Builder machine = Simulation.builder();
        List<String> volumes = new ArrayList<>();
        for (int i = 0; i < ODD_TEXTS.length; i++) {
            String volume = "\\\\?\\Volume{" + ODD_TEXTS[i] + "}\\";
            volumes.add(volume);
            machine.volume(volume);
            machine.writer(SimulatedWriter.named(ODD_TEXTS[i]));
        }
        String longest = "\\\\?\\" + "v".repeat(32000) + "\\";
        volumes.add(longest);
        machine.volume(longest);
        Simulation simulation = machine.build();
        Vss vss = vss(simulation);
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            backup.setBackupState(false, false, BackupType.FULL, false);
            try (VssAsync gather = backup.gatherWriterMetadata()) {
                assertTrue(gather.await(BOUND));
            }
            List<String> writers = backup.getWriterMetadata().stream().map(WriterMetadata::writerName).toList();
            assertEquals(List.of(ODD_TEXTS), writers, "writer names as the shim gives them back");
            backup.startSnapshotSet();
            List<UUID> ids = new ArrayList<>();
            for (String volume : volumes) {
                tried();
                assertTrue(backup.isVolumeSupported(volume), volume);
                ids.add(backup.addToSnapshotSet(volume));
            }
            try (VssAsync prepare = backup.prepareForBackup()) {
                assertTrue(prepare.await(BOUND));
            }
            try (VssAsync snapshot = backup.doSnapshotSet()) {
                assertTrue(snapshot.await(BOUND));
            }
            // A copy reports its volume's GUID path, as Windows does, whatever name it was added by.
            for (int i = 0; i < volumes.size(); i++) {
                SnapshotProperties properties = backup.getSnapshotProperties(ids.get(i));
                assertEquals(simulation.volumes().get(i).guidName(), properties.originalVolumeName(), volumes.get(i));
            }
        }
    }

    @Test
    void hostileBackupComponentsDocuments() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        try (BackupComponents backup = vss.createBackupComponents()) {
            refused(NullPointerException.class, () -> backup.initializeForBackup(null));
            refused(IllegalArgumentException.class, () -> backup.initializeForBackup("<a>\u0000</a>"));
            assertVssError(VssError.VSS_E_INVALID_XML_DOCUMENT, () -> backup.initializeForBackup(""));
        }
        List<String> notXml = new ArrayList<>(List.of(ODD_TEXTS));
        notXml.add("<" + "\uD800".repeat(16 * 1024));
        for (String document : notXml) {
            // As on Windows, a document that is not well-formed XML is VSS_E_INVALID_XML_DOCUMENT.
            tried();
            try (BackupComponents backup = vss.createBackupComponents()) {
                assertVssError(VssError.VSS_E_INVALID_XML_DOCUMENT, () -> backup.initializeForBackup(document));
            }
        }
        tried();
        try (BackupComponents backup = vss.createBackupComponents()) {
            // A Backup Components Document of this machine, long: loaded whole.
            backup.initializeForBackup("<BACKUP_COMPONENTS machine=\"VSS4J-SIM\" selectComponents=\"no\""
                    + " bootableSystemStateBackup=\"no\" backupType=\"full\" partialFileSupport=\"no\">"
                    + LONG_32K + "</BACKUP_COMPONENTS>");
        }
    }

    @Test
    void idsThatDoNotExist() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        try (BackupComponents backup = vss.createBackupComponents()) {
            backup.initializeForBackup();
            refused(NullPointerException.class, () -> backup.getSnapshotProperties(null));
            refused(NullPointerException.class, () -> backup.deleteSnapshot(null, false));
            for (UUID id : List.of(new UUID(0, 0), new UUID(-1, -1), UUID.randomUUID())) {
                assertVssError(VssError.VSS_E_OBJECT_NOT_FOUND, () -> backup.getSnapshotProperties(id));
                assertVssError(VssError.VSS_E_OBJECT_NOT_FOUND, () -> backup.deleteSnapshot(id, true));
                assertVssError(VssError.VSS_E_OBJECT_NOT_FOUND, () -> backup.deleteSnapshotSet(id, false));
            }
            backup.startSnapshotSet();
            assertVssError(VssError.VSS_E_PROVIDER_NOT_REGISTERED,
                    () -> backup.addToSnapshotSet("C:\\", UUID.randomUUID()));
        }
    }

    /** Every native method that takes a handle, with {@code handle}; each must throw or fail, never crash. */
    private static void everyNativeCallWith(long handle) {
        List<ThrowingCall> calls = List.of(
            () -> NativeBridge.initializeForBackup(handle, null),
            () -> NativeBridge.setContext(handle, 0),
            () -> NativeBridge.setBackupState(handle, false, false, 1, false),
            () -> NativeBridge.gatherWriterMetadata(handle, 0, new long[1]),
            () -> NativeBridge.getWriterMetadata(handle, new Object[8]),
            () -> NativeBridge.freeWriterMetadata(handle),
            () -> NativeBridge.addComponent(handle, 0, 0, 0, 0, 1, null, "c"),
            () -> NativeBridge.saveAsXml(handle, new String[1]),
            () -> NativeBridge.getWriterComponents(handle, new Object[2]),
            () -> NativeBridge.setBackupOptions(handle, 0, 0, 1, null, "c", "o"),
            () -> NativeBridge.setPreviousBackupStamp(handle, 0, 0, 1, null, "c", "s"),
            () -> NativeBridge.startSnapshotSet(handle, new long[2]),
            () -> NativeBridge.addToSnapshotSet(handle, "C:\\", 0, 0, new long[2]),
            () -> NativeBridge.isVolumeSupported(handle, "C:\\", 0, 0, new int[1]),
            () -> NativeBridge.prepareForBackup(handle, 0, new long[1]),
            () -> NativeBridge.doSnapshotSet(handle, 0, new long[1]),
            () -> NativeBridge.gatherWriterStatus(handle, 0, new long[1]),
            () -> NativeBridge.getWriterStatus(handle, new Object[2]),
            () -> NativeBridge.getSnapshotProperties(handle, 0, 0, new long[Rows.SnapshotLongs.COUNT],
                    new String[Rows.SnapshotStrings.COUNT]),
            () -> NativeBridge.backupComplete(handle, 0, new long[1]),
            () -> NativeBridge.abortBackup(handle),
            () -> NativeBridge.query(handle, new Object[2]),
            () -> NativeBridge.deleteSnapshots(handle, 0, 0, 3, false, new long[3]),
            () -> NativeBridge.asyncQueryStatus(handle, new int[1]),
            () -> NativeBridge.asyncCancel(handle),
            () -> NativeBridge.simulatorLiveObjects(handle),
            () -> NativeBridge.simulatorAddVolume(handle, "C:\\", "", true, -1, 0, -1),
            () -> NativeBridge.create(handle, new long[1]));
        for (ThrowingCall call : calls) {
            tried();
            IllegalStateException thrown = assertThrows(IllegalStateException.class, call::run,
                    "handle " + handle);
            assertTrue(thrown.getMessage().contains(Long.toString(handle)), thrown.getMessage());
        }
        // Releasing what does not exist (or no longer does) is a no-op, as close() is.
        tried();
        NativeBridge.release(handle);
        NativeBridge.asyncRelease(handle);
    }

    @Test
    void forgedStaleAndWrongKindHandlesAreIllegalState() throws Exception {
        for (long forged : new long[] {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, 0xDEADBEEFL}) {
            everyNativeCallWith(forged);
        }
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        long[] out = new long[1];
        assertEquals(0, NativeBridge.create(backendOf(vss), out));
        long components = out[0];
        assertEquals(0, NativeBridge.initializeForBackup(components, null));
        assertEquals(0, NativeBridge.gatherWriterMetadata(components, 0, out));
        long async = out[0];
        // One kind's id is never valid as another's.
        tried();
        assertThrows(IllegalStateException.class, () -> NativeBridge.asyncCancel(components));
        tried();
        assertThrows(IllegalStateException.class, () -> NativeBridge.abortBackup(async));
        NativeBridge.asyncRelease(async);
        NativeBridge.release(components);
        everyNativeCallWith(components);
        everyNativeCallWith(async);
    }

    private static long backendOf(Vss vss) throws Exception {
        // The backend handle is internal; reading it here lets the test forge calls that the API never makes.
        java.lang.reflect.Field field = Vss.class.getDeclaredField("backend");
        field.setAccessible(true);
        return ((io.github.vss4j.internal.OwnedHandle) field.get(vss)).live();
    }

    @Test
    void nullAndShortArraysAndStringsStraightIntoTheShim() throws Exception {
        Vss vss = vss(Simulation.withVolumes("C:\\"));
        long[] out = new long[1];
        assertEquals(0, NativeBridge.create(backendOf(vss), out));
        long h = out[0];
        try {
            assertEquals(0, NativeBridge.initializeForBackup(h, null));
            assertEquals(0, NativeBridge.setContext(h, VssContext.FILE_SHARE_BACKUP.value()));
            List<ThrowingCall> calls = List.of(
                () -> NativeBridge.startSnapshotSet(h, null),
                () -> NativeBridge.startSnapshotSet(h, new long[0]),
                () -> NativeBridge.addToSnapshotSet(h, null, 0, 0, new long[2]),
                () -> NativeBridge.addToSnapshotSet(h, "C:\\", 0, 0, null),
                () -> NativeBridge.addToSnapshotSet(h, "C:\\", 0, 0, new long[1]),
                () -> NativeBridge.isVolumeSupported(h, null, 0, 0, new int[1]),
                () -> NativeBridge.isVolumeSupported(h, "C:\\", 0, 0, null),
                () -> NativeBridge.isVolumeSupported(h, "C:\\", 0, 0, new int[0]),
                () -> NativeBridge.getSnapshotProperties(h, 0, 0, null, null),
                () -> NativeBridge.getSnapshotProperties(h, 0, 0, new long[0], new String[0]),
                () -> NativeBridge.query(h, null),
                () -> NativeBridge.query(h, new Object[0]),
                () -> NativeBridge.getWriterMetadata(h, null),
                () -> NativeBridge.getWriterMetadata(h, new Object[2]),
                () -> NativeBridge.addComponent(h, 0, 0, 0, 0, 1, null, null),
                () -> NativeBridge.saveAsXml(h, null),
                () -> NativeBridge.setBackupOptions(h, 0, 0, 1, null, "c", null),
                () -> NativeBridge.setPreviousBackupStamp(h, 0, 0, 1, null, null, "s"),
                () -> NativeBridge.saveAsXml(h, new String[0]),
                () -> NativeBridge.deleteSnapshots(h, 0, 0, 3, false, null),
                () -> NativeBridge.deleteSnapshots(h, 0, 0, 3, false, new long[0]),
                () -> NativeBridge.gatherWriterMetadata(h, 0, null),
                () -> NativeBridge.gatherWriterMetadata(h, 0, new long[0]),
                () -> NativeBridge.simulatorAddVolume(backendOf(vss), null, "", true, -1, 0, -1));
            int index = 0;
            for (ThrowingCall call : calls) {
                tried();
                int at = index++;
                try {
                    call.run();
                    // The shim may also answer with an HRESULT when the state does not allow the call anyway.
                } catch (NullPointerException | IllegalArgumentException | IndexOutOfBoundsException
                        | IllegalStateException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), "call " + at + ": " + e);
                } catch (Exception e) {
                    fail("call " + at + " threw " + e);
                }
            }
        } finally {
            NativeBridge.release(h);
        }
    }

    @Test
    void handlesUsedFromManyThreadsWhileAnotherClosesThem() throws Exception {
        Vss vss = vss(Simulation.builder().volume("C:\\").volume("D:\\")
                .duration(io.github.vss4j.Operation.GATHER_WRITER_METADATA, Duration.ofHours(1)).build());
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 50; round++) {
                BackupComponents backup = vss.createBackupComponents();
                backup.initializeForBackup();
                VssAsync gather = backup.gatherWriterMetadata();
                CountDownLatch go = new CountDownLatch(1);
                AtomicInteger closedSeen = new AtomicInteger();
                List<Future<?>> racers = new ArrayList<>();
                for (int t = 0; t < 5; t++) {
                    int kind = t;
                    racers.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < 20; i++) {
                            tried();
                            try {
                                switch (kind) {
                                    case 0 -> gather.queryStatus();
                                    case 1 -> gather.cancel();
                                    case 2 -> backup.abortBackup();
                                    case 3 -> backup.isVolumeSupported("C:\\");
                                    default -> gather.close();
                                }
                            } catch (IllegalStateException e) {
                                closedSeen.incrementAndGet();
                            } catch (VssException e) {
                                // BAD_STATE and the like: the object's answer, given the race.
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                backup.close();
                for (Future<?> racer : racers) {
                    racer.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                }
                gather.toCompletableFuture().handle((ok, e) -> null).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
                gather.close();
                tried();
                assertThrows(IllegalStateException.class, backup::abortBackup);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
