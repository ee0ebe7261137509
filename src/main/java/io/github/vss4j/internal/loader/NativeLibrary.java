package io.github.vss4j.internal.loader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The loader's entry point: loads the vss4j shim once per class loader; what it checks: the package comment. */
public final class NativeLibrary {
    /** An explicit, pre-installed library file to load instead of the bundled one. */
    public static final String LIBRARY_PATH_PROPERTY = "vss4j.library.path";
    /** The directory to extract the bundled library into (for example when the temp directory is noexec). */
    public static final String EXTRACT_DIR_PROPERTY = "vss4j.extract.dir";
    /** A platform folder name (e.g. {@code linux_64}) to use instead of the detected one. */
    public static final String PLATFORM_PROPERTY = "vss4j.platform";

    private static final Object LOCK = new Object();
    /** Set once; the mark that its folder is in use stays in {@link FolderLocks} until the JVM exits. */
    private static volatile Path loaded;

    private NativeLibrary() {
    }

    /** Loads the shim unless it is loaded already; throws {@link UnsatisfiedLinkError} saying why not. */
    public static void load() {
        synchronized (LOCK) {
            if (loaded == null) {
                loaded = new NativeLoader(version(), null).load();
            }
        }
    }

    /** Throws {@link UnsupportedOperationException} in a 32-bit JVM on Windows, saying what to run instead. */
    public static void checkRequester() {
        String why = NativePlatform.why32BitWindows(System.getProperty(PLATFORM_PROPERTY), System.getProperty("os.name"),
                System.getProperty("os.arch"), System.getProperty("sun.arch.data.model"));
        if (why != null) {
            throw new UnsupportedOperationException(why);
        }
    }

    /** The file the shim was loaded from, once {@link #load()} has succeeded. */
    public static Optional<Path> loadedFile() {
        return Optional.ofNullable(loaded);
    }

    /**
     * {@code <base>/<name>}: an owner-only folder in the per-user base the library is extracted to, created and
     * checked by the extraction folder's rules (the first base not refused; else an {@link IOException} with every
     * refusal). {@code name}: {@code [A-Za-z0-9._-]}, at most 64 characters, not starting with a dot and unlike a
     * library folder's name, so the loader never removes it; else {@link IllegalArgumentException}.
     */
    public static Path privateFolder(String name) throws IOException {
        return new NativeLoader(version(), null).privateFolder(name);
    }

    /**
     * {@code <folder>/<child>}, created owner-only and marked in use until this process ends, a crash included, so
     * that no {@link #unusedSubFolders} lists it meanwhile; {@code folder} from {@link #privateFolder}. Name a child
     * after this process alone (two processes may not share one), by the rule for {@code name} above.
     */
    public static Path claimSubFolder(Path folder, String child) throws IOException {
        return FolderLocks.claim(new OwnerOnly(null), folder, NativeLoader.checkedName(child));
    }

    /**
     * The real directories in {@code folder} that no process has claimed or still holds: those of ended processes,
     * for the caller to empty and delete. Links, junctions and files are never listed; nothing is deleted here.
     */
    public static List<Path> unusedSubFolders(Path folder) throws IOException {
        return FolderLocks.unused(folder);
    }

    /** The manifest's version (class path), else pom.properties' (a named module), else "dev" (no jar). */
    static String version() {
        String version = NativeLibrary.class.getPackage().getImplementationVersion();
        Properties pom = new Properties();
        try (InputStream in = version != null ? null
                : NativeLibrary.class.getResourceAsStream("/META-INF/maven/io.github.vss4j/vss4j/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            // the version only names the extraction directory; the digest beside it is what matters
        }
        return version != null ? version : pom.getProperty("version", "dev");
    }
}
