package io.github.vss4j.internal.copy;

import io.github.vss4j.internal.OwnedHandle;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.Objects;

/** The simulator's {@link CopyAccess}. Placeholder on the integration branch: the simulator part replaces every body. */
public final class SimulatedCopyAccess implements CopyAccess {
    private final OwnedHandle machine;

    /** @param machine the simulated machine's backend handle (the one {@code Vss.simulator} holds) */
    public SimulatedCopyAccess(OwnedHandle machine) {
        this.machine = Objects.requireNonNull(machine, "machine");
    }

    @Override
    public Path mount(String deviceObject, Path link) throws IOException {
        throw new UnsupportedOperationException("not built yet: reading a simulated copy " + machine);
    }

    @Override
    public void unmount(Path link) throws IOException {
        throw new UnsupportedOperationException("not built yet: reading a simulated copy");
    }

    @Override
    public SeekableByteChannel openForBackup(Path file) throws IOException {
        throw new UnsupportedOperationException("not built yet: reading a simulated copy");
    }
}
