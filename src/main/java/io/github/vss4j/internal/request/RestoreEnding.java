package io.github.vss4j.internal.request;

import io.github.vss4j.BackupComponents;
import io.github.vss4j.FileRestoreStatus;
import io.github.vss4j.RestoreComponent;
import io.github.vss4j.RestoreRequest;
import io.github.vss4j.VssAsync;
import io.github.vss4j.VssError;
import io.github.vss4j.VssException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end every restore that ran PreRestore needs, whether it finished or not: each writer told how the copy of its
 * components went (SetFileRestoreStatus), then PostRestore, so that the writers leave their restore state.
 */
final class RestoreEnding {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRequest.class);

    private RestoreEnding() {
    }

    /**
     * SetFileRestoreStatus for each component; a call that fails is logged and reported, never thrown.
     *
     * @return each component with whether its writer was told
     */
    static Map<RestoreComponent, Boolean> tell(BackupComponents backup, List<RestoreComponent> components,
            Function<RestoreComponent, FileRestoreStatus> status, Progress progress) {
        Map<RestoreComponent, Boolean> told = new LinkedHashMap<>();
        Map<FileRestoreStatus, List<RestoreComponent>> byStatus = new LinkedHashMap<>();
        List<RestoreComponent> untold = new ArrayList<>();
        for (RestoreComponent c : components) {
            FileRestoreStatus s = status.apply(c);
            int hresult = 0;
            try {
                backup.setFileRestoreStatus(c.writerId(), c.type(), c.logicalPath(), c.name(), s);
                byStatus.computeIfAbsent(s, k -> new ArrayList<>()).add(c);
            } catch (VssException | RuntimeException refused) {
                hresult = refused instanceof VssException vss ? vss.hresult() : VssError.E_UNEXPECTED.hresult();
                untold.add(c);
            }
            told.put(c, hresult == 0);
            progress.restoreStatusTold(c, s, hresult);
        }
        progress.restoreStatusesTold(byStatus.getOrDefault(FileRestoreStatus.ALL, List.of()),
                byStatus.getOrDefault(FileRestoreStatus.FAILED, List.of()),
                byStatus.getOrDefault(FileRestoreStatus.NONE, List.of()), untold);
        return told;
    }

    /**
     * PostRestore on the way out of a restore that did not finish: waits at most {@code bound}, ignoring the
     * request's cancellation (clean-up must end); a failure is logged.
     *
     * @return false if the thread was interrupted meanwhile (its flag is cleared; the caller sets it again)
     */
    static boolean postRestoreQuietly(BackupComponents backup, Waits waits, Duration bound) {
        VssAsync operation = null;
        boolean notInterrupted = true;
        try {
            operation = backup.postRestore();
            notInterrupted = waits.awaitEndQuietly(operation, bound);
            Thread.interrupted();
            if (operation.toCompletableFuture().isDone()) {
                operation.await();
            } else {
                LOG.warn("PostRestore gave no answer within {} during clean-up; cancelling it.", bound);
                operation.cancel();
            }
        } catch (VssException | RuntimeException failed) {
            LOG.warn("PostRestore failed during clean-up; the writers may stay in their restore state until the"
                    + " next backup or restore: {}", failed.getMessage());
        } catch (InterruptedException cannotHappen) {
            notInterrupted = false;
        } finally {
            if (operation != null) {
                operation.close();
            }
        }
        return notInterrupted;
    }
}
