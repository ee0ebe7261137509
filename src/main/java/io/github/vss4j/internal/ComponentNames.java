package io.github.vss4j.internal;

import io.github.vss4j.ComponentType;
import java.util.Objects;
import java.util.UUID;

/**
 * The rules vss4j applies to a component's logical path and name before they reach VSS, so that bad input is an
 * {@link IllegalArgumentException} naming the value and the rule rather than a VSS error or a truncated string.
 * VSS puts no limit on the characters of a logical path; a NUL would cut the C string short, and text past
 * Windows' longest path is no component any writer declares.
 */
public final class ComponentNames {
    /** The longest logical path or component name accepted, in UTF-16 units (Windows' longest path). */
    public static final int MAX_LENGTH = 32_767;

    private ComponentNames() {
    }

    /** {@code null} and empty both mean "no logical path", which crosses to VSS as NULL. */
    public static String logicalPath(String logicalPath) {
        if (logicalPath == null || logicalPath.isEmpty()) {
            return null;
        }
        check("logical path", logicalPath);
        return logicalPath;
    }

    public static String componentName(String componentName) {
        Objects.requireNonNull(componentName, "componentName");
        if (componentName.isEmpty()) {
            throw new IllegalArgumentException("the component name is empty: every component has a name");
        }
        check("component name", componentName);
        return componentName;
    }

    /** Options and backup stamps: any text VSS can take (no NUL, not past the limit). */
    public static String text(String what, String text) {
        Objects.requireNonNull(text, what);
        check(what, text);
        return text;
    }

    public static void checkType(ComponentType type) {
        Objects.requireNonNull(type, "type");
        if (type == ComponentType.UNDEFINED) {
            throw new IllegalArgumentException("component type UNDEFINED names no component: use DATABASE or"
                    + " FILE_GROUP, as the writer's metadata says");
        }
    }

    /**
     * A component as a call names it, checked: the writer class, then the logical path, the name and the type, each
     * by the rules above.
     *
     * @param path        the logical path, null for none
     * @param name        the component name
     * @param description which component of which writer, for error messages
     */
    public record Key(String path, String name, String description) {
    }

    /** Checks a writer class and component as {@link Key} says. */
    public static Key key(UUID writerId, ComponentType type, String logicalPath, String componentName) {
        Objects.requireNonNull(writerId, "writerId");
        String path = logicalPath(logicalPath);
        String name = componentName(componentName);
        checkType(type);
        return new Key(path, name, describe(writerId, path, name));
    }

    /** For error messages: which component of which writer. */
    public static String describe(UUID writerId, String logicalPath, String name) {
        String where = logicalPath == null ? "" : printable(logicalPath) + "\\";
        return "component " + where + printable(name) + " of writer " + writerId;
    }

    private static void check(String what, String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the " + what + " is " + text.length() + " characters long, more than"
                    + " the " + MAX_LENGTH + " vss4j accepts: " + printable(text));
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new IllegalArgumentException("the " + what + " " + printable(text) + " contains a NUL character"
                    + " (at " + nul + "), which VSS cannot take");
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return "'" + shown.replace("\0", "\\0") + "'";
    }
}
