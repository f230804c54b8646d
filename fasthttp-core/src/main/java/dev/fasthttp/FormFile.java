package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.http1.MultipartParts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * A file sent in a {@link MultipartForm}: a part with a {@code filename}, as Go's
 * {@code multipart.FileHeader} or Spring's {@code MultipartFile}.
 *
 * <p>Its content is a view of the request body, not a temporary file: nothing is copied, and
 * like every view it is valid only until the handler returns. Save or copy what must outlive
 * the handler ({@link #saveTo}, {@code content().toBytes()}). The String accessors allocate.
 *
 * <p><b>{@link #filename()} is a string from the client, never a path.</b> It is returned as
 * sent, {@code ../../etc/passwd}, {@code C:\Windows\win.ini} and all: nothing here strips,
 * normalizes or resolves it, and nothing here ever opens a file by it. Store uploads under names
 * the server makes ({@code saveTo(dir.resolve(UUID.randomUUID().toString()))}) and keep the
 * filename as data, escaped wherever it is shown.
 */
public final class FormFile {

    private static final String DEFAULT_TYPE = "application/octet-stream";

    private final MultipartParts parts;
    private final ByteView content = new ByteView();
    private int part = -1;

    FormFile(MultipartParts parts) {
        this.parts = parts;
    }

    void bind(int index) {
        part = index;
        parts.content(index, content);
    }

    void unbind() {
        part = -1;
        content.clear();
    }

    int part() {
        return part;
    }

    /** The name of the form field the file was sent in. */
    public String fieldName() {
        return parts.nameString(part);
    }

    /**
     * The filename as the client sent it, decoded from {@code filename*} (RFC 8187) when that
     * came, else from {@code filename} with only {@code \"} and {@code \\} unescaped; empty for a
     * file input left empty. Not a path: see the class comment.
     */
    public String filename() {
        return parts.filenameString(part);
    }

    /** The part's Content-Type as sent, else {@code application/octet-stream} (RFC 7578 4.4). */
    public String contentType() {
        String type = parts.contentTypeString(part);
        return type != null ? type : DEFAULT_TYPE;
    }

    /** The size of the content in bytes. */
    public long size() {
        return content.length();
    }

    /** The content: a view of the request body, valid until the handler returns. */
    public ByteView content() {
        return content;
    }

    /** A stream over the content; reads the request body in place, so it too is valid only until the handler returns. */
    public InputStream open() {
        return new ByteArrayInputStream(content.array(), content.offset(), content.length());
    }

    /**
     * Writes the content to {@code target}, a path the caller chooses (never one made from
     * {@link #filename()}). With no options the file is created, or truncated if it exists, as
     * {@link Files#newOutputStream} does; pass {@link java.nio.file.StandardOpenOption#CREATE_NEW}
     * to refuse to overwrite. Blocks on the file system: call it from a blocking handler.
     */
    public void saveTo(Path target, OpenOption... options) throws IOException {
        try (OutputStream out = Files.newOutputStream(target, options)) {
            content.writeTo(out);
        }
    }

    /** Field, filename, type and size, for debugging. Allocates. */
    @Override
    public String toString() {
        return fieldName() + ": \"" + filename() + "\" (" + contentType() + ", " + size() + " bytes)";
    }
}
