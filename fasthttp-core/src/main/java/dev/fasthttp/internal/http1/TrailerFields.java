package dev.fasthttp.internal.http1;

import java.nio.charset.StandardCharsets;

/**
 * The fields that must not come as trailers (RFC 9110 6.5.1): a trailer arrives after the body,
 * too late for what frames the message (Content-Length, Transfer-Encoding, Trailer, TE,
 * Connection and its kin), routes it (Host), controls it (Expect, Max-Forwards, Range,
 * Cache-Control), authenticates it (Authorization, Cookie and their proxy and response
 * counterparts) or says how to process its content (Content-Type, Content-Encoding,
 * Content-Range). Taking one anyway would let a sender bend a message after a front end checked
 * it, so a request carrying one is refused and a response cannot set one (Go fasthttp refuses
 * nearly the same list).
 */
public final class TrailerFields {

    private static final byte[][] FORBIDDEN = names("Authorization", "Cache-Control", "Connection", "Content-Encoding",
            "Content-Length", "Content-Range", "Content-Type", "Cookie", "Expect", "Host", "Keep-Alive", "Max-Forwards",
            "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "Range", "Set-Cookie", "TE", "Trailer",
            "Transfer-Encoding", "Upgrade", "WWW-Authenticate");

    private TrailerFields() {
    }

    /** Whether the name in {@code b[from, to)} may not be a trailer field; case-insensitive. */
    public static boolean isForbidden(byte[] b, int from, int to) {
        for (byte[] name : FORBIDDEN) {
            if (name.length == to - from && equalsIgnoreCase(name, b, from)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isForbidden(String name) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        return isForbidden(b, 0, b.length);
    }

    private static boolean equalsIgnoreCase(byte[] lower, byte[] b, int from) {
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] != (b[from + i] | 0x20) && !(lower[i] == '-' && b[from + i] == '-')) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] names(String... names) {
        byte[][] lower = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            lower[i] = names[i].toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        }
        return lower;
    }
}
