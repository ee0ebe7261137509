package io.github.vss4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.Operation;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The C++ headers the shim was compiled with say what Java says: the operations in Operation's order with their VSS
 * names, and every cell of {@link Rows} at the same index. (InputValidationTest asks the built shim for its
 * operation names too.)
 */
class GeneratedTablesTest {
    private static final Path HEADERS = Path.of(System.getProperty("vss4j.generatedHeaders",
            "target/generated-sources/native"), "generated");

    @Test
    void operationsHeaderListsJavasOperationsInOrder() throws IOException {
        String header = Files.readString(HEADERS.resolve("operations.h"), StandardCharsets.UTF_8);
        List<String> numbered = all(Pattern.compile("^  (\\w+) = (\\d+),$", Pattern.MULTILINE), header, 1, 2);
        List<String> names = all(Pattern.compile("^    \"(\\w+)\",$", Pattern.MULTILINE), header, 1, 1);
        List<String> wantNumbered = new ArrayList<>();
        List<String> wantNames = new ArrayList<>();
        for (Operation operation : Operation.values()) {
            StringBuilder cpp = new StringBuilder();
            for (String word : operation.name().split("_")) {
                cpp.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
            wantNumbered.add(cpp + "=" + operation.ordinal());
            wantNames.add(operation.vssName() + "=" + operation.vssName());
        }
        assertEquals(wantNumbered, numbered);
        assertEquals(wantNames, names);
    }

    @Test
    void rowsHeaderNumbersEveryCellAsJavasRows() throws IOException, IllegalAccessException {
        String header = Files.readString(HEADERS.resolve("rows.h"), StandardCharsets.UTF_8);
        Map<String, Integer> cpp = new LinkedHashMap<>();
        Matcher struct = Pattern.compile("struct (\\w+) \\{(.*?)\\};", Pattern.DOTALL).matcher(header);
        while (struct.find()) {
            Matcher cell = Pattern.compile("static constexpr int k(\\w+) = (\\d+);").matcher(struct.group(2));
            while (cell.find()) {
                cpp.put(struct.group(1) + "." + cell.group(1).replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                        .toUpperCase(java.util.Locale.ROOT), Integer.parseInt(cell.group(2)));
            }
        }
        Map<String, Integer> java = new LinkedHashMap<>();
        for (Class<?> row : Rows.class.getDeclaredClasses()) {
            for (Field field : row.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                    java.put(row.getSimpleName() + "." + field.getName(), field.getInt(null));
                }
            }
        }
        assertFalse(java.isEmpty(), "Rows has no cells");
        assertTrue(java.containsKey("SnapshotLongs.COUNT"), java.toString());
        assertEquals(new java.util.TreeMap<>(java), new java.util.TreeMap<>(cpp));
    }

    private static List<String> all(Pattern pattern, String text, int key, int value) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(key) + "=" + m.group(value));
        }
        return found;
    }
}
