package io.github.vss4j.internal;

import io.github.vss4j.internal.copy.TreeRemoval;
import io.github.vss4j.internal.loader.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * Where simulated machines keep their copies' files: {@code <private folder>/simulated-copies/process-<pid>/
 * machine-<n>/HarddiskVolumeShadowCopy<N>}, owner-only. The process folder is claimed for this process's lifetime;
 * each new machine with files removes the folders of processes that ended without removing theirs (a killed JVM),
 * never following a link.
 */
final class SimulatedCopyFolders {
    private static final String BASE = "simulated-copies";
    private static final AtomicLong MACHINES = new AtomicLong();
    private static Path claimed;

    private SimulatedCopyFolders() {
    }

    /** A new, empty folder for one machine's copies; the native machine removes it when it ends. */
    static Path newMachineFolder() throws IOException {
        return Files.createDirectory(processFolder().resolve("machine-" + MACHINES.incrementAndGet()));
    }

    private static synchronized Path processFolder() throws IOException {
        Path base = NativeLibrary.privateFolder(BASE);
        TreeRemoval.removeOrphans(base, "the simulated shadow copies");
        if (claimed == null) {
            Path folder = NativeLibrary.claimSubFolder(base, "process-" + ProcessHandle.current().pid());
            // Machines still reachable at exit never end (no cleaner runs then): their copies go with the process.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeAtExit(folder), "vss4j-simulated-copies"));
            claimed = folder;
        }
        return claimed;
    }

    private static void removeAtExit(Path folder) {
        try {
            TreeRemoval.remove(folder);
        } catch (IOException | RuntimeException e) {
            // The next machine with files of this user removes it as an ended process's folder.
            LoggerFactory.getLogger(SimulatedCopyFolders.class).debug(
                    "vss4j: the simulated copies in {} are left for the next start to remove: {}", folder, e.toString());
        }
    }
}
