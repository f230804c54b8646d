package dev.fasthttp.internal.http1;

import java.io.InputStream;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Hands out bytes in reads of the sizes a function chooses, as a socket delivers a body: one byte
 * at a time, at random, or cut at one place. Counts what it handed out.
 */
public final class SplitInputStream extends InputStream {

    private final byte[] bytes;
    /** From the position, how many bytes the next read may return at most (at least 1). */
    private final IntUnaryOperator readSize;
    private int pos;

    public SplitInputStream(byte[] bytes, IntUnaryOperator readSize) {
        this.bytes = bytes;
        this.readSize = readSize;
    }

    public static SplitInputStream whole(byte[] bytes) {
        return new SplitInputStream(bytes, p -> Integer.MAX_VALUE);
    }

    public static SplitInputStream byteByByte(byte[] bytes) {
        return new SplitInputStream(bytes, p -> 1);
    }

    /** Reads of 1 to {@code max} bytes, chosen by a seeded random. */
    public static SplitInputStream random(byte[] bytes, long seed, int max) {
        Random random = new Random(seed);
        return new SplitInputStream(bytes, p -> 1 + random.nextInt(max));
    }

    /** Two reads at most: up to {@code at}, then the rest. */
    public static SplitInputStream cutAt(byte[] bytes, int at) {
        return new SplitInputStream(bytes, p -> p < at ? at - p : Integer.MAX_VALUE);
    }

    public int position() {
        return pos;
    }

    @Override
    public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == bytes.length) {
            return -1;
        }
        int n = Math.min(Math.min(len, bytes.length - pos), Math.max(1, readSize.applyAsInt(pos)));
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }
}
