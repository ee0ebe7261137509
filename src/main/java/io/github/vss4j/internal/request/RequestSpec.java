package io.github.vss4j.internal.request;

import io.github.vss4j.BackupType;
import io.github.vss4j.Phase;
import io.github.vss4j.ProgressListener;
import io.github.vss4j.RetryPlan;
import io.github.vss4j.Scheduler;
import io.github.vss4j.Vss;
import io.github.vss4j.VssContext;
import io.github.vss4j.WriterPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A request's settings, fixed when it is run. {@code components} empty: a volume backup, writers frozen but no
 * component selected; else a component-mode backup of those components.
 */
public record RequestSpec(Vss vss, List<String> volumes, VssContext context, BackupType backupType,
        WriterSelection writers, List<ComponentChoice> components, UUID provider, Map<Phase, Duration> timeouts, Duration deadline,
        Duration cleanupTimeout, WriterPolicy writerPolicy, RetryPlan retryPlan, Scheduler scheduler,
        RandomGenerator jitter, ProgressListener listener) {

    /** Whether components were chosen: SetBackupState(selectComponents = true) and AddComponent for each. */
    boolean componentMode() {
        return !components.isEmpty();
    }
}
