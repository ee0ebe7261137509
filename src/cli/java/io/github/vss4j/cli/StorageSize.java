package io.github.vss4j.cli;

import io.github.vss4j.ShadowStorage;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code --max} value as {@code vssadmin resize shadowstorage /MaxSize=} takes it: bytes with an optional KB, MB,
 * GB, TB, PB or EB suffix (powers of 1024), {@code NN%} of a volume's size, or {@code UNBOUNDED}.
 */
record StorageSize(long bytes, int percent) {
    private static final Pattern AMOUNT = Pattern.compile("(\\d+)\\s*([KMGTPE]B)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})%");
    private static final Map<String, Integer> SHIFTS = Map.of("KB", 10, "MB", 20, "GB", 30, "TB", 40, "PB", 50,
            "EB", 60);

    static StorageSize parse(String text) throws CliException {
        String value = text.trim();
        if (value.equalsIgnoreCase("UNBOUNDED")) {
            return new StorageSize(ShadowStorage.UNBOUNDED, -1);
        }
        Matcher percent = PERCENT.matcher(value);
        if (percent.matches()) {
            int share = Integer.parseInt(percent.group(1));
            if (share < 1 || share > 100) {
                throw CliException.usage("--max " + text + ": a share of the volume is 1% to 100%");
            }
            return new StorageSize(0, share);
        }
        Matcher amount = AMOUNT.matcher(value);
        if (!amount.matches()) {
            throw CliException.usage("--max " + text + " is no size: give bytes (e.g. 10GB, 500MB, 400000000), "
                    + "a share of the volume (e.g. 15%) or UNBOUNDED");
        }
        String unit = amount.group(2) == null ? null : amount.group(2).toUpperCase(Locale.ROOT);
        int shift = unit == null ? 0 : SHIFTS.get(unit);
        try {
            long number = Long.parseLong(amount.group(1));
            if (number > (Long.MAX_VALUE >> shift)) {
                throw new NumberFormatException();
            }
            return new StorageSize(number << shift, -1);
        } catch (NumberFormatException tooLarge) {
            throw CliException.usage("--max " + text + " is more bytes than a volume can have");
        }
    }

    boolean isPercent() {
        return percent > 0;
    }

    /** The byte count, a percentage taken of {@code volumeBytes}. */
    long of(long volumeBytes) {
        return isPercent() ? volumeBytes / 100 * percent : bytes;
    }

    static String show(long bytes) {
        if (bytes == ShadowStorage.UNBOUNDED) {
            return "UNBOUNDED";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.2f %s", value, units[unit]);
    }
}
