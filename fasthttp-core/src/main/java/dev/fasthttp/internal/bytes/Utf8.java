package dev.fasthttp.internal.bytes;

/** UTF-8 comparisons against bytes in place. */
public final class Utf8 {

    private Utf8() {
    }

    /** True if {@code a[off, off + len)} is exactly the UTF-8 encoding of {@code text}. */
    public static boolean contentEquals(byte[] a, int off, int len, CharSequence text) {
        int n = text.length();
        int p = off;
        int end = off + len;
        for (int i = 0; i < n; i++) {
            int c = text.charAt(i);
            if (c < 0x80) {
                if (p >= end || a[p++] != c) return false;
                continue;
            }
            if (Character.isHighSurrogate((char) c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            }
            int bytes = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            if (end - p < bytes) return false;
            int lead = switch (bytes) {
                case 2 -> 0xC0 | (c >> 6);
                case 3 -> 0xE0 | (c >> 12);
                default -> 0xF0 | (c >> 18);
            };
            if ((a[p++] & 0xFF) != lead) return false;
            for (int shift = (bytes - 2) * 6; shift >= 0; shift -= 6) {
                if ((a[p++] & 0xFF) != (0x80 | ((c >> shift) & 0x3F))) return false;
            }
        }
        return p == end;
    }
}
