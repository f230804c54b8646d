package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;

/**
 * Reads the {@code ; name=value} parameters of a header value in place (RFC 9110 5.6.6, with the
 * whitespace around {@code =} that RFC 6266 lets Content-Disposition have): a value is a token or
 * a quoted-string. Reused: {@link #reset} points it at the next value.
 *
 * <p>In a quoted-string, a backslash escapes only {@code "} and {@code \}; before any other byte
 * it is a byte of the value. Where the string ends is the same as under RFC 9110's quoted-pair
 * (any {@code \x} pair is skipped as a whole), but a Windows path that a browser sends as is
 * ({@code filename="C:\Temp\a.txt"}: browsers do not escape backslashes) keeps its backslashes,
 * as Go's mime package keeps them.
 */
final class HeaderParams {

    private byte[] b;
    private int pos;
    private int end;

    int nameStart;
    int nameEnd;
    int valueStart;
    int valueEnd;
    boolean quoted;
    /** The quoted value holds {@code \"} or {@code \\}: see {@link #unescapeValue}. */
    boolean escaped;

    void reset(byte[] bytes, int from, int to) {
        b = bytes;
        pos = from;
        end = to;
    }

    boolean nameIs(String name) {
        return Ascii.equalsIgnoreCase(b, nameStart, nameEnd - nameStart, name);
    }

    /** @return 1 when a parameter was read into the fields, 0 at the end, -1 when the rest is malformed */
    int next() {
        while (true) {
            skipWhitespace();
            if (pos == end) {
                return 0;
            }
            if (b[pos] != ';') {
                return -1;
            }
            pos++;
            skipWhitespace();
            if (pos == end) {
                return 0;
            }
            if (b[pos] != ';') {
                break; // else an empty parameter, which RFC 9110 allows
            }
        }
        nameStart = pos;
        pos = tokenEnd(pos);
        nameEnd = pos;
        skipWhitespace();
        if (nameEnd == nameStart || pos == end || b[pos] != '=') {
            return -1;
        }
        pos++;
        skipWhitespace();
        quoted = pos < end && b[pos] == '"';
        escaped = false;
        if (!quoted) {
            valueStart = pos;
            pos = tokenEnd(pos);
            valueEnd = pos;
            return valueEnd > valueStart ? 1 : -1;
        }
        valueStart = ++pos;
        while (pos < end && b[pos] != '"') {
            if (b[pos] == '\\' && pos + 1 < end && (b[pos + 1] == '"' || b[pos + 1] == '\\')) {
                escaped = true;
                pos++;
            }
            pos++;
        }
        if (pos == end) {
            return -1; // no closing quote
        }
        valueEnd = pos++;
        return 1;
    }

    /** Appends the current quoted value to {@code out} with its {@code \"} and {@code \\} pairs undone. */
    void unescapeValue(ByteBuf out) {
        for (int i = valueStart; i < valueEnd; i++) {
            byte c = b[i];
            if (c == '\\' && i + 1 < valueEnd && (b[i + 1] == '"' || b[i + 1] == '\\')) {
                c = b[++i];
            }
            out.append(c);
        }
    }

    private int tokenEnd(int from) {
        int i = from;
        while (i < end && Ascii.isToken(b[i])) {
            i++;
        }
        return i;
    }

    private void skipWhitespace() {
        while (pos < end && Ascii.isWhitespace(b[pos])) {
            pos++;
        }
    }
}
