package dev.fasthttp.internal.http1;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Header fields being written, kept as the bytes that go on the wire ({@code Name: value\r\n}),
 * so encoding a message copies them in one piece. The server response's and the client request's
 * public header types each hold one and give it a {@link Policy} for the names their engine
 * manages itself.
 *
 * <p>Names and values are checked when set: a name must be a token, a value must not contain
 * CR, LF or other control characters (which would let a value split the message).
 */
public final class HeaderBlock {

    /** What the owner of a block decides about names its engine manages itself. */
    public interface Policy {

        /** Names that never go into the lines: framing and the like. */
        boolean managed(String name);

        /**
         * Handles a managed name; true if {@code name} was one of them (nothing is stored then).
         * {@code value} is null for a deletion.
         */
        boolean route(String name, CharSequence value);

        /** Told when lines called {@code name} appear or all disappear, for names with engine defaults. */
        default void noted(String name, boolean present) {
        }
    }

    private static final int FIELDS = 4; // line start, name end, value start, line end (after CRLF)
    private static final int MAX_RETAINED = 16 * 1024;

    private final ByteBuf lines = new ByteBuf(256);
    private int[] entries = new int[8 * FIELDS];
    private int count;
    private final ViewTable views = new ViewTable();

    private final Policy policy;

    public HeaderBlock(Policy policy) {
        this.policy = policy;
    }

    /** Connection, Content-Length, Transfer-Encoding: written by the engine from the message itself. */
    public static boolean isFraming(String name) {
        return switch (name.length()) {
            case 10 -> name.equalsIgnoreCase("connection");
            case 14 -> name.equalsIgnoreCase("content-length");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            default -> false;
        };
    }

    /** Whether a Connection value set by the caller asks to close; null is a deletion. */
    public static boolean asksToClose(CharSequence connectionValue) {
        return connectionValue != null && connectionValue.toString().trim().equalsIgnoreCase("close");
    }

    public void reset() {
        lines.clear(MAX_RETAINED);
        count = 0;
    }

    /** Replaces every header called {@code name} with one line. */
    public void set(String name, CharSequence value) {
        checkName(name);
        checkValue(value);
        if (!policy.route(name, value)) {
            remove(name);
            append(name, value);
        }
    }

    public void set(String name, ByteView value) {
        set(name, new ViewChars(value));
    }

    /** Adds a line, keeping existing ones with the same name. */
    public void add(String name, CharSequence value) {
        checkName(name);
        checkValue(value);
        if (!policy.route(name, value)) {
            append(name, value);
        }
    }

    public void add(String name, ByteView value) {
        add(name, new ViewChars(value));
    }

    /** Sets a header to a decimal number, without building a String. */
    public void setLong(String name, long value) {
        checkName(name);
        if (policy.managed(name)) {
            set(name, Long.toString(value));
            return;
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
        policy.noted(name, true);
    }

    /** Removes every header called {@code name}. */
    public void del(String name) {
        if (!policy.managed(name) || !policy.route(name, null)) {
            remove(name);
        }
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

        /** The header lines in wire format. */
    public ByteBuf wireLines() {
        return lines;
    }

    private int openLineStart;
    private int openLineNameEnd;

    /**
     * Starts a line whose value the caller writes into the returned buffer, for values built in
     * place (cookies); {@link #endLine()} finishes it.
     */
    public ByteBuf beginLine(String name) {
        openLineStart = lines.size();
        lines.appendLatin1(name);
        openLineNameEnd = lines.size();
        return lines.append((byte) ':').append((byte) ' ');
    }

    public void endLine() {
        int valueStart = openLineNameEnd + 2;
        lines.append((byte) '\r').append((byte) '\n');
        addEntry(openLineStart, openLineNameEnd, valueStart);
    }

    private void append(String name, CharSequence value) {
        policy.noted(name, true);
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
        policy.noted(name, false);
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

    public static void checkName(String name) {
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

    public static void checkValue(CharSequence value) {
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
