package dev.fasthttp.samples.showcase;

import java.io.InputStream;

/** {@code length} bytes where byte i is {@code i % 251}: a body of any size that is computed, never stored. */
final class PatternStream extends InputStream {

    private final long length;
    private long position;

    PatternStream(long length) {
        this.length = length;
    }

    @Override
    public int read() {
        return position < length ? (int) (position++ % 251) : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        int value = (int) (position % 251);
        for (int i = 0; i < n; i++) {
            b[off + i] = (byte) value;
            value = value == 250 ? 0 : value + 1;
        }
        position += n;
        return n;
    }
}
