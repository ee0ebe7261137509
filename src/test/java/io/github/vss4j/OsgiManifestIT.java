package io.github.vss4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The built jar's OSGi headers (written by hand in the pom) against what the jar holds. */
class OsgiManifestIT {
    private static final Pattern OSGI_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+(\\.[A-Za-z0-9_-]+)?");
    private static final List<String> PLATFORMS =
            List.of("windows_64", "windows_arm64", "linux_64", "linux_arm64", "osx_64", "osx_arm64");
    private static Path jar;
    private static Attributes manifest;
    private static Set<String> entries;

    @BeforeAll
    static void readJar() throws Exception {
        jar = Path.of(System.getProperty("vss4j.testJar"));
        assertTrue(Files.isRegularFile(jar), jar + " exists (failsafe runs after package)");
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest().getMainAttributes();
            entries = file.stream().map(JarEntry::getName).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void isABundleWithAValidVersion() {
        assertEquals("2", manifest.getValue("Bundle-ManifestVersion"));
        assertEquals("io.github.vss4j", manifest.getValue("Bundle-SymbolicName"));
        String version = manifest.getValue("Bundle-Version");
        assertTrue(version != null && OSGI_VERSION.matcher(version).matches(), "an OSGi version: " + version);
    }

    @Test
    void exportsThePackagesTheModuleExportsAndNoOther() {
        Set<String> exported = clauses("Export-Package").stream().map(c -> c.split(";")[0])
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> moduleExports = ModuleFinder.of(jar).findAll().iterator().next().descriptor().exports().stream()
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(moduleExports, exported, "the bundle exports what module-info exports");
        assertEquals(Set.of("io.github.vss4j", "io.github.vss4j.simulator"), exported);
        for (String clause : clauses("Export-Package")) {
            assertTrue(clause.contains("version=\"" + manifest.getValue("Bundle-Version") + "\""), clause);
        }
        for (String pkg : exported) {
            String folder = pkg.replace('.', '/') + "/";
            assertTrue(entries.stream().anyMatch(e -> e.startsWith(folder) && e.endsWith(".class")
                    && e.indexOf('/', folder.length()) < 0), "the jar holds " + pkg);
        }
    }

    @Test
    void importsSlf4j17Or2AndJfrOptionally() {
        List<String> imports = clauses("Import-Package");
        assertTrue(imports.contains("org.slf4j;version=\"[1.7,3)\""), imports::toString);
        assertTrue(imports.contains("jdk.jfr;resolution:=optional"), imports::toString);
    }

    @Test
    void namesEveryPlatformAndEveryNativeTheJarCarries() {
        List<String> clauses = clauses("Bundle-NativeCode");
        assertEquals("*", clauses.get(clauses.size() - 1), "optional: a framework on another platform resolves it");
        Set<String> named = clauses.stream().map(c -> c.split(";")[0]).collect(Collectors.toSet());
        for (String platform : PLATFORMS) {
            assertTrue(named.stream().anyMatch(p -> p.startsWith("natives/" + platform + "/")), platform);
        }
        List<String> carried = entries.stream().filter(e -> e.startsWith("natives/"))
                .filter(e -> e.endsWith(".so") || e.endsWith(".dll") || e.endsWith(".dylib"))
                .collect(Collectors.toList());
        assertTrue(carried.contains("natives/linux_64/libvss4j.so") || !isLinuxX64(), carried::toString);
        for (String library : carried) {
            assertTrue(named.contains(library), "Bundle-NativeCode names " + library + ": " + named);
        }
    }

    private static boolean isLinuxX64() {
        return System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64");
    }

    /** A header's clauses, split at the commas outside quotes. */
    private static List<String> clauses(String header) {
        String value = manifest.getValue(header);
        assertTrue(value != null, header + " is in the manifest");
        List<String> clauses = new ArrayList<>();
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                clauses.add(clause.toString().trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        clauses.add(clause.toString().trim());
        return Collections.unmodifiableList(clauses);
    }
}
