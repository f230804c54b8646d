package dev.fasthttp.client;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code size} bytes of a fixed pattern, made as they are read: a body of any size that costs no
 * memory, so that a test can tell the client's memory from the body's. Counts its closes.
 */
class PatternStream extends InputStream {

    private final long size;
    private long pos;
    int closes;

    PatternStream(long size) {
        this.size = size;
    }

    static byte at(long i) {
        return (byte) (i * 131 + (i >>> 9));
    }

    @Override
    public int read() {
        return pos == size ? -1 : at(pos++) & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == size) {
            return -1;
        }
        int n = (int) Math.min(len, size - pos);
        for (int i = 0; i < n; i++) {
            b[off + i] = at(pos++);
        }
        return n;
    }

    @Override
    public void close() {
        closes++;
    }

    /** The SHA-256 of the first {@code size} bytes of the pattern, in hex. */
    static String sha256(long size) {
        MessageDigest md = sha256();
        byte[] buf = new byte[64 * 1024];
        PatternStream s = new PatternStream(size);
        int n;
        while ((n = s.read(buf, 0, buf.length)) > 0) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
