package dev.fasthttp.internal.bytes;

/** UTF-8 comparisons and checks against bytes in place. */
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

    /**
     * True if {@code a[from, to)} is well-formed UTF-8 (RFC 3629): no overlong forms, no
     * surrogates, nothing above U+10FFFF, no sequence cut short.
     */
    public static boolean isValid(byte[] a, int from, int to) {
        int i = from;
        while (i < to) {
            int b = a[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int more;
            if (b >= 0xC2 && b <= 0xDF) {
                more = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                more = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                more = 3;
            } else {
                return false;
            }
            if (to - i <= more) {
                return false;
            }
            int second = a[i + 1] & 0xFF;
            if ((b == 0xE0 && second < 0xA0) || (b == 0xED && second > 0x9F)
                    || (b == 0xF0 && second < 0x90) || (b == 0xF4 && second > 0x8F)) {
                return false; // overlong, a surrogate, or past U+10FFFF
            }
            for (int k = 1; k <= more; k++) {
                if ((a[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += more + 1;
        }
        return true;
    }
}
