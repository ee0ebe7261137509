package io.github.vss4j.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as operators write them: {@code 90s}, {@code 5m}, {@code 1h}, {@code 250ms}, {@code PT5M}. A
 * number too large for a Duration (e.g. {@code 99999999999999999999h}) is the longest Duration: "no limit", as the
 * library reads any duration past about 292 years.
 */
final class Durations {
    private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h)?");
    private static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

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
                duration = withUnit(matcher.group(1), matcher.group(2) == null ? "ms" : matcher.group(2));
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

    // The digits are all digits, so a number that does not fit is merely large: it saturates.
    private static Duration withUnit(String digits, String unit) {
        try {
            long amount = Long.parseLong(digits);
            return switch (unit) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMillis(amount);
            };
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return LONGEST;
        }
    }
}
