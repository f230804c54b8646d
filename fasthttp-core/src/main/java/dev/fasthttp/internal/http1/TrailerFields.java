package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;

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

    private static final byte[][] FORBIDDEN = bytes("Authorization", "Cache-Control", "Connection", "Content-Encoding",
            "Content-Length", "Content-Range", "Content-Type", "Cookie", "Expect", "Host", "Keep-Alive", "Max-Forwards",
            "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Connection", "Range", "Set-Cookie", "TE", "Trailer",
            "Transfer-Encoding", "Upgrade", "WWW-Authenticate");

    private TrailerFields() {
    }

    /** Whether the name in {@code b[from, to)} may not be a trailer field; case-insensitive. */
    public static boolean isForbidden(byte[] b, int from, int to) {
        for (byte[] name : FORBIDDEN) {
            if (name.length == to - from && Ascii.equalsIgnoreCase(name, 0, b, from, name.length)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isForbidden(String name) {
        for (byte[] forbidden : FORBIDDEN) {
            if (Ascii.equalsIgnoreCase(forbidden, 0, forbidden.length, name)) {
                return true;
            }
        }
        return false;
    }

    private static byte[][] bytes(String... names) {
        byte[][] bytes = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            bytes[i] = Ascii.bytes(names[i]);
        }
        return bytes;
    }
}
