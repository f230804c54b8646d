package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.http1.MultipartParts;
import dev.fasthttp.internal.http1.PartSpool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * A file sent in a {@link MultipartForm}: a part with a {@code filename}, as Go's
 * {@code multipart.FileHeader} or Spring's {@code MultipartFile}.
 *
 * <p>In a {@link MultipartForm} (a buffered body), its content is a view of the request body, not
 * a temporary file: nothing is copied, and like every view it is valid only until the handler
 * returns. In a {@link SpooledMultipartForm} (a streamed body), it is held in memory if small
 * ({@link #inMemory()}), else in a temporary file, deleted when the request ends. Either way,
 * save or copy what must outlive the handler ({@link #saveTo}, {@link #open()}). The String
 * accessors allocate.
 *
 * <p><b>{@link #filename()} is a string from the client, never a path.</b> It is returned as
 * sent, {@code ../../etc/passwd}, {@code C:\Windows\win.ini} and all: nothing here strips,
 * normalizes or resolves it, and nothing here ever opens a file by it. Store uploads under names
 * the server makes ({@code saveTo(dir.resolve(UUID.randomUUID().toString()))}) and keep the
 * filename as data, escaped wherever it is shown.
 */
public final class FormFile {

    private static final String DEFAULT_TYPE = "application/octet-stream";

    /** The buffered form's parts, or null for a spooled file. */
    private final MultipartParts parts;
    private final ByteView content = new ByteView();
    private int part = -1;
    /** A spooled file's content and names; null for a buffered one. */
    private final PartSpool spool;
    private final String spooledFieldName;
    private final String spooledFilename;
    private final String spooledContentType;

    FormFile(MultipartParts parts) {
        this.parts = parts;
        this.spool = null;
        this.spooledFieldName = null;
        this.spooledFilename = null;
        this.spooledContentType = null;
    }

    /** A file of a {@link SpooledMultipartForm}, read whole into {@code spool}. */
    FormFile(String fieldName, String filename, String contentType, PartSpool spool) {
        this.parts = null;
        this.spool = spool;
        this.spooledFieldName = fieldName;
        this.spooledFilename = filename;
        this.spooledContentType = contentType;
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
        return spool != null ? spooledFieldName : parts.nameString(part);
    }

    /**
     * The filename as the client sent it, decoded from {@code filename*} (RFC 8187) when that
     * came, else from {@code filename} with only {@code \"} and {@code \\} unescaped; empty for a
     * file input left empty. Not a path: see the class comment.
     */
    public String filename() {
        return spool != null ? spooledFilename : parts.filenameString(part);
    }

    /** The part's Content-Type as sent, else {@code application/octet-stream} (RFC 7578 4.4). */
    public String contentType() {
        String type = spool != null ? spooledContentType : parts.contentTypeString(part);
        return type != null ? type : DEFAULT_TYPE;
    }

    /** The size of the content in bytes. */
    public long size() {
        return spool != null ? spool.size() : content.length();
    }

    /**
     * True if the content is in memory, so that {@link #content()} can be called: always in a
     * buffered form; in a spooled form, while the form's memory threshold allowed.
     */
    public boolean inMemory() {
        return spool == null || spool.inMemory();
    }

    /**
     * The content: a view of the request body, or of the memory a spooled file is held in,
     * valid until the handler returns.
     *
     * @throws UnsupportedOperationException if the content is in a temporary file
     *                                       ({@link #inMemory()} false): read it with
     *                                       {@link #open()} or {@link #saveTo}, as a file too
     *                                       large for memory should not be loaded into it
     */
    public ByteView content() {
        if (spool != null) {
            if (!spool.inMemory()) {
                throw new UnsupportedOperationException("the file is in a temporary file, not in memory: use open() or saveTo()");
            }
            content.set(spool.memory(), 0, (int) spool.size());
        }
        return content;
    }

    /**
     * A stream over the content, valid only until the handler returns: it reads the request body
     * in place, or memory or a temporary file freed when the request ends.
     *
     * @throws UncheckedIOException if the temporary file cannot be opened
     */
    public InputStream open() {
        if (spool != null) {
            try {
                return spool.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ByteArrayInputStream(content.array(), content.offset(), content.length());
    }

    /**
     * Writes the content to {@code target}, a path the caller chooses (never one made from
     * {@link #filename()}). With no options the file is created, or truncated if it exists, as
     * {@link Files#newOutputStream} does; pass {@link java.nio.file.StandardOpenOption#CREATE_NEW}
     * to refuse to overwrite. Blocks on the file system: call it from a blocking handler.
     *
     * <p>A file in a temporary file is moved to {@code target} rather than copied when the
     * options allow a move to mean the same (none, or {@code CREATE_NEW}); it is then no longer
     * deleted when the request ends (it is yours), and {@link #open()} reads it from there.
     */
    public void saveTo(Path target, OpenOption... options) throws IOException {
        if (spool != null) {
            spool.saveTo(target, options);
            return;
        }
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
