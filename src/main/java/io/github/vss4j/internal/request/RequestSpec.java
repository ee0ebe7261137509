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

/** A request's settings, fixed when it is run. */
public record RequestSpec(Vss vss, List<String> volumes, VssContext context, BackupType backupType,
        WriterSelection writers, UUID provider, Map<Phase, Duration> timeouts, Duration deadline,
        Duration cleanupTimeout, WriterPolicy writerPolicy, RetryPlan retryPlan, Scheduler scheduler,
        RandomGenerator jitter, ProgressListener listener) {
}
