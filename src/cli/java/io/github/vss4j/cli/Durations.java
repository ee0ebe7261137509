package io.github.vss4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations as operators write them: {@code 90s}, {@code 5m}, {@code 1h}, {@code 250ms}, {@code PT5M}. */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)?");

    private Durations() {
    }

    /**
     * The duration {@code text} stands for: ISO-8601, a number with a unit (ms, s, m, h), or a bare number of
     * milliseconds.
     *
     * @throws IllegalArgumentException naming the value and the accepted forms
     */
    static Duration parse(String text) {
        String trimmed = text.trim();
        Matcher matcher = SHORT.matcher(trimmed.toLowerCase(Locale.ROOT));
        Duration duration;
        try {
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
                duration = switch (unit) {
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofMillis(amount);
                };
            } else {
                duration = Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a duration: write e.g. 90s, 5m, 1h, 250ms,"
                    + " PT5M or a number of milliseconds");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("\"" + text + "\" is negative: a duration must not be");
        }
        return duration;
    }
}
