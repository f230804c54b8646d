package dev.fasthttp.internal.bytes;

/** Decoding of application/x-www-form-urlencoded bytes ({@code %XX} escapes, '+' as space). */
public final class Percent {

    private Percent() {
    }

    /**
     * Appends the decoded form of {@code src[from, to)} to {@code out}. A malformed escape is kept
     * literally, as browsers and most servers do for query strings.
     */
    public static void decodeForm(byte[] src, int from, int to, ByteBuf out) {
        out.ensureWritable(to - from);
        byte[] dst = out.array();
        int p = out.size();
        for (int i = from; i < to; i++) {
            byte b = src[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%' && i + 2 < to) {
                int hi = Numbers.hexValue(src[i + 1]);
                int lo = Numbers.hexValue(src[i + 2]);
                if (hi >= 0 && lo >= 0) {
                    b = (byte) (hi << 4 | lo);
                    i += 2;
                }
            }
            dst[p++] = b;
        }
        out.setSize(p);
    }
}
