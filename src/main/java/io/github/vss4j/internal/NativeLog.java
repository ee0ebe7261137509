package io.github.vss4j.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Native log lines land in SLF4J under the logger {@code io.github.vss4j.native}. */
final class NativeLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.vss4j.native");

    private NativeLog() {
    }

    static void log(int level, String message) {
        switch (level) {
            case 0 -> LOG.error(message);
            case 1 -> LOG.warn(message);
            case 2 -> LOG.info(message);
            case 3 -> LOG.debug(message);
            default -> LOG.trace(message);
        }
    }
}
