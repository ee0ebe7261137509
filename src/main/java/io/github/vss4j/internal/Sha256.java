package io.github.vss4j.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * SHA-256 as FIPS 180-4 defines it, for checking the natives against the digests recorded at build time. One
 * instance hashes one message: {@link #update} the bytes, then {@link #digest()} once.
 *
 * <p>Why not {@code MessageDigest}: the loader hashes the library on every load, usually first thing in a fresh
 * JVM, where the JDK's digest costs far more than the load itself should. Its first lookup initialises the
 * security provider framework, and its implementation stays interpreted for most of the first pass over a library
 * (its fast path needs C2). This class has no
 * such set-up and is small enough for C1 to compile within the first few hundred blocks.
 *
 * <p>Why it is as safe as the JDK's here: SHA-256 is a fixed public function, and no secret goes through it, so
 * timing does not matter; all that matters is that it computes the same digest, which {@code Sha256Test} checks
 * against the standard's examples and against the JDK's {@code MessageDigest} (every length across the padding
 * boundaries, data fed in pieces of every size, large random inputs). The recorded digests themselves are written
 * by the build with the JDK's implementation, so a wrong result here could only make loading fail, loudly.
 */
final class Sha256 {
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
    private static final int BLOCK = 64;
    private static final int FILE_BUFFER = 64 * 1024;

    private final int[] state = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    private final int[] schedule = new int[64];
    /** The working variables a to h while a block is compressed. */
    private final int[] working = new int[8];
    /** A block not yet complete; {@code buffered} bytes of it are filled. */
    private final byte[] pending = new byte[BLOCK];
    private int buffered;
    private long length;

    /** The lower-case hex digest of {@code bytes}. */
    static String hex(byte[] bytes) {
        Sha256 sha = new Sha256();
        sha.update(bytes, 0, bytes.length);
        return toHex(sha.digest());
    }

    /**
     * The lower-case hex digest of the file's contents, read in pieces. A plain {@code FileInputStream}: NIO's
     * channel streams cost a fresh JVM several milliseconds more to set up, for nothing that matters here.
     */
    static String hex(Path file) throws IOException {
        Sha256 sha = new Sha256();
        byte[] buffer = new byte[FILE_BUFFER];
        try (InputStream in = new FileInputStream(file.toFile())) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
        }
        return toHex(sha.digest());
    }

    /** Lower-case hex, by hand: {@code HexFormat} would be one more class for a fresh JVM to load. */
    private static String toHex(byte[] digest) {
        StringBuilder hex = new StringBuilder(2 * digest.length);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    void update(byte[] bytes, int offset, int count) {
        length += count;
        if (buffered > 0) {
            int n = Math.min(count, BLOCK - buffered);
            System.arraycopy(bytes, offset, pending, buffered, n);
            buffered += n;
            offset += n;
            count -= n;
            if (buffered < BLOCK) {
                return;
            }
            compress(pending, 0);
            buffered = 0;
        }
        for (; count >= BLOCK; offset += BLOCK, count -= BLOCK) {
            compress(bytes, offset);
        }
        System.arraycopy(bytes, offset, pending, 0, count);
        buffered = count;
    }

    /** The 32-byte digest of everything passed to {@link #update}; the instance is used up. */
    byte[] digest() {
        long bits = length * 8;
        pending[buffered++] = (byte) 0x80;
        if (buffered > BLOCK - 8) {
            Arrays.fill(pending, buffered, BLOCK, (byte) 0);
            compress(pending, 0);
            buffered = 0;
        }
        Arrays.fill(pending, buffered, BLOCK - 8, (byte) 0);
        for (int i = 0; i < 8; i++) {
            pending[BLOCK - 8 + i] = (byte) (bits >>> (56 - 8 * i));
        }
        compress(pending, 0);
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (state[i] >>> 24);
            out[4 * i + 1] = (byte) (state[i] >>> 16);
            out[4 * i + 2] = (byte) (state[i] >>> 8);
            out[4 * i + 3] = (byte) state[i];
        }
        return out;
    }

    /**
     * One 64-byte block (FIPS 180-4, 6.2.2), in small methods without loops of their own ({@link #eightRounds},
     * {@link #expandEight}): in a fresh JVM the first blocks run interpreted until the JIT compiles what is hot, and
     * a method called eight times a block reaches that point sooner, and is quicker to compile, than one long loop.
     * Rotations are written out so that nothing is called per round.
     */
    private void compress(byte[] bytes, int offset) {
        int[] w = schedule;
        for (int t = 0; t < 16; t++, offset += 4) {
            w[t] = (bytes[offset] << 24) | ((bytes[offset + 1] & 0xff) << 16) | ((bytes[offset + 2] & 0xff) << 8)
                    | (bytes[offset + 3] & 0xff);
        }
        for (int t = 16; t < 64; t += 8) {
            expandEight(w, t);
        }
        System.arraycopy(state, 0, working, 0, 8);
        for (int t = 0; t < 64; t += 8) {
            eightRounds(w, t);
        }
        for (int i = 0; i < 8; i++) {
            state[i] += working[i];
        }
    }

    /** Message schedule words {@code from} to {@code from + 7}. */
    private static void expandEight(int[] w, int from) {
        for (int t = from; t < from + 8; t++) {
            int x = w[t - 2];
            int y = w[t - 15];
            int sigma1 = ((x >>> 17) | (x << 15)) ^ ((x >>> 19) | (x << 13)) ^ (x >>> 10);
            int sigma0 = ((y >>> 7) | (y << 25)) ^ ((y >>> 18) | (y << 14)) ^ (y >>> 3);
            w[t] = sigma1 + w[t - 7] + sigma0 + w[t - 16];
        }
    }

    /**
     * Rounds {@code t} to {@code t + 7} on the working variables. Round t: T1 = h + Sigma1(e) + Ch(e,f,g) + K[t] +
     * W[t]; d += T1; h = T1 + Sigma0(a) + Maj(a,b,c); the next round reads (h,a,b,c,d,e,f,g) as its (a,...,h), so
     * the roles rotate in the text instead of the values moving from variable to variable, and after eight rounds
     * they are back in place.
     */
    private void eightRounds(int[] w, int t) {
        int[] v = working;
        int a = v[0];
        int b = v[1];
        int c = v[2];
        int d = v[3];
        int e = v[4];
        int f = v[5];
        int g = v[6];
        int h = v[7];
        h += ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        h += ((e & f) ^ (~e & g)) + K[t + 0] + w[t + 0];
        d += h;
        h += ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        h += (a & b) ^ (a & c) ^ (b & c);
        g += ((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7));
        g += ((d & e) ^ (~d & f)) + K[t + 1] + w[t + 1];
        c += g;
        g += ((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10));
        g += (h & a) ^ (h & b) ^ (a & b);
        f += ((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7));
        f += ((c & d) ^ (~c & e)) + K[t + 2] + w[t + 2];
        b += f;
        f += ((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10));
        f += (g & h) ^ (g & a) ^ (h & a);
        e += ((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7));
        e += ((b & c) ^ (~b & d)) + K[t + 3] + w[t + 3];
        a += e;
        e += ((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10));
        e += (f & g) ^ (f & h) ^ (g & h);
        d += ((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7));
        d += ((a & b) ^ (~a & c)) + K[t + 4] + w[t + 4];
        h += d;
        d += ((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10));
        d += (e & f) ^ (e & g) ^ (f & g);
        c += ((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7));
        c += ((h & a) ^ (~h & b)) + K[t + 5] + w[t + 5];
        g += c;
        c += ((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10));
        c += (d & e) ^ (d & f) ^ (e & f);
        b += ((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7));
        b += ((g & h) ^ (~g & a)) + K[t + 6] + w[t + 6];
        f += b;
        b += ((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10));
        b += (c & d) ^ (c & e) ^ (d & e);
        a += ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
        a += ((f & g) ^ (~f & h)) + K[t + 7] + w[t + 7];
        e += a;
        a += ((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10));
        a += (b & c) ^ (b & d) ^ (c & d);
        v[0] = a;
        v[1] = b;
        v[2] = c;
        v[3] = d;
        v[4] = e;
        v[5] = f;
        v[6] = g;
        v[7] = h;
    }
}
