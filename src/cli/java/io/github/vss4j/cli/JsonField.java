package io.github.vss4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A value of the machine file with where it sits ({@code faults[0].error}), so that every complaint names the
 * field and the value.
 */
final class JsonField {
    private final String file;
    private final String path;
    private final JsonNode node;

    JsonField(String file, String path, JsonNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    JsonNode node() {
        return node;
    }

    String path() {
        return path;
    }

    /** A complaint about this field, naming the file, the field and its value. */
    CliException invalid(String why) {
        return CliException.usage(file + ": " + (path.isEmpty() ? "" : path + ": ") + shown() + " " + why);
    }

    private String shown() {
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    /** The fields of this object; anything not in {@code known} is refused, so that typos do not pass unseen. */
    JsonField object(Set<String> known) throws CliException {
        if (!node.isObject()) {
            throw invalid("is not an object; expected one with the fields " + new TreeSet<>(known));
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw CliException.usage(file + ": " + child(name) + ": unknown field; known here: "
                        + new TreeSet<>(known));
            }
        }
        return this;
    }

    Optional<JsonField> get(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty()
                : Optional.of(new JsonField(file, child(name), value));
    }

    JsonField require(String name) throws CliException {
        Optional<JsonField> value = get(name);
        if (value.isEmpty()) {
            throw missing(name, "it is required here");
        }
        return value.get();
    }

    /** A complaint that this object lacks the field {@code name}. */
    CliException missing(String name, String why) {
        return CliException.usage(file + ": " + child(name) + ": missing; " + why);
    }

    List<JsonField> array() throws CliException {
        if (!node.isArray()) {
            throw invalid("is not an array");
        }
        List<JsonField> items = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            items.add(new JsonField(file, path + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    String text() throws CliException {
        if (!node.isTextual()) {
            throw invalid("is not a string");
        }
        return node.textValue();
    }

    boolean bool() throws CliException {
        if (!node.isBoolean()) {
            throw invalid("is not true or false");
        }
        return node.booleanValue();
    }

    long integer(long min) throws CliException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw invalid("is not a whole number");
        }
        long value = node.longValue();
        if (value < min) {
            throw invalid("is too small: the least allowed is " + min);
        }
        return value;
    }

    int intValue(int min) throws CliException {
        long value = integer(min);
        if (value > Integer.MAX_VALUE) {
            throw invalid("is too large: the most allowed is " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private String child(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
