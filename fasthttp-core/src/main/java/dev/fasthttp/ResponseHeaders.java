package dev.fasthttp;

import dev.fasthttp.bytes.Ascii;
import dev.fasthttp.bytes.ByteBuf;
import dev.fasthttp.bytes.ByteView;
import java.util.Arrays;

/**
 * The response's header fields, kept as the bytes that go on the wire ({@code Name: value\r\n}),
 * so writing the response copies them in one piece.
 *
 * <p>Names and values are checked when set: a name must be a token, a value must not contain
 * CR, LF or other control characters (which would let a value split the response).
 *
 * <p>The engine owns message framing and connection management: {@code Content-Length} and
 * {@code Transfer-Encoding} are computed from the body, and setting them has no effect;
 * {@code Content-Type} goes to {@link Response#setContentType}; {@code Connection: close}
 * becomes {@link Response#setConnectionClose()}. A {@code Server} or {@code Date} set here
 * replaces the engine's default.
 */
public final class ResponseHeaders {

    private static final int FIELDS = 4; // line start, name end, value start, line end (after CRLF)
    private static final int MAX_RETAINED = 16 * 1024;

    private final Response response;
    private final ByteBuf lines = new ByteBuf(256);
    private int[] entries = new int[8 * FIELDS];
    private int count;
    private boolean serverSet;
    private boolean dateSet;
    private final ViewTable views = new ViewTable();

    ResponseHeaders(Response response) {
        this.response = response;
    }

    void reset() {
        lines.clear(MAX_RETAINED);
        count = 0;
        serverSet = dateSet = false;
    }

    /** Replaces every header called {@code name} with one line. */
    public ResponseHeaders set(String name, CharSequence value) {
        if (!special(name, value)) {
            remove(name);
            append(name, value);
        }
        return this;
    }

    /** Replaces every header called {@code name} with one line. */
    public ResponseHeaders set(String name, ByteView value) {
        return set(name, new ViewChars(value));
    }

    /** Adds a line, keeping existing ones with the same name. */
    public ResponseHeaders add(String name, CharSequence value) {
        if (!special(name, value)) {
            append(name, value);
        }
        return this;
    }

    public ResponseHeaders add(String name, ByteView value) {
        return add(name, new ViewChars(value));
    }

    /** Sets a header to a decimal number, without building a String. */
    public ResponseHeaders setLong(String name, long value) {
        checkName(name);
        if (managed(name)) {
            return set(name, Long.toString(value)); // framing and content type have their own routes
        }
        remove(name);
        int start = lines.size();
        lines.appendLatin1(name);
        int nameEnd = lines.size();
        lines.append((byte) ':').append((byte) ' ');
        int valueStart = lines.size();
        lines.appendDecimal(value);
        lines.append((byte) '\r').append((byte) '\n');
        addEntry(start, nameEnd, valueStart);
        noteOverride(name, true);
        return this;
    }

    /** Removes every header called {@code name}. */
    public ResponseHeaders del(String name) {
        if (name.equalsIgnoreCase("content-type")) {
            response.clearContentType();
        } else {
            remove(name);
        }
        return this;
    }

    /** The value of the first header called {@code name}, or null. */
    public ByteView peek(String name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : value(i);
    }

    public boolean contains(String name) {
        return indexOf(name, 0) >= 0;
    }

    public int size() {
        return count;
    }

    public ByteView name(int i) {
        checkIndex(i);
        int o = i * FIELDS;
        return views.key(i).set(lines.array(), entries[o], entries[o + 1] - entries[o]);
    }

    public ByteView value(int i) {
        checkIndex(i);
        int o = i * FIELDS;
        return views.value(i).set(lines.array(), entries[o + 2], entries[o + 3] - 2 - entries[o + 2]);
    }

    public void visitAll(KeyValueVisitor visitor) {
        for (int i = 0; i < count; i++) {
            visitor.visit(name(i), value(i));
        }
    }

    /** Adds a {@code Set-Cookie} line for {@code cookie}. */
    void addCookie(Cookie cookie) {
        int start = lines.size();
        lines.appendLatin1("Set-Cookie");
        int nameEnd = lines.size();
        lines.append((byte) ':').append((byte) ' ');
        int valueStart = lines.size();
        cookie.appendTo(lines);
        lines.append((byte) '\r').append((byte) '\n');
        addEntry(start, nameEnd, valueStart);
    }

    boolean serverSet() {
        return serverSet;
    }

    boolean dateSet() {
        return dateSet;
    }

    /** The header lines in wire format. */
    ByteBuf wireLines() {
        return lines;
    }

    /** Routes the headers the engine manages itself; true if {@code name} was one of them. */
    private boolean special(String name, CharSequence value) {
        checkName(name);
        checkValue(value);
        if (!managed(name)) {
            return false;
        }
        if (name.equalsIgnoreCase("connection")) {
            if (value.toString().trim().equalsIgnoreCase("close")) {
                response.setConnectionClose();
            }
        } else if (name.equalsIgnoreCase("content-type")) {
            response.setContentType(value);
        }
        return true; // Content-Length and Transfer-Encoding: computed from the body
    }

    /** Headers that never go into the header lines: the engine derives them. */
    private static boolean managed(String name) {
        return switch (name.length()) {
            case 10 -> name.equalsIgnoreCase("connection");
            case 12 -> name.equalsIgnoreCase("content-type");
            case 14 -> name.equalsIgnoreCase("content-length");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            default -> false;
        };
    }

    private void noteOverride(String name, boolean present) {
        if (name.length() == 6 && name.equalsIgnoreCase("server")) {
            serverSet = present;
        } else if (name.length() == 4 && name.equalsIgnoreCase("date")) {
            dateSet = present;
        }
    }

    private void append(String name, CharSequence value) {
        noteOverride(name, true);
        int start = lines.size();
        lines.appendLatin1(name);
        int nameEnd = lines.size();
        lines.append((byte) ':').append((byte) ' ');
        int valueStart = lines.size();
        lines.appendLatin1(value);
        lines.append((byte) '\r').append((byte) '\n');
        addEntry(start, nameEnd, valueStart);
    }

    private void addEntry(int start, int nameEnd, int valueStart) {
        int o = count * FIELDS;
        if (o == entries.length) {
            entries = Arrays.copyOf(entries, entries.length * 2);
        }
        entries[o] = start;
        entries[o + 1] = nameEnd;
        entries[o + 2] = valueStart;
        entries[o + 3] = lines.size();
        count++;
    }

    private void remove(String name) {
        int i = indexOf(name, 0);
        while (i >= 0) {
            int o = i * FIELDS;
            int start = entries[o];
            int removed = entries[o + 3] - start;
            lines.remove(start, entries[o + 3]);
            System.arraycopy(entries, o + FIELDS, entries, o, (count - i - 1) * FIELDS);
            count--;
            for (int j = i * FIELDS; j < count * FIELDS; j++) {
                entries[j] -= removed;
            }
            i = indexOf(name, i);
        }
        noteOverride(name, false);
    }

    private int indexOf(String name, int from) {
        byte[] b = lines.array();
        for (int i = from; i < count; i++) {
            int o = i * FIELDS;
            if (Ascii.equalsIgnoreCase(b, entries[o], entries[o + 1] - entries[o], name)) {
                return i;
            }
        }
        return -1;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0x7F || !Ascii.isToken((byte) c)) {
                throw new IllegalArgumentException("invalid character in header name: " + name);
            }
        }
    }

    static void checkValue(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || !Ascii.isFieldValue((byte) c)) {
                throw new IllegalArgumentException("invalid character in header value (CR, LF and controls are not allowed)");
            }
        }
    }

    /** Lets a view pass where a CharSequence is expected; one byte per char. */
    private record ViewChars(ByteView view) implements CharSequence {
        @Override public int length() { return view.length(); }
        @Override public char charAt(int i) { return (char) (view.byteAt(i) & 0xFF); }
        @Override public CharSequence subSequence(int start, int end) { return toString().substring(start, end); }
        @Override public String toString() { return view.toString(java.nio.charset.StandardCharsets.ISO_8859_1); }
    }
}
