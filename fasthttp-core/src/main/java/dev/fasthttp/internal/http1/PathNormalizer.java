package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.bytes.Numbers;

/**
 * Turns a raw request path into the path handlers route on: percent-decoded, repeated slashes
 * collapsed, {@code .} and {@code ..} segments resolved (RFC 3986 5.2.4), never climbing above
 * the root.
 *
 * <p>Decoding happens before dot segments are resolved, so {@code /a/%2e%2e/b} becomes
 * {@code /b}: a handler that maps paths to files sees no way out of its root. A malformed
 * escape or an encoded NUL makes the request invalid (400) rather than being passed on.
 */
public final class PathNormalizer {

    private PathNormalizer() {
    }

    /**
     * Appends the normalized form of {@code src[from, to)} to {@code out}.
     *
     * @return false if the path holds a malformed percent-escape or a NUL byte
     */
    public static boolean normalize(byte[] src, int from, int to, ByteBuf out) {
        int base = out.size();
        if (!decode(src, from, to, out)) {
            return false;
        }
        int length = resolveSegments(out.array(), base, out.size());
        out.setSize(base + length);
        return true;
    }

    private static boolean decode(byte[] src, int from, int to, ByteBuf out) {
        out.ensureWritable(to - from + 1);
        byte[] dst = out.array();
        int p = out.size();
        if (from == to || src[from] != '/') {
            dst[p++] = '/';
        }
        for (int i = from; i < to; i++) {
            byte b = src[i];
            if (b == '%') {
                if (i + 2 >= to) {
                    return false;
                }
                int hi = Numbers.hexValue(src[i + 1]);
                int lo = Numbers.hexValue(src[i + 2]);
                if (hi < 0 || lo < 0) {
                    return false;
                }
                b = (byte) (hi << 4 | lo);
                if (b == 0) {
                    return false;
                }
                i += 2;
            }
            dst[p++] = b;
        }
        out.setSize(p);
        return true;
    }

    /**
     * Resolves {@code //}, {@code /./} and {@code /../} in {@code a[from, to)} in place.
     * The input starts with '/'.
     *
     * @return the new length
     */
    static int resolveSegments(byte[] a, int from, int to) {
        int w = from; // write position; a[from, w) is the resolved output
        int r = from;
        while (r < to) {
            // a[r] == '/': look at the segment that follows
            int segStart = r + 1;
            int segEnd = segStart;
            while (segEnd < to && a[segEnd] != '/') {
                segEnd++;
            }
            int segLength = segEnd - segStart;
            boolean last = segEnd == to;
            if (segLength == 0 && !last) {
                // repeated slash: skip
            } else if (segLength == 1 && a[segStart] == '.') {
                if (last) {
                    a[w++] = '/';
                }
            } else if (segLength == 2 && a[segStart] == '.' && a[segStart + 1] == '.') {
                while (w > from && a[w - 1] != '/') {
                    w--;
                }
                if (w > from) {
                    w--; // drop the slash before the removed segment
                }
                if (last) {
                    a[w++] = '/';
                }
            } else {
                a[w++] = '/';
                System.arraycopy(a, segStart, a, w, segLength);
                w += segLength;
            }
            r = segEnd;
        }
        if (w == from) {
            a[w++] = '/';
        }
        return w - from;
    }
}
