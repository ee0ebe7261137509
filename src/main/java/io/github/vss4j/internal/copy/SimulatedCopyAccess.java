package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.NativeBridge;
import io.github.vss4j.internal.OwnedHandle;
import io.github.vss4j.internal.SimulatedMachineImpl;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The simulator's {@link CopyAccess}: a copy's root is the private, read-only folder in which the simulated machine
 * holds the tree of the copy's volume as it was at DoSnapshotSet ({@code SimulatedVolume.backedBy}). Nothing is
 * made at the link, so there is nothing to unmount; the folder goes when the machine frees the copy.
 *
 * <p>How the simulator models a file whose ACL denies the account: a file of the copy without owner-read
 * permission (its source had none at DoSnapshotSet). With backup semantics it opens when the simulated process
 * holds SeBackupPrivilege ({@code Simulation.Builder.backupPrivilege}, the default) and is refused with an
 * {@link AccessDeniedException} naming the file and the privilege when it does not. On a file system without POSIX
 * permissions every file opens.
 */
public final class SimulatedCopyAccess implements CopyAccess {
    // Granting owner-read for one open and putting the mode back, one open at a time: two at once could leave the
    // file readable.
    private static final Object GRANTING = new Object();

    private final OwnedHandle machine;

    /** @param machine the simulated machine's backend handle (the one {@code Vss.simulator} holds) */
    public SimulatedCopyAccess(OwnedHandle machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    /**
     * The folder that holds the copy's tree; {@code link} is not used.
     *
     * @throws IllegalStateException if the machine has no such copy (released, deleted, never made) or the copy's
     *                               volume has no files
     */
    @Override
    public Path mount(String deviceObject, Path link) {
        Objects.requireNonNull(deviceObject, "deviceObject");
        String[] found = new String[2];
        int kind = machine.use(m -> NativeBridge.simulatorCopyFiles(m, deviceObject, found));
        switch (kind) {
            case 2:
                return Path.of(found[1]);
            case 1:
                throw new IllegalStateException("the simulated volume " + found[0] + " has no content: back it with "
                        + "SimulatedVolume.backedBy(folder)");
            default:
                throw new IllegalStateException("the simulated machine has no copy " + deviceObject
                        + ": it was released or deleted, or never made");
        }
    }

    /** Nothing to remove: {@link #mount} made nothing. */
    @Override
    public void unmount(Path link) {
        Objects.requireNonNull(link, "link");
    }

    /**
     * Opens the file read-only, never following a link at its last name (a link of the copy is reported as one,
     * not read through). A file the account may not read (no owner-read permission) opens only when the simulated
     * process holds SeBackupPrivilege.
     */
    @Override
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return open(file);
        }
        Set<PosixFilePermission> mode = view.readAttributes().permissions();
        if (mode.contains(PosixFilePermission.OWNER_READ)) {
            return open(file);
        }
        if (!SimulatedMachineImpl.backupPrivilege(machine)) {
            throw new AccessDeniedException(file.toString(), null, "the file's ACL denies this account, and the "
                    + "simulated process does not hold SeBackupPrivilege, which backup semantics need to read it "
                    + "(Simulation.builder().backupPrivilege(false))");
        }
        synchronized (GRANTING) {
            Set<PosixFilePermission> granted = EnumSet.noneOf(PosixFilePermission.class);
            granted.addAll(mode);
            granted.add(PosixFilePermission.OWNER_READ);
            view.setPermissions(granted);
            try {
                return open(file);
            } finally {
                view.setPermissions(mode);
            }
        }
    }

    private static SeekableByteChannel open(Path file) throws IOException {
        return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    }
}
