package dev.fasthttp.bytes;

import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.Numbers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A window onto bytes owned by someone else: a request buffer, a decoding arena.
 *
 * <p>The engine hands out views instead of copies so that reading a request allocates nothing.
 * The price is a lifetime rule: <b>a view handed to a request handler is valid only until the
 * handler returns</b>; after that the engine reuses both the view and the bytes behind it for
 * the next request. Keep nothing: copy what must outlive the handler with {@link #toString()} or
 * {@link #toBytes()}, both of which allocate.
 *
 * <p>Views are not thread-safe and compare by content only through the explicit
 * {@code contentEquals}/{@code equalsIgnoreCase} methods; they deliberately do not override
 * {@code equals}/{@code hashCode}, because a mutable view makes a poor map key.
 */
public final class ByteView {

    private static final byte[] NO_BYTES = new byte[0];

    private byte[] array = NO_BYTES;
    private int offset;
    private int length;

    /** An empty view. */
    public ByteView() {
    }

    /** Points this view at {@code array[offset, offset + length)}. Used by the engine when it reuses a view. */
    public ByteView set(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
        return this;
    }

    /** Makes this view empty. */
    public ByteView clear() {
        return set(NO_BYTES, 0, 0);
    }

    public int length() {
        return length;
    }

    public boolean isEmpty() {
        return length == 0;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return array[offset + index];
    }

    /** The backing array, for zero-copy use together with {@link #offset()} and {@link #length()}. */
    public byte[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    /** True if the bytes are exactly the ASCII characters of {@code text}. */
    public boolean contentEquals(CharSequence text) {
        return Ascii.equals(array, offset, length, text);
    }

    /** True if the bytes equal {@code text}, ignoring ASCII case. */
    public boolean equalsIgnoreCase(CharSequence text) {
        return Ascii.equalsIgnoreCase(array, offset, length, text);
    }

    public boolean contentEquals(ByteView other) {
        return Arrays.equals(array, offset, offset + length, other.array, other.offset, other.offset + other.length);
    }

    public boolean contentEquals(byte[] bytes) {
        return Arrays.equals(array, offset, offset + length, bytes, 0, bytes.length);
    }

    public boolean startsWith(CharSequence prefix) {
        return prefix.length() <= length && Ascii.equals(array, offset, prefix.length(), prefix);
    }

    public boolean startsWithIgnoreCase(CharSequence prefix) {
        return prefix.length() <= length && Ascii.equalsIgnoreCase(array, offset, prefix.length(), prefix);
    }

    /** Index of the first {@code b} at or after {@code from}, or -1. */
    public int indexOf(byte b, int from) {
        for (int i = Math.max(0, from); i < length; i++) {
            if (array[offset + i] == b) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Parses the bytes as a non-negative decimal number.
     *
     * @return the value, or -1 if the view is empty, holds anything but digits, or overflows a long
     */
    public long parseLong() {
        return Numbers.parseDecimal(array, offset, offset + length);
    }

    /** Copies the bytes into {@code dst} at {@code dstOffset}. */
    public void copyTo(byte[] dst, int dstOffset) {
        System.arraycopy(array, offset, dst, dstOffset, length);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(array, offset, length);
    }

    /** A copy of the bytes. Allocates. */
    public byte[] toBytes() {
        return Arrays.copyOfRange(array, offset, offset + length);
    }

    /** The bytes decoded as UTF-8 (ASCII is a subset). Allocates. */
    @Override
    public String toString() {
        return toString(StandardCharsets.UTF_8);
    }

    /** The bytes decoded with {@code charset}. Allocates. */
    public String toString(Charset charset) {
        return new String(array, offset, length, charset);
    }
}
