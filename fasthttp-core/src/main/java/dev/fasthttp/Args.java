package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.bytes.Percent;
import dev.fasthttp.internal.bytes.Utf8;
import dev.fasthttp.internal.http1.ViewTable;
import java.util.Arrays;

/**
 * Decoded {@code key=value&...} arguments: a query string, or an urlencoded form body.
 *
 * <p>Parsed on first use, decoded into a reusable arena; the views it returns are valid until
 * the handler returns. Keys compare exactly (case-sensitive), as their UTF-8 bytes.
 */
public final class Args {

    private static final int FIELDS = 4;
    private static final int MAX_RETAINED_ARENA = 64 * 1024;

    private final ByteBuf arena = new ByteBuf(128);
    private int[] offsets = new int[8 * FIELDS];
    private int count;
    private final ViewTable views = new ViewTable();

    void clear() {
        arena.clear(MAX_RETAINED_ARENA);
        count = 0;
    }

    void parse(byte[] src, int from, int to) {
        clear();
        int p = from;
        while (p < to) {
            int pairEnd = p;
            while (pairEnd < to && src[pairEnd] != '&') {
                pairEnd++;
            }
            if (pairEnd > p) {
                int eq = p;
                while (eq < pairEnd && src[eq] != '=') {
                    eq++;
                }
                int keyStart = arena.size();
                Percent.decodeForm(src, p, eq, arena);
                int keyEnd = arena.size();
                if (eq < pairEnd) {
                    Percent.decodeForm(src, eq + 1, pairEnd, arena);
                }
                add(keyStart, keyEnd, keyEnd, arena.size());
            }
            p = pairEnd + 1;
        }
    }

    private void add(int keyStart, int keyEnd, int valueStart, int valueEnd) {
        int i = count * FIELDS;
        if (i == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[i] = keyStart;
        offsets[i + 1] = keyEnd;
        offsets[i + 2] = valueStart;
        offsets[i + 3] = valueEnd;
        count++;
    }

    /** Number of arguments, repeated keys counted each time. */
    public int size() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The i-th key, in the order sent. */
    public ByteView key(int i) {
        checkIndex(i);
        int o = i * FIELDS;
        return views.key(i).set(arena.array(), offsets[o], offsets[o + 1] - offsets[o]);
    }

    /** The i-th value, empty for a key sent without '='. */
    public ByteView value(int i) {
        checkIndex(i);
        int o = i * FIELDS;
        return views.value(i).set(arena.array(), offsets[o + 2], offsets[o + 3] - offsets[o + 2]);
    }

    /** The first value of {@code key}, or null if absent. */
    public ByteView peek(String key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    /** The first value of {@code key} as a String, or null. Allocates. */
    public String get(String key) {
        ByteView v = peek(key);
        return v == null ? null : v.toString();
    }

    /** The first value of {@code key} as a non-negative number, or -1 if absent or not a number. */
    public long getLong(String key) {
        ByteView v = peek(key);
        return v == null ? -1 : v.parseLong();
    }

    public void visitAll(KeyValueVisitor visitor) {
        for (int i = 0; i < count; i++) {
            visitor.visit(key(i), value(i));
        }
    }

    private int indexOf(String key) {
        byte[] a = arena.array();
        for (int i = 0; i < count; i++) {
            int o = i * FIELDS;
            if (Utf8.contentEquals(a, offsets[o], offsets[o + 1] - offsets[o], key)) {
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

    /** The arguments as {@code k=v&...}, decoded; for debugging. Allocates. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) sb.append('&');
            sb.append(key(i)).append('=').append(value(i));
        }
        return sb.toString();
    }
}
