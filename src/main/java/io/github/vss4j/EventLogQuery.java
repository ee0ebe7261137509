package io.github.vss4j;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which Windows event-log entries {@link Vss#events(EventLogQuery)} reads: those of some sources (providers, e.g.
 * {@code VSS}, {@code volsnap}) in the Application and System logs, written in a time window, up to a level, newest
 * first, at most a count, read within a time bound. Immutable: each {@code with...} method returns a new query.
 *
 * <pre>{@code
 * List<LoggedEvent> recent = vss.events(EventLogQuery.of("VSS", "volsnap").since(Duration.ofHours(24)));
 * }</pre>
 *
 * <p>Defaults: the last hour, errors and criticals ({@link LoggedEvent.Level#ERROR}), at most 20 entries, read
 * within 2 seconds.
 */
public final class EventLogQuery {
    /** The most sources one query names. */
    public static final int MAX_SOURCES = 32;
    /** The most entries one query answers. */
    public static final int MAX_COUNT = 1000;
    /** The longest a read may take. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);
    /** The sources VSS failures concern: VSS itself, the volsnap driver and the system provider's service. */
    public static final List<String> VSS_SOURCES = List.of("VSS", "volsnap", "swprv");

    private final List<String> sources;
    private final Instant from;
    private final Instant to;
    private final LoggedEvent.Level maxLevel;
    private final int maxCount;
    private final Duration timeout;

    private EventLogQuery(List<String> sources, Instant from, Instant to, LoggedEvent.Level maxLevel, int maxCount,
            Duration timeout) {
        this.sources = sources;
        this.from = from;
        this.to = to;
        this.maxLevel = maxLevel;
        this.maxCount = maxCount;
        this.timeout = timeout;
    }

    /**
     * A query of the entries of {@code sources}, with the defaults above.
     *
     * @param sources provider names as the Event Viewer shows them ("Source"), 1 to {@value #MAX_SOURCES}, each 1
     *                to 255 letters, digits, spaces, '.', '_' or '-', e.g. {@code VSS}, {@code vss4j-test}
     * @throws IllegalArgumentException naming a source that breaks the rule, or when there are none or too many
     */
    public static EventLogQuery of(String... sources) {
        Objects.requireNonNull(sources, "sources");
        return of(List.of(sources.clone()));
    }

    /** {@link #of(String...)} with a list. */
    public static EventLogQuery of(List<String> sources) {
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty() || sources.size() > MAX_SOURCES) {
            throw new IllegalArgumentException("an event-log query names 1 to " + MAX_SOURCES + " sources, was "
                    + sources.size());
        }
        List<String> checked = new ArrayList<>();
        for (String source : sources) {
            checked.add(checkSource(source));
        }
        Instant now = Instant.now();
        return new EventLogQuery(List.copyOf(checked), now.minus(Duration.ofHours(1)), now,
                LoggedEvent.Level.ERROR, 20, Duration.ofSeconds(2));
    }

    private static String checkSource(String source) {
        Objects.requireNonNull(source, "source");
        boolean plain = !source.isEmpty() && source.length() <= 255;
        for (int i = 0; plain && i < source.length(); i++) {
            char c = source.charAt(i);
            plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '
                    || c == '.' || c == '_' || c == '-';
        }
        if (!plain) {
            String shown = source.length() > 80 ? source.substring(0, 80) + "... (" + source.length() + " chars)"
                    : source;
            throw new IllegalArgumentException("event source \"" + shown + "\" must be 1 to 255 letters, digits,"
                    + " spaces, '.', '_' or '-'");
        }
        return source;
    }

    /** The entries written from {@code window} ago until now. */
    public EventLogQuery since(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("an event window must be positive, was " + window);
        }
        Instant now = Instant.now();
        Instant start = window.compareTo(Duration.between(Instant.EPOCH, now)) >= 0 ? Instant.EPOCH
                : now.minus(window);
        return new EventLogQuery(sources, start, now, maxLevel, maxCount, timeout);
    }

    /**
     * The entries written from {@code from} to {@code to}, both included.
     *
     * @throws IllegalArgumentException when {@code from} is before 1970 or after {@code to}
     */
    public EventLogQuery between(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isBefore(Instant.EPOCH) || to.isBefore(from)) {
            throw new IllegalArgumentException("an event window must satisfy 1970-01-01T00:00:00Z <= from <= to, was "
                    + from + " to " + to);
        }
        return new EventLogQuery(sources, from, to, maxLevel, maxCount, timeout);
    }

    /**
     * Entries of this level or more severe ({@link LoggedEvent.Level#CRITICAL} is the most severe); from
     * {@link LoggedEvent.Level#INFORMATION} on, LogAlways entries are included too.
     *
     * @throws IllegalArgumentException for {@link LoggedEvent.Level#LOG_ALWAYS}, which is no bound
     */
    public EventLogQuery maxLevel(LoggedEvent.Level level) {
        Objects.requireNonNull(level, "level");
        if (level == LoggedEvent.Level.LOG_ALWAYS) {
            throw new IllegalArgumentException("the most verbose level to read must be CRITICAL to VERBOSE, was "
                    + level);
        }
        return new EventLogQuery(sources, from, to, level, maxCount, timeout);
    }

    /** At most {@code count} entries, the newest; 1 to {@value #MAX_COUNT}. */
    public EventLogQuery maxCount(int count) {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("event count must be 1 to " + MAX_COUNT + ", was " + count);
        }
        return new EventLogQuery(sources, from, to, maxLevel, count, timeout);
    }

    /** How long the read may take; what was read by then is the answer. More than 0, at most 60 s. */
    public EventLogQuery timeout(Duration bound) {
        Objects.requireNonNull(bound, "bound");
        if (bound.isNegative() || bound.isZero() || bound.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("event read timeout must be more than 0 and at most " + MAX_TIMEOUT
                    + ", was " + bound);
        }
        return new EventLogQuery(sources, from, to, maxLevel, maxCount, bound);
    }

    public List<String> sources() {
        return sources;
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    public LoggedEvent.Level maxLevel() {
        return maxLevel;
    }

    public int maxCount() {
        return maxCount;
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public String toString() {
        return "events of " + String.join(", ", sources) + " from " + from + " to " + to + ", up to " + maxLevel
                + ", at most " + maxCount;
    }
}
