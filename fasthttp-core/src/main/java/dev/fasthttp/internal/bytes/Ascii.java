package dev.fasthttp.internal.bytes;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * ASCII byte classes and comparisons that work on arrays in place, without decoding to
 * {@code String}.
 */
public final class Ascii {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    // RFC 9110 5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    //                        "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    private static final boolean[] TOKEN = alphanumericOr("!#$%&'*+-.^_`|~");
    private static final boolean[] FIELD_VALUE = new boolean[256];
    private static final byte[] LOWER = new byte[256];

    static {
        // RFC 9110 5.5: field-value bytes are VCHAR, SP, HTAB and obs-text (0x80-0xFF).
        // Every other control byte, NUL, CR and LF included, is refused.
        for (int c = 0x20; c < 0x7F; c++) FIELD_VALUE[c] = true;
        for (int c = 0x80; c <= 0xFF; c++) FIELD_VALUE[c] = true;
        FIELD_VALUE['\t'] = true;
        for (int c = 0; c < 256; c++) {
            LOWER[c] = (byte) (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
        }
    }

    private Ascii() {
    }

    /** A byte class for a lookup table: digits, letters and {@code others}, which are ASCII. */
    public static boolean[] alphanumericOr(String others) {
        boolean[] table = new boolean[256];
        for (int c = '0'; c <= '9'; c++) table[c] = true;
        for (int c = 'a'; c <= 'z'; c++) table[c] = true;
        for (int c = 'A'; c <= 'Z'; c++) table[c] = true;
        for (char c : others.toCharArray()) table[c] = true;
        return table;
    }

    /** True for the bytes allowed in a method or header name (RFC 9110 tchar). */
    public static boolean isToken(byte b) {
        return TOKEN[b & 0xFF];
    }

    /** True for the bytes allowed inside a header field value. */
    public static boolean isFieldValue(byte b) {
        return FIELD_VALUE[b & 0xFF];
    }

    public static byte toLower(byte b) {
        return LOWER[b & 0xFF];
    }

    public static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    public static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    /**
     * Index of the first control byte (below 0x20, or DEL) in {@code a[from, to)}, or {@code to}.
     *
     * <p>Looks at eight bytes per step: a head is mostly printable text between a few CRLFs, and
     * this search is what the scanner and parser spend their time on. The word tests are the
     * classic "has a byte less than n" / "has a zero byte" bit tricks; they can only flag a byte
     * wrongly above a byte that truly matches, so the lowest flagged byte is the first match.
     */
    public static int indexOfControl(byte[] a, int from, int to) {
        int i = from;
        for (; i <= to - 8; i += 8) {
            long x = (long) LONGS.get(a, i);
            long below = (x - 0x20 * ONES) & ~x & HIGH_BITS;
            long del = x ^ (0x7F * ONES);
            long dels = (del - ONES) & ~del & HIGH_BITS;
            long found = below | dels;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            int b = a[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                return i;
            }
        }
        return to;
    }

    public static boolean equals(byte[] a, int off, int len, CharSequence text) {
        if (len != text.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if ((a[off + i] & 0xFF) != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean equalsIgnoreCase(byte[] a, int off, int len, CharSequence text) {
        if (len != text.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (c > 0xFF || LOWER[a[off + i] & 0xFF] != LOWER[c]) {
                return false;
            }
        }
        return true;
    }

    public static boolean equalsIgnoreCase(byte[] a, int aOff, byte[] b, int bOff, int len) {
        for (int i = 0; i < len; i++) {
            if (LOWER[a[aOff + i] & 0xFF] != LOWER[b[bOff + i] & 0xFF]) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII bytes of {@code text}; for constants built once. */
    public static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
