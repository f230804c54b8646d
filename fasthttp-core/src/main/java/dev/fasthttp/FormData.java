package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;

/**
 * A {@code multipart/form-data} body's fields and files, in the order sent, however it was read:
 * in place from a buffered body ({@link MultipartForm}), or from a streamed one with big files on
 * disk ({@link SpooledMultipartForm}). Views are valid until the handler returns.
 */
public sealed interface FormData permits MultipartForm, SpooledMultipartForm {

    int fieldCount();

    ByteView fieldName(int i);

    ByteView fieldValue(int i);

    /** The i-th field's Content-Type as sent, else {@code text/plain} (RFC 7578 4.4). */
    ByteView fieldContentType(int i);

    /** The index of the first field named {@code name}, or -1. */
    int indexOfField(String name);

    int fileCount();

    FormFile file(int i);

    /** The first file sent in the field {@code name}, or null. */
    FormFile file(String name);

    /** The value of the first field named {@code name}, or null if none is. */
    default ByteView value(String name) {
        int i = indexOfField(name);
        return i < 0 ? null : fieldValue(i);
    }

    /** The value of the first field named {@code name}, decoded as UTF-8, or null. Allocates. */
    default String get(String name) {
        ByteView v = value(name);
        return v == null ? null : v.toString();
    }

    default boolean has(String name) {
        return indexOfField(name) >= 0;
    }

    /** Visits every field, name and value, in the order sent. */
    default void visitFields(KeyValueVisitor visitor) {
        for (int i = 0; i < fieldCount(); i++) {
            visitor.visit(fieldName(i), fieldValue(i));
        }
    }
}
