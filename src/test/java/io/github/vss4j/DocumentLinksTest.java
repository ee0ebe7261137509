package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link of README.md and docs/*.md leads somewhere: the file exists, and an anchor ({@code #...})
 * names a heading of that file as GitHub makes its anchors. Links to the web are not followed.
 */
class DocumentLinksTest {
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
    private static final Pattern FENCE = Pattern.compile("(?ms)^```.*?^```\\s*$");

    @Test
    void everyRelativeLinkOfTheDocumentsLeadsSomewhere() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : ReadmeExample.documents()) {
            broken.addAll(brokenLinks(document));
        }
        assertEquals(List.of(), broken, "broken links in README.md or docs/");
    }

    @Test
    void aMissingFileAndAMissingAnchorAreReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.md"), "# Other page\n\n## A section\n", StandardCharsets.UTF_8);
        Path page = Files.writeString(dir.resolve("page.md"), String.join("\n", "# Page", "",
                "[fine](other.md#a-section) [fine too](#page) [web](https://example.com/x)",
                "[gone](missing.md) [no such heading](other.md#b-section) [nor here](#nowhere)",
                "```", "[in a code block](ignored.md)", "```", ""), StandardCharsets.UTF_8);
        assertEquals(List.of(page + ": missing.md (no such file)",
                page + ": other.md#b-section (no heading \"b-section\" in other.md)",
                page + ": #nowhere (no heading \"nowhere\" in page.md)"), brokenLinks(page));
    }

    private static List<String> brokenLinks(Path document) throws IOException {
        String text = FENCE.matcher(Files.readString(document, StandardCharsets.UTF_8)).replaceAll("");
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                continue;  // https:, mailto: ...
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? document : document.resolveSibling(file).normalize();
            if (!Files.exists(resolved)) {
                broken.add(document + ": " + target + " (no such file)");
            } else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
                broken.add(document + ": " + target + " (no heading \"" + target.substring(hash + 1) + "\" in "
                        + resolved.getFileName() + ")");
            }
        }
        return broken;
    }

    /** GitHub's anchors: the heading in lower case, without punctuation, spaces as hyphens. */
    private static Set<String> anchors(Path file) throws IOException {
        Set<String> anchors = new HashSet<>();
        if (Files.isDirectory(file)) {
            return anchors;
        }
        String text = FENCE.matcher(Files.readString(file, StandardCharsets.UTF_8)).replaceAll("");
        Matcher heading = HEADING.matcher(text);
        while (heading.find()) {
            String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-');
            String unique = slug;
            for (int n = 1; !anchors.add(unique); n++) {
                unique = slug + "-" + n;
            }
        }
        return anchors;
    }
}
