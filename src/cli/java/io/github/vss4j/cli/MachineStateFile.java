package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.vss4j.SnapshotProperties;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The persistent copies of a {@code --machine FILE} machine between runs, in {@code FILE.state} beside it, so that
 * {@code create --keep}, {@code list} and {@code delete ID} work in sequence as on Windows. A run holds an exclusive
 * lock on {@code FILE.state.lock} from reading the state until it has written it back, so runs on one machine file
 * take turns instead of overwriting each other; the state is replaced whole (written aside, then moved over).
 */
final class MachineStateFile implements AutoCloseable {
    private static final int FORMAT = 1;
    // A file lock belongs to the whole JVM: runs in one JVM (tests, an embedding program) take turns here first.
    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock local;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<SnapshotProperties> copies;
    private final boolean fresh;

    private MachineStateFile(Path file, ReentrantLock local, FileChannel lockChannel, FileLock lock,
            List<SnapshotProperties> copies, boolean fresh) {
        this.file = file;
        this.local = local;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.copies = copies;
        this.fresh = fresh;
    }

    /** The state file of {@code machineFile}: {@code machine.json} keeps its copies in {@code machine.json.state}. */
    static Path of(Path machineFile) {
        return machineFile.resolveSibling(machineFile.getFileName() + ".state");
    }

    /** Locks the state of {@code machineFile} (waiting for another run that holds it) and reads it. */
    static MachineStateFile open(Path machineFile, PrintStream err) throws CliException {
        Path file = of(machineFile);
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(),
                path -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                err.println("vss4j: waiting for another vss4j run on the simulated machine " + machineFile);
                lock = channel.lock();
            }
            boolean fresh = !Files.exists(file);
            List<SnapshotProperties> copies = fresh ? List.of() : read(file);
            return new MachineStateFile(file, local, channel, lock, copies, fresh);
        } catch (IOException unusable) {
            closeQuietly(channel);
            local.unlock();
            throw new CliException(ExitCode.FAILED, file + ": the simulated machine's state cannot be used: "
                    + unusable.getMessage(), unusable);
        } catch (CliException | RuntimeException bad) {
            closeQuietly(channel);
            local.unlock();
            throw bad;
        }
    }

    /** Whether the machine has no state yet: this run starts it, with the machine file's shadowCopies. */
    boolean fresh() {
        return fresh;
    }

    Path file() {
        return file;
    }

    /** The persistent copies the machine held when the last run ended. */
    List<SnapshotProperties> copies() {
        return copies;
    }

    /** Replaces the state with the persistent copies among {@code existing}. */
    void save(List<SnapshotProperties> existing) throws CliException {
        ObjectNode root = Reports.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("about", "the persistent shadow copies of the simulated machine described in "
                + file.getFileName().toString().replaceFirst("\\.state$", "") + "; delete this file to start it afresh");
        ArrayNode list = root.putArray("copies");
        for (SnapshotProperties copy : existing) {
            if (copy.isPersistent()) {
                list.add(node(copy));
            }
        }
        Path aside = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.writeString(aside, Reports.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
                    StandardCharsets.UTF_8);
            Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failed) {
            throw new CliException(ExitCode.FAILED, file + ": the simulated machine's state could not be written,"
                    + " so this run's changes to its persistent copies are lost: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel releases the lock anyway.
        }
        closeQuietly(lockChannel);
        local.unlock();
    }

    private static ObjectNode node(SnapshotProperties p) {
        ObjectNode node = Reports.JSON.createObjectNode();
        node.put("snapshotId", p.snapshotId().toString());
        node.put("snapshotSetId", p.snapshotSetId().toString());
        node.put("snapshotsCount", p.snapshotsCount());
        node.put("deviceObject", p.snapshotDeviceObject());
        node.put("originalVolumeName", p.originalVolumeName());
        node.put("originatingMachine", p.originatingMachine());
        node.put("serviceMachine", p.serviceMachine());
        node.put("exposedName", p.exposedName());
        node.put("exposedPath", p.exposedPath());
        node.put("providerId", p.providerId().toString());
        node.put("attributes", p.attributeBits());
        node.put("created", p.creationTime().toString());
        node.put("status", p.status());
        return node;
    }

    private static List<SnapshotProperties> read(Path file) throws CliException {
        try {
            JsonNode root = Reports.JSON.readTree(file.toFile());
            if (root == null || root.path("format").asInt() != FORMAT || !root.path("copies").isArray()) {
                throw new IllegalArgumentException("it is not a state file of format " + FORMAT);
            }
            List<SnapshotProperties> copies = new ArrayList<>();
            for (JsonNode c : root.get("copies")) {
                copies.add(new SnapshotProperties(UUID.fromString(text(c, "snapshotId")),
                        UUID.fromString(text(c, "snapshotSetId")), c.path("snapshotsCount").asInt(),
                        text(c, "deviceObject"), text(c, "originalVolumeName"), text(c, "originatingMachine"),
                        text(c, "serviceMachine"), text(c, "exposedName"), text(c, "exposedPath"),
                        UUID.fromString(text(c, "providerId")), c.path("attributes").asInt(),
                        Instant.parse(text(c, "created")), c.path("status").asInt()));
            }
            return List.copyOf(copies);
        } catch (IOException | IllegalArgumentException | DateTimeParseException bad) {
            throw new CliException(ExitCode.USAGE, file + ": cannot be read as the simulated machine's state ("
                    + bad.getMessage() + "); delete it to start the machine afresh", bad);
        }
    }

    private static String text(JsonNode copy, String field) {
        JsonNode value = copy.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("a copy has no text field \"" + field + "\"");
        }
        return value.textValue();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing was written through it.
        }
    }
}
