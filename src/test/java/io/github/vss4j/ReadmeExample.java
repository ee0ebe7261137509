package io.github.vss4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The README's examples that run as tests: each stands in a test's source between two marker comments. */
public final class ReadmeExample {
    private static final Pattern MARKED = Pattern.compile(
            "^( *)// README example begins\n(.*?)^ *// README example ends", Pattern.MULTILINE | Pattern.DOTALL);

    private ReadmeExample() {
    }

    /** README.md and every docs/*.md after it, in name order: the examples moved from the README into docs/. */
    public static String readme() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : documents()) {
            all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
        }
        return all.toString();
    }

    /** README.md, then docs/*.md in name order. */
    public static List<Path> documents() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /**
     * The lines between {@code // README example begins} and {@code // README example ends} in {@code source} (a
     * path from the project's folder), less the markers' indentation, each ending with a newline.
     */
    public static String in(String source) throws IOException {
        Matcher marked = MARKED.matcher(Files.readString(Path.of(source), StandardCharsets.UTF_8));
        if (!marked.find()) {
            throw new IllegalStateException(source + " has no \"// README example begins\" ... \"ends\" markers");
        }
        int indent = marked.group(1).length();
        return marked.group(2).lines().map(line -> line.length() >= indent ? line.substring(indent) : line.strip())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
