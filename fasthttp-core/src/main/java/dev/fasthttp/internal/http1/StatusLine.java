package dev.fasthttp.internal.http1;

import dev.fasthttp.http.Status;
import dev.fasthttp.internal.bytes.ByteBuf;
import java.nio.charset.StandardCharsets;

/** Pre-encoded {@code HTTP/1.1 <code> <reason>\r\n} lines, built once for every code from 100 to 599. */
public final class StatusLine {

    private static final byte[][] LINES = new byte[600][];

    static {
        for (int code = 100; code < 600; code++) {
            String reason = Status.reason(code);
            LINES[code] = ("HTTP/1.1 " + code + " " + reason + "\r\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    private StatusLine() {
    }

    /** Appends the status line for {@code code} (any three-digit code). */
    public static void append(ByteBuf out, int code) {
        if (code >= 100 && code < 600) {
            out.append(LINES[code]);
        } else {
            out.appendLatin1("HTTP/1.1 ").appendDecimal(code).appendLatin1(" \r\n");
        }
    }

    /** Whether a response with this status carries no body (RFC 9110 6.4.1). */
    public static boolean forbidsBody(int code) {
        return code < 200 || code == 204 || code == 304;
    }
}
