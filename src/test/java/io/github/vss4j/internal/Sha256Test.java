package io.github.vss4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader's SHA-256 gives the standard's answers and the JDK's, for any length and however it is fed. */
class Sha256Test {
    private final Random random = new Random(20261125);

    @TempDir
    Path tmp;

    private static String jdk(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Test
    void theStandardsExamples() {
        // FIPS 180-2, appendix B: one block, two blocks, a million "a"; and the empty message.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex(ascii("abc")));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                Sha256.hex(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")));
        byte[] million = new byte[1_000_000];
        Arrays.fill(million, (byte) 'a');
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Sha256.hex(million));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void everyLengthAcrossThePaddingBoundariesMatchesTheJdk() throws NoSuchAlgorithmException {
        // 55/56 and 63/64 bytes in the last block decide whether the length needs a block of its own.
        for (int length = 0; length <= 300; length++) {
            byte[] bytes = randomBytes(length);
            assertEquals(jdk(bytes), Sha256.hex(bytes), "length " + length);
        }
    }

    @Test
    void dataFedInPiecesGivesTheSameDigest() throws NoSuchAlgorithmException {
        byte[] bytes = randomBytes(1000);
        String expected = jdk(bytes);
        for (int piece = 1; piece <= 130; piece++) {
            Sha256 sha = new Sha256();
            for (int offset = 0; offset < bytes.length; offset += piece) {
                sha.update(bytes, offset, Math.min(piece, bytes.length - offset));
            }
            assertEquals(expected, HexFormat.of().formatHex(sha.digest()), "pieces of " + piece);
        }
        Sha256 uneven = new Sha256();
        int offset = 0;
        while (offset < bytes.length) {
            int n = Math.min(random.nextInt(200), bytes.length - offset);
            uneven.update(bytes, offset, n);
            offset += n;
        }
        assertEquals(expected, HexFormat.of().formatHex(uneven.digest()), "random pieces, empty ones included");
    }

    @Test
    void largeInputsAndFilesMatchTheJdk() throws IOException, NoSuchAlgorithmException {
        // Larger than the file buffer and not a multiple of it or of the block size, like a real library.
        byte[] bytes = randomBytes(3 * 64 * 1024 + 12345);
        Path file = Files.write(tmp.resolve("library"), bytes);
        assertEquals(jdk(bytes), Sha256.hex(bytes));
        assertEquals(jdk(bytes), Sha256.hex(file));
        assertEquals(jdk(new byte[0]), Sha256.hex(Files.write(tmp.resolve("empty"), new byte[0])));
    }

    @Test
    void everySingleBitChangesTheDigest() throws NoSuchAlgorithmException {
        byte[] bytes = randomBytes(200);
        String original = Sha256.hex(bytes);
        for (int bit = 0; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
            String changed = Sha256.hex(bytes);
            assertNotEquals(original, changed, "bit " + bit);
            assertEquals(jdk(bytes), changed, "bit " + bit);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
    }
}
