package dev.fasthttp;

import dev.fasthttp.bytes.Ascii;
import dev.fasthttp.bytes.ByteBuf;
import dev.fasthttp.bytes.ByteView;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Header fields being written, kept as the bytes that go on the wire ({@code Name: value\r\n}),
 * so encoding a message copies them in one piece. The base of the headers a server response and
 * a client request carry; each routes the names its engine manages itself.
 *
 * <p>Names and values are checked when set: a name must be a token, a value must not contain
 * CR, LF or other control characters (which would let a value split the message).
 */
public abstract sealed class HeaderLines<T extends HeaderLines<T>> permits ResponseHeaders, ClientHeaders {

    private static final int FIELDS = 4; // line start, name end, value start, line end (after CRLF)
    private static final int MAX_RETAINED = 16 * 1024;

    private final ByteBuf lines = new ByteBuf(256);
    private int[] entries = new int[8 * FIELDS];
    private int count;
    private final ViewTable views = new ViewTable();

    HeaderLines() {
    }

    abstract T self();

    /** Handles a name the engine manages itself; true if {@code name} was one of them (nothing is stored then). */
    abstract boolean route(String name, CharSequence value);

    /** Names that never go into the lines: framing and the like. */
    abstract boolean managed(String name);

    /** Connection, Content-Length, Transfer-Encoding: written by the engine from the message itself. */
    static boolean isFraming(String name) {
        return switch (name.length()) {
            case 10 -> name.equalsIgnoreCase("connection");
            case 14 -> name.equalsIgnoreCase("content-length");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            default -> false;
        };
    }

    /** Whether a Connection value set by the caller asks to close; null is a deletion. */
    static boolean asksToClose(CharSequence connectionValue) {
        return connectionValue != null && connectionValue.toString().trim().equalsIgnoreCase("close");
    }

    /** Told when lines called {@code name} appear or all disappear, for names with engine defaults. */
    void noted(String name, boolean present) {
    }

    void reset() {
        lines.clear(MAX_RETAINED);
        count = 0;
    }

    /** Replaces every header called {@code name} with one line. */
    public T set(String name, CharSequence value) {
        checkName(name);
        checkValue(value);
        if (!route(name, value)) {
            remove(name);
            append(name, value);
        }
        return self();
    }

    public T set(String name, ByteView value) {
        return set(name, new ViewChars(value));
    }

    /** Adds a line, keeping existing ones with the same name. */
    public T add(String name, CharSequence value) {
        checkName(name);
        checkValue(value);
        if (!route(name, value)) {
            append(name, value);
        }
        return self();
    }

    public T add(String name, ByteView value) {
        return add(name, new ViewChars(value));
    }

    /** Sets a header to a decimal number, without building a String. */
    public T setLong(String name, long value) {
        checkName(name);
        if (managed(name)) {
            return set(name, Long.toString(value));
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
        noted(name, true);
        return self();
    }

    /** Removes every header called {@code name}. */
    public T del(String name) {
        if (!managed(name) || !route(name, null)) {
            remove(name);
        }
        return self();
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

    /** The header lines in wire format. */
    ByteBuf wireLines() {
        return lines;
    }

    private int openLineStart;
    private int openLineNameEnd;

    /**
     * Starts a line whose value the caller writes into the returned buffer, for values built in
     * place (cookies); {@link #endLine()} finishes it.
     */
    ByteBuf beginLine(String name) {
        openLineStart = lines.size();
        lines.appendLatin1(name);
        openLineNameEnd = lines.size();
        return lines.append((byte) ':').append((byte) ' ');
    }

    void endLine() {
        int valueStart = openLineNameEnd + 2;
        lines.append((byte) '\r').append((byte) '\n');
        addEntry(openLineStart, openLineNameEnd, valueStart);
    }

    private void append(String name, CharSequence value) {
        noted(name, true);
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
        noted(name, false);
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
        @Override public String toString() { return view.toString(StandardCharsets.ISO_8859_1); }
    }
}
