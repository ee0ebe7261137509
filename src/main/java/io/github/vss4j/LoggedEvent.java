package io.github.vss4j;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the Windows event log, as the Event Viewer shows it: what VSS, volsnap, a provider or a writer's
 * service wrote about a failure. {@link VssException#events()} carries those of the minutes around a failure; the
 * doctor shows the recent ones.
 *
 * @param channel the log it was read from, {@code Application} or {@code System}
 * @param source  the provider that wrote it, e.g. {@code VSS} or {@code volsnap}
 * @param eventId the event id, without qualifiers, e.g. 8193
 * @param level   its level
 * @param time    when it was written
 * @param message its text; empty when the provider's message file is missing on this machine
 */
public record LoggedEvent(String channel, String source, int eventId, Level level, Instant time, String message)
        implements Serializable {

    /** An event's level, as Windows numbers them. */
    public enum Level {
        /** 0: LogAlways, written whatever level a reader asks for. */
        LOG_ALWAYS(0),
        CRITICAL(1),
        ERROR(2),
        WARNING(3),
        INFORMATION(4),
        VERBOSE(5);

        private final int value;

        Level(int value) {
            this.value = value;
        }

        /** The number Windows gives the level. */
        public int value() {
            return value;
        }

        /** The level numbered {@code value}; a number outside 0..5 (a provider's own level) is VERBOSE. */
        public static Level of(int value) {
            for (Level level : values()) {
                if (level.value == value) {
                    return level;
                }
            }
            return VERBOSE;
        }
    }

    public LoggedEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(message, "message");
    }

    /** One line for logs and exception messages: time, level, source, id and the message's first line. */
    @Override
    public String toString() {
        String text = message.strip();
        int end = text.indexOf('\n');
        String firstLine = (end < 0 ? text : text.substring(0, end)).strip();
        return time + " " + level + " " + source + " " + eventId + (firstLine.isEmpty() ? "" : ": " + firstLine);
    }
}
