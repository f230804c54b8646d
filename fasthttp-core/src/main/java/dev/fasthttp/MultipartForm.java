package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.http1.MultipartError;
import dev.fasthttp.internal.http1.MultipartParser;
import dev.fasthttp.internal.http1.MultipartParts;
import dev.fasthttp.internal.http1.ViewTable;
import java.util.Arrays;

/**
 * A {@code multipart/form-data} request body (RFC 7578), read in place: see
 * {@link RequestCtx#multipartForm()}.
 *
 * <p>A part sent with a {@code filename} (or {@code filename*}) parameter is a file
 * ({@link #file(int)}), even with an empty filename, which is what a browser sends for a file input
 * left empty; every other part is a field. Both keep the order they came in. Names compare
 * exactly, as their UTF-8 bytes. Values and file contents are {@link ByteView}s of the request
 * body: nothing is copied, and, like every view, they are valid only until the handler returns.
 * Values are bytes as sent; {@link #get} decodes them as UTF-8, the charset RFC 7578 5.1 makes
 * the default.
 */
public final class MultipartForm implements FormData {

    static final int DEFAULT_MAX_PARTS = 1000;
    static final int DEFAULT_MAX_PART_HEADER_SIZE = 16 * 1024;

    private static final byte[] TEXT_PLAIN = Ascii.bytes("text/plain");

    private final MultipartParser parser = new MultipartParser();
    private final MultipartParts parts = new MultipartParts();
    private final ViewTable fieldViews = new ViewTable();
    private final ViewTable typeViews = new ViewTable();
    /** The part index of each field, then of each file. */
    private int[] fields = new int[8];
    private int fieldCount;
    private FormFile[] files = new FormFile[0];
    private int fileCount;
    private boolean parsed;

    MultipartForm() {
    }

    boolean parsed() {
        return parsed;
    }

    /**
     * Reads {@code body}, sent as {@code contentType} (null if the request had none).
     *
     * @throws RequestRejectedException 415 if the body is no multipart/form-data, 413 past
     *                                  {@code maxParts}, 400 if it is malformed
     */
    void parse(ByteView contentType, ByteView body, int maxParts, int maxPartHeaderSize) {
        clear();
        MultipartError error = contentType == null ? MultipartError.NOT_FORM_DATA
                : parser.parse(contentType.array(), contentType.offset(), contentType.offset() + contentType.length(),
                        body.array(), body.offset(), body.offset() + body.length(), maxParts, maxPartHeaderSize, parts);
        if (error != null) {
            parts.clear();
            throw new RequestRejectedException(error.status(), error.message(maxParts, maxPartHeaderSize));
        }
        for (int i = 0; i < parts.count(); i++) {
            if (!parts.isFile(i)) {
                if (fieldCount == fields.length) {
                    fields = Arrays.copyOf(fields, fieldCount * 2);
                }
                fields[fieldCount++] = i;
            } else {
                if (fileCount == files.length) {
                    files = Arrays.copyOf(files, Math.max(4, fileCount * 2));
                }
                if (files[fileCount] == null) {
                    files[fileCount] = new FormFile(parts);
                }
                files[fileCount++].bind(i);
            }
        }
        parsed = true;
    }

    /** Forgets this request's form, and the references to its body. */
    void clear() {
        if (!parsed && parts.count() == 0) {
            return;
        }
        for (int i = 0; i < fieldCount; i++) {
            fieldViews.key(i).clear();
            fieldViews.value(i).clear();
            typeViews.key(i).clear();
        }
        for (int i = 0; i < fileCount; i++) {
            files[i].unbind();
        }
        fieldCount = 0;
        fileCount = 0;
        parts.clear();
        parsed = false;
    }

    // ---- fields ------------------------------------------------------------------------------

    /** The number of fields (parts without a filename), repeated names counted each time. */
    public int fieldCount() {
        return fieldCount;
    }

    /** The i-th field's name, in the order sent. */
    public ByteView fieldName(int i) {
        return parts.name(fieldPart(i), fieldViews.key(i));
    }

    /** The i-th field's value: its bytes in the request body. */
    public ByteView fieldValue(int i) {
        return parts.content(fieldPart(i), fieldViews.value(i));
    }

    /** The i-th field's Content-Type as sent, else {@code text/plain} (RFC 7578 4.4). */
    public ByteView fieldContentType(int i) {
        ByteView type = parts.contentType(fieldPart(i), typeViews.key(i));
        return type != null ? type : typeViews.key(i).set(TEXT_PLAIN, 0, TEXT_PLAIN.length);
    }

    @Override
    public int indexOfField(String name) {
        for (int i = 0; i < fieldCount; i++) {
            if (parts.nameEquals(fields[i], name)) {
                return i;
            }
        }
        return -1;
    }

    private int fieldPart(int i) {
        if (i < 0 || i >= fieldCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return fields[i];
    }

    // ---- files -------------------------------------------------------------------------------

    /** The number of files, in all fields. */
    public int fileCount() {
        return fileCount;
    }

    /** The i-th file, in the order sent. */
    public FormFile file(int i) {
        if (i < 0 || i >= fileCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return files[i];
    }

    /** The first file sent in the field {@code name}, or null. */
    public FormFile file(String name) {
        for (int i = 0; i < fileCount; i++) {
            if (parts.nameEquals(files[i].part(), name)) {
                return files[i];
            }
        }
        return null;
    }

    /** The fields and files, for debugging. Allocates. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MultipartForm{");
        for (int i = 0; i < fieldCount; i++) {
            sb.append(i == 0 ? "" : ", ").append(fieldName(i)).append('=').append(fieldValue(i));
        }
        sb.append(" | ");
        for (int i = 0; i < fileCount; i++) {
            sb.append(i == 0 ? "" : ", ").append(files[i]);
        }
        return sb.append('}').toString();
    }
}
