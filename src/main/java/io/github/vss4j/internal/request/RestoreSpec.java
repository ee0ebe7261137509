package io.github.vss4j.internal.request;

import io.github.vss4j.Phase;
import io.github.vss4j.ProgressListener;
import io.github.vss4j.RestoreType;
import io.github.vss4j.Scheduler;
import io.github.vss4j.Vss;
import io.github.vss4j.WriterPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A restore request's settings, fixed when it is prepared. {@code choices} empty: every component the Backup
 * Components Document holds.
 */
public record RestoreSpec(Vss vss, String document, List<RestoreChoice> choices, RestoreType restoreType,
        Map<Phase, Duration> timeouts, Duration deadline, Duration cleanupTimeout, WriterPolicy writerPolicy,
        Scheduler scheduler, ProgressListener listener) {
}
