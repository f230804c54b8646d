package dev.fasthttp.internal.bytes;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte array that is reused rather than reallocated: {@link #clear()} keeps the
 * capacity, so once a buffer has grown to its working size, appending allocates nothing.
 *
 * <p>{@link #clear(int)} drops a buffer that grew past a retention limit, so one huge message
 * does not pin its memory for the rest of a connection's life.
 */
public final class ByteBuf {

    private byte[] array;
    private final int initialCapacity;
    private int size;
    private OutputStream outputStream;

    public ByteBuf(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.array = new byte[initialCapacity];
    }

    public byte[] array() {
        return array;
    }

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int capacity() {
        return array.length;
    }

    public void clear() {
        size = 0;
    }

    /** Empties the buffer and, if it grew beyond {@code maxRetained} bytes, returns to the initial capacity. */
    public void clear(int maxRetained) {
        size = 0;
        if (array.length > maxRetained) {
            array = new byte[initialCapacity];
        }
    }

    /** Sets the size, for callers that wrote into {@link #array()} directly after {@link #ensureWritable(int)}. */
    public void setSize(int size) {
        if (size < 0 || size > array.length) {
            throw new IndexOutOfBoundsException(size);
        }
        this.size = size;
    }

    /** Makes room for {@code extra} more bytes after {@link #size()}. */
    public void ensureWritable(int extra) {
        int needed = size + extra;
        if (needed < 0) {
            throw new OutOfMemoryError("buffer larger than 2 GiB");
        }
        if (needed > array.length) {
            int grown = Math.max(needed, array.length << 1);
            array = Arrays.copyOf(array, grown < 0 ? needed : grown);
        }
    }

    public ByteBuf append(byte b) {
        ensureWritable(1);
        array[size++] = b;
        return this;
    }

    public ByteBuf append(byte[] src) {
        return append(src, 0, src.length);
    }

    public ByteBuf append(byte[] src, int offset, int length) {
        ensureWritable(length);
        System.arraycopy(src, offset, array, size, length);
        size += length;
        return this;
    }

    /** Appends the chars of {@code text} that fit in a byte (Latin-1); for header names and values. */
    public ByteBuf appendLatin1(CharSequence text) {
        int n = text.length();
        ensureWritable(n);
        for (int i = 0; i < n; i++) {
            array[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Appends the chars {@code [start, end)} of {@code text} that fit in a byte (Latin-1). */
    public ByteBuf appendLatin1(CharSequence text, int start, int end) {
        ensureWritable(end - start);
        for (int i = start; i < end; i++) {
            array[size++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Appends {@code text} encoded as UTF-8, without allocating. Unpaired surrogates become '?'. */
    public ByteBuf appendUtf8(CharSequence text) {
        int n = text.length();
        ensureWritable(utf8Length(text));
        byte[] a = array;
        int p = size;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                a[p++] = (byte) c;
            } else if (c < 0x800) {
                a[p++] = (byte) (0xC0 | (c >> 6));
                a[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                a[p++] = (byte) (0xF0 | (cp >> 18));
                a[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                a[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                a[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                a[p++] = '?';
            } else {
                a[p++] = (byte) (0xE0 | (c >> 12));
                a[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                a[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        size = p;
        return this;
    }

    private static int utf8Length(CharSequence text) {
        int n = text.length();
        int length = n;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    length += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    length += 2; // two chars become four bytes
                    i++;
                } else if (!Character.isSurrogate(c)) {
                    length += 2;
                }
            }
        }
        return length;
    }

    public ByteBuf appendDecimal(long value) {
        ensureWritable(20);
        size = Numbers.writeDecimal(array, size, value);
        return this;
    }

    /** Removes {@code [from, to)} and shifts the rest down. */
    public void remove(int from, int to) {
        System.arraycopy(array, to, array, from, size - to);
        size -= to - from;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(array, size);
    }

    /** An OutputStream that appends to this buffer; the same instance every time, closing it does nothing. */
    public OutputStream outputStream() {
        if (outputStream == null) {
            outputStream = new OutputStream() {
                @Override
                public void write(int b) {
                    append((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    append(b, off, len);
                }
            };
        }
        return outputStream;
    }
}
