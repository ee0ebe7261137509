package io.github.vss4j;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** A request's settings, fixed when it is run. */
record RequestSpec(Vss vss, List<String> volumes, VssContext context, BackupType backupType,
        WriterSelection writers, UUID provider, Map<Phase, Duration> timeouts, Duration deadline,
        Duration cleanupTimeout, WriterPolicy writerPolicy, RetryPlan retryPlan, Scheduler scheduler,
        RandomGenerator jitter, ProgressListener listener) {
}
