import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Build step (pom: {@code record-native-digests}, phase process-classes, after the natives are built or copied):
 * writes the SHA-256 of every bundled native beside it, {@code natives/<platform>/<file>.sha256}, the digest in
 * hex: what the loader checks the library against before {@code System.load}, and what a user can check a release
 * against. Run as a single-file program: {@code java RecordNativeDigests.java <natives dir>}.
 */
public final class RecordNativeDigests {
    private RecordNativeDigests() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RecordNativeDigests <natives dir>");
        }
        Path natives = Path.of(args[0]);
        for (Path library : libraries(natives)) {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(library)));
            Files.writeString(library.resolveSibling(library.getFileName() + ".sha256"), digest + "\n");
            System.out.println("[vss4j] SHA-256 " + digest + " natives/" + natives.relativize(library).toString().replace('\\', '/'));
        }
    }

    /** {@code <platform>/<file>} for every library file directly in a platform folder, in a stable order. */
    private static List<Path> libraries(Path natives) throws IOException {
        if (!Files.isDirectory(natives)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(natives, 2)) {
            return all.filter(p -> p.getNameCount() == natives.getNameCount() + 2 && Files.isRegularFile(p))
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(so|dll|dylib|jnilib)"))
                    .sorted()
                    .toList();
        }
    }
}
