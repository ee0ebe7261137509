package io.github.vss4j.internal.request;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One component (or every selectable component) of one writer, as a request names it before the writers answer:
 * the writer by name or class id, the component as {@code LogicalPath\Name} or {@code Name}. Compared as Windows
 * compares them, ignoring case.
 *
 * @param writer      the writer's name or class id, as given
 * @param logicalPath the component's logical path (empty for none); null with {@code name} for "every selectable
 *                    component"
 * @param name        the component's name; null for "every selectable component"
 */
public record ComponentChoice(String writer, String logicalPath, String name) {
    /** The longest writer name or component path taken: far beyond any real one, short enough to print. */
    static final int MAX_LENGTH = 1024;

    /** One named component of {@code writer}. */
    public static ComponentChoice of(String writer, String componentPath) {
        String checkedWriter = checkText("writer name or class id", writer);
        String path = checkText("component", componentPath);
        if (path.startsWith("\\") || path.endsWith("\\") || path.contains("\\\\")) {
            throw new IllegalArgumentException("component \"" + path + "\" of writer " + checkedWriter
                    + " is not LogicalPath\\Name or Name: no empty part, no leading or trailing backslash");
        }
        int split = path.lastIndexOf('\\');
        return new ComponentChoice(checkedWriter, split < 0 ? "" : path.substring(0, split),
                path.substring(split + 1));
    }

    /** Every component of {@code writer} that is selectable for backup. */
    public static ComponentChoice everyComponentOf(String writer) {
        return new ComponentChoice(checkText("writer name or class id", writer), null, null);
    }

    boolean isEveryComponent() {
        return name == null;
    }

    /** The writer's class id when the writer was named by it. */
    Optional<UUID> writerClassId() {
        try {
            return Optional.of(UUID.fromString(writer));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Whether the two name the same writer and component the same way (ignoring case). */
    public boolean sameAs(ComponentChoice other) {
        return writer.equalsIgnoreCase(other.writer) && Objects.equals(lower(logicalPath), lower(other.logicalPath))
                && Objects.equals(lower(name), lower(other.name));
    }

    private static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    /** The component as given: {@code LogicalPath\Name}, {@code Name}, or {@code *} for every component. */
    String componentText() {
        return isEveryComponent() ? "*" : logicalPath.isEmpty() ? name : logicalPath + "\\" + name;
    }

    @Override
    public String toString() {
        return writer + ":" + componentText();
    }

    private static String checkText(String what, String text) {
        Objects.requireNonNull(text, what);
        if (text.isBlank()) {
            throw new IllegalArgumentException("a " + what + " must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a " + what + " of " + text.length() + " characters is longer than the "
                    + MAX_LENGTH + " taken");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the " + what + " \"" + text.replace("\0", "\\0")
                    + "\" contains a NUL character");
        }
        return text;
    }
}
