package io.github.vss4j.internal.loader;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.vss4j.Vss;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The tests run against what the build says they run against: this build's classes, or (profile assembled-jar,
 * the release's test jobs) a jar assembled elsewhere. A mistake in the profile would otherwise let a release's
 * tests pass on a fresh build while the jar that ships goes untested.
 */
class TestedArtifactTest {
    /** Every platform the release builds a native for (.github/workflows/release.yml). */
    private static final List<String> RELEASED = List.of("linux_64/libvss4j.so", "linux_arm64/libvss4j.so",
            "osx_64/libvss4j.dylib", "osx_arm64/libvss4j.dylib", "windows_64/vss4j.dll", "windows_arm64/vss4j.dll");

    @Test
    void theLibraryClassesComeFromTheTestedLocation() throws Exception {
        Path expected = Path.of(System.getProperty("vss4j.testedClasses")).toRealPath();
        Path actual = Path.of(Vss.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
        assertEquals(expected, actual, "io.github.vss4j.Vss was loaded from elsewhere than vss4j.testedClasses");
    }

    @Test
    void theLoadedNativeIsTheOneTheTestedLocationCarries() throws Exception {
        NativeLibrary.load();
        Path loaded = NativeLibrary.loadedFile().orElseThrow(() -> new AssertionError("no native library loaded"));
        NativePlatform here = NativePlatform.detect(null);
        try (Tested tested = Tested.open()) {
            Path carried = tested.root().resolve(here.resource());
            assertTrue(Files.isRegularFile(carried), carried + " is not in " + tested.location());
            assertArrayEquals(Files.readAllBytes(carried), Files.readAllBytes(loaded),
                    loaded + " differs from " + here.resource() + " of " + tested.location());
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "vss4j.assembledJar", matches = ".+")
    void anAssembledJarCarriesEveryReleasedPlatformWithItsDigest() throws Exception {
        try (Tested tested = Tested.open()) {
            List<String> missing = new ArrayList<>();
            for (String library : RELEASED) {
                for (String file : List.of(library, library + ".sha256")) {
                    if (!Files.isRegularFile(tested.root().resolve("natives").resolve(file))) {
                        missing.add("natives/" + file);
                    }
                }
            }
            assertEquals(List.of(), missing, tested.location() + " lacks natives");
        }
    }

    /** The tested classes' root: the folder itself, or the inside of the jar. */
    private record Tested(Path location, Path root, FileSystem jar) implements AutoCloseable {
        static Tested open() throws IOException {
            Path location = Path.of(System.getProperty("vss4j.testedClasses"));
            if (Files.isRegularFile(location)) {
                FileSystem jar = FileSystems.newFileSystem(location);
                return new Tested(location, jar.getPath("/"), jar);
            }
            return new Tested(location, location, null);
        }

        @Override
        public void close() throws IOException {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
