package io.github.vss4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the shadow storage of a failed set's volumes holds, in words for a VSS_E_INSUFFICIENT_STORAGE exception.
 * Read within a bound; a read that fails or takes too long leaves the original error as it was.
 */
final class StorageDiagnosis {
    static final Duration BOUND = Duration.ofSeconds(5);

    private StorageDiagnosis() {
    }

    static Optional<String> describe(Vss vss, List<String> volumes) {
        CompletableFuture<Optional<String>> read = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                read.complete(Optional.of(text(vss, volumes)));
            } catch (VssException | RuntimeException unreadable) {
                read.complete(Optional.empty());
            }
        }, "vss4j-storage-diagnosis");
        reader.setDaemon(true);
        reader.start();
        try {
            return read.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException notInTime) {
            return Optional.empty();
        }
    }

    private static String text(Vss vss, List<String> volumes) throws VssException {
        List<String> parts = new ArrayList<>();
        for (String volume : volumes) {
            for (ShadowStorage s : vss.shadowStorage(volume)) {
                // VSS names both by their volume GUID paths; the name the request used is the one people know.
                String on = s.diffAreaVolume().equalsIgnoreCase(s.volume()) ? volume : s.diffAreaVolume();
                parts.add(volume + " (storage on " + on + ") uses " + bytes(s.usedBytes())
                        + " of " + (s.isUnbounded() ? "an unbounded maximum" : bytes(s.maximumBytes()) + " maximum")
                        + ", " + bytes(s.allocatedBytes()) + " allocated");
            }
        }
        return "shadow storage: " + String.join("; ", parts);
    }

    private static String bytes(long count) {
        return count < 1024 * 1024 ? count + " bytes"
                : String.format(Locale.ROOT, "%.1f MB (%d bytes)", count / (1024.0 * 1024.0), count);
    }
}
