package io.github.vss4j.internal;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * {@value NativeLibrary#LIBRARY_PATH_PROPERTY}: a library file the user installed, loaded instead of the bundled
 * one. Nothing is extracted, and the bundled library is not a fallback: a wrong path is an error that names the
 * property. Its digest is not checked (there is none to check it against), so the README says to install it where
 * only administrators can write.
 */
final class PreinstalledLibrary {
    private PreinstalledLibrary() {
    }

    /** Loads {@code explicit} through {@code loader}'s System.load; returns the file loaded. */
    static Path load(NativeLoader loader, String explicit) {
        String what = "-D" + NativeLibrary.LIBRARY_PATH_PROPERTY + "=" + explicit;
        Path file;
        try {
            file = Path.of(explicit).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw NativeLoader.failure("vss4j: " + what + " is not a valid path. Fix it, or remove the property to load"
                    + " the library bundled in the jar.", List.of(e));
        }
        if (explicit.isBlank() || !Files.isRegularFile(file)) {
            throw NativeLoader.failure("vss4j: " + what + " names no library file: " + file
                    + (Files.exists(file) ? " is not a regular file." : " does not exist.")
                    + " Nothing was loaded; the bundled library is not used while this property is set. Point it at the"
                    + " installed library file, or remove it to load the library bundled in the jar.", List.of());
        }
        try {
            loader.link(file);
        } catch (UnsatisfiedLinkError e) {
            throw NativeLoader.failure("vss4j: System.load(" + file + ") failed for " + what + ": " + e.getMessage()
                    + ". Check that the file is the vss4j library built for this platform (os.name="
                    + loader.property("os.name") + ", os.arch=" + loader.property("os.arch") + ").", List.of(e));
        }
        LoggerFactory.getLogger(NativeLoader.class).info(
                "vss4j: loaded the pre-installed native library {} ({}), not the one bundled in the jar", file, what);
        return file;
    }
}
