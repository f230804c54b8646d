package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.bytes.Numbers;
import dev.fasthttp.internal.bytes.Utf8;

/**
 * Reads a part's {@code Content-Disposition: form-data; name="..."; filename="..."} (RFC 7578
 * 4.2, with RFC 6266's grammar) into the part's entry.
 *
 * <p>{@code name} is required. {@code filename} makes the part a file, even when empty (a
 * browser's file input with no file chosen). {@code filename*} (RFC 8187: a charset, UTF-8 or
 * ISO-8859-1, a language, then percent-encoded bytes) wins over {@code filename} when both
 * came, as RFC 6266 4.3 says; RFC 7578 4.2 forbids senders to use it, but some do. A parameter
 * sent twice is refused: which one counts is where two readers could disagree. Values are kept
 * as sent, escapes aside: a filename is a string from the client, never decoded as a path.
 */
final class FormDataDisposition {

    private FormDataDisposition() {
    }

    /** @return null when the part's entry is filled, else why not */
    static MultipartError read(byte[] b, int from, int to, HeaderParams params, MultipartParts parts, int part) {
        int typeEnd = from;
        while (typeEnd < to && Ascii.isToken(b[typeEnd])) {
            typeEnd++;
        }
        if (typeEnd == from) {
            return MultipartError.BAD_DISPOSITION;
        }
        if (!Ascii.equalsIgnoreCase(b, from, typeEnd - from, "form-data")) {
            return MultipartError.NOT_FORM_DATA_DISPOSITION;
        }
        boolean name = false;
        boolean filename = false;
        boolean extFilename = false;
        params.reset(b, typeEnd, to);
        int r;
        while ((r = params.next()) > 0) {
            if (params.nameIs("name")) {
                if (name) {
                    return MultipartError.BAD_DISPOSITION;
                }
                name = true;
                ByteBuf arena = parts.arena();
                int start = arena.size();
                if (params.escaped) {
                    params.unescapeValue(arena);
                    parts.setName(part, start, arena.size(), true);
                } else {
                    parts.setName(part, params.valueStart, params.valueEnd, false);
                }
            } else if (params.nameIs("filename")) {
                if (filename) {
                    return MultipartError.BAD_DISPOSITION;
                }
                filename = true;
                if (!extFilename) {
                    setFilename(params, parts, part);
                }
            } else if (params.nameIs("filename*")) {
                if (extFilename) {
                    return MultipartError.BAD_DISPOSITION;
                }
                extFilename = true;
                ByteBuf arena = parts.arena();
                int start = arena.size();
                if (params.quoted || !decodeExtValue(b, params.valueStart, params.valueEnd, arena)) {
                    return MultipartError.BAD_EXT_FILENAME;
                }
                parts.setFilename(part, start, arena.size(), true);
            }
        }
        if (r < 0) {
            return MultipartError.BAD_DISPOSITION;
        }
        return name ? null : MultipartError.NO_NAME;
    }

    private static void setFilename(HeaderParams params, MultipartParts parts, int part) {
        if (params.escaped) {
            ByteBuf arena = parts.arena();
            int start = arena.size();
            params.unescapeValue(arena);
            parts.setFilename(part, start, arena.size(), true);
        } else {
            parts.setFilename(part, params.valueStart, params.valueEnd, false);
        }
    }

    /**
     * Appends the UTF-8 of an RFC 8187 ext-value ({@code charset'language'value-chars}) to
     * {@code out}; false if it is malformed, its charset is neither UTF-8 nor ISO-8859-1, or its
     * UTF-8 is not well-formed. The caller ignores what was appended when false.
     */
    static boolean decodeExtValue(byte[] b, int from, int to, ByteBuf out) {
        int charsetEnd = indexOf(b, from, to, (byte) '\'');
        int languageEnd = charsetEnd < 0 ? -1 : indexOf(b, charsetEnd + 1, to, (byte) '\'');
        if (languageEnd < 0) {
            return false;
        }
        boolean utf8 = Ascii.equalsIgnoreCase(b, from, charsetEnd - from, "UTF-8");
        if (!utf8 && !Ascii.equalsIgnoreCase(b, from, charsetEnd - from, "ISO-8859-1")) {
            return false;
        }
        int start = out.size();
        for (int i = languageEnd + 1; i < to; i++) {
            int c = b[i] & 0xFF;
            if (c == '%') {
                int hi = i + 2 < to ? Numbers.hexValue(b[i + 1]) : -1;
                int lo = i + 2 < to ? Numbers.hexValue(b[i + 2]) : -1;
                if (hi < 0 || lo < 0) {
                    return false;
                }
                c = hi << 4 | lo;
                i += 2;
            } else if (!isAttrChar(c)) {
                return false;
            }
            if (utf8 || c < 0x80) {
                out.append((byte) c);
            } else { // ISO-8859-1 is the first 256 code points: two bytes of UTF-8 each above ASCII
                out.append((byte) (0xC0 | c >> 6)).append((byte) (0x80 | c & 0x3F));
            }
        }
        return !utf8 || Utf8.isValid(out.array(), start, out.size());
    }

    /** RFC 8187 attr-char: a token byte other than {@code *}, {@code '} and {@code %}. */
    private static boolean isAttrChar(int c) {
        return c < 0x80 && Ascii.isToken((byte) c) && c != '*' && c != '\'' && c != '%';
    }

    private static int indexOf(byte[] b, int from, int to, byte x) {
        for (int i = from; i < to; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
