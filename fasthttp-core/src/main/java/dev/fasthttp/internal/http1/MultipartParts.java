package dev.fasthttp.internal.http1;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.bytes.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The parts {@link MultipartParser} found in a body, in the order received, as positions: a
 * part's content type and content always lie in the body; its name and filename too, unless
 * they had to be decoded (an escaped quote, a {@code filename*}), in which case they lie in an
 * arena kept here. Reused from request to request, so reading a form allocates nothing once the
 * table and the arena have grown to their working size.
 */
public final class MultipartParts {

    private static final int FIELDS = 9;
    private static final int NAME = 0;
    private static final int FILENAME = 2;
    private static final int TYPE = 4;
    private static final int CONTENT = 6;
    private static final int FLAGS = 8;

    private static final int NAME_IN_ARENA = 1;
    private static final int FILENAME_IN_ARENA = 2;
    private static final int IS_FILE = 4;

    private static final int INITIAL_PARTS = 8;
    private static final int MAX_RETAINED_PARTS = 1024;
    private static final int MAX_RETAINED_ARENA = 16 * 1024;

    private final ByteBuf arena = new ByteBuf(64);
    private int[] table = new int[INITIAL_PARTS * FIELDS];
    private int count;
    private byte[] body;

    /** Forgets the parts and the body, shrinking what one huge form made grow. */
    public void clear() {
        count = 0;
        body = null;
        arena.clear(MAX_RETAINED_ARENA);
        if (table.length > MAX_RETAINED_PARTS * FIELDS) {
            table = new int[INITIAL_PARTS * FIELDS];
        }
    }

    void start(byte[] bodyBytes) {
        clear();
        body = bodyBytes;
    }

    ByteBuf arena() {
        return arena;
    }

    /** Adds a part with no name, filename or content type yet; returns its index. */
    int add() {
        int o = count * FIELDS;
        if (o == table.length) {
            table = Arrays.copyOf(table, table.length * 2);
        }
        Arrays.fill(table, o, o + FIELDS, -1);
        table[o + FLAGS] = 0;
        return count++;
    }

    void setName(int part, int start, int end, boolean inArena) {
        set(part, NAME, start, end, inArena ? NAME_IN_ARENA : 0);
    }

    void setFilename(int part, int start, int end, boolean inArena) {
        set(part, FILENAME, start, end, IS_FILE | (inArena ? FILENAME_IN_ARENA : 0));
    }

    void setContentType(int part, int start, int end) {
        set(part, TYPE, start, end, 0);
    }

    void setContent(int part, int start, int end) {
        set(part, CONTENT, start, end, 0);
    }

    private void set(int part, int field, int start, int end, int flags) {
        int o = part * FIELDS;
        table[o + field] = start;
        table[o + field + 1] = end;
        table[o + FLAGS] |= flags;
    }

    public int count() {
        return count;
    }

    /** True if the part came with a {@code filename} or {@code filename*} parameter, even an empty one. */
    public boolean isFile(int part) {
        return (flags(part) & IS_FILE) != 0;
    }

    /** True if the part's name is exactly the UTF-8 of {@code name}. */
    public boolean nameEquals(int part, String name) {
        int o = part * FIELDS;
        return Utf8.contentEquals(nameArray(part), table[o + NAME], table[o + NAME + 1] - table[o + NAME], name);
    }

    public ByteView name(int part, ByteView view) {
        return view(nameArray(part), part, NAME, view);
    }

    /** Points {@code view} at the filename, decoded from {@code filename*} if one came; null if the part is no file. */
    public ByteView filename(int part, ByteView view) {
        return isFile(part) ? view(filenameArray(part), part, FILENAME, view) : null;
    }

    /** Points {@code view} at the part's Content-Type as sent; null if it has none. */
    public ByteView contentType(int part, ByteView view) {
        return table[part * FIELDS + TYPE] < 0 ? null : view(body, part, TYPE, view);
    }

    public ByteView content(int part, ByteView view) {
        return view(body, part, CONTENT, view);
    }

    public int contentLength(int part) {
        int o = part * FIELDS;
        return table[o + CONTENT + 1] - table[o + CONTENT];
    }

    /** The name as a String (allocates). */
    public String nameString(int part) {
        return string(nameArray(part), part, NAME);
    }

    /** The filename as a String (allocates); null if the part is no file. */
    public String filenameString(int part) {
        return isFile(part) ? string(filenameArray(part), part, FILENAME) : null;
    }

    /** The Content-Type as sent, as a String (allocates); null if the part has none. */
    public String contentTypeString(int part) {
        return table[part * FIELDS + TYPE] < 0 ? null : string(body, part, TYPE);
    }

    private int flags(int part) {
        return table[part * FIELDS + FLAGS];
    }

    private byte[] nameArray(int part) {
        return (flags(part) & NAME_IN_ARENA) != 0 ? arena.array() : body;
    }

    private byte[] filenameArray(int part) {
        return (flags(part) & FILENAME_IN_ARENA) != 0 ? arena.array() : body;
    }

    private ByteView view(byte[] array, int part, int field, ByteView view) {
        int o = part * FIELDS + field;
        return view.set(array, table[o], table[o + 1] - table[o]);
    }

    private String string(byte[] array, int part, int field) {
        int o = part * FIELDS + field;
        return new String(array, table[o], table[o + 1] - table[o], StandardCharsets.UTF_8);
    }
}
