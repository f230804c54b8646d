package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.bytes.Utf8;
import dev.fasthttp.internal.http1.MultipartError;
import dev.fasthttp.internal.http1.PartSpool;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code multipart/form-data} body (RFC 7578) read whole from a stream, for a request body that
 * is streamed rather than buffered: the fields in memory, each file in memory while small and in a
 * temporary file when not. The API of {@link MultipartForm}, and the same rules and rejections as
 * {@link MultipartStream}, under {@link MultipartLimits}:
 *
 * <ol>
 *   <li>Fields (parts without a filename) are held in memory: their values may take at most
 *       {@link MultipartLimits#memoryThreshold()} bytes in all, else 413.</li>
 *   <li>Files are held in memory while all files' bytes in memory stay within the same threshold;
 *       the file whose content would pass it goes, whole, to a temporary file in
 *       {@link MultipartLimits#tempDirectory()}, and so does each later file that does not fit.
 *       {@link FormFile#inMemory()} tells which; {@link FormFile#content()} is for those in
 *       memory, {@link FormFile#open()} and {@link FormFile#saveTo} for all (saveTo moves a
 *       temporary file instead of copying it).</li>
 *   <li>One part's content may be at most {@link MultipartLimits#maxFileSize()}, all parts' at
 *       most {@link MultipartLimits#maxTotalSize()} (413): this bounds the disk one request fills.</li>
 *   <li>{@link #close()} deletes every temporary file still here; the server calls it when the
 *       request ends. A form that fails while it is read (a rejection, a broken connection, a
 *       full disk) deletes what it had written before it throws.</li>
 * </ol>
 *
 * Reading blocks on the body and the file system: use it in a blocking handler. Not thread-safe.
 */
public final class SpooledMultipartForm implements FormData, AutoCloseable {

    private static final byte[] TEXT_PLAIN = "text/plain".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 8 * 1024;

    /** A field: name, Content-Type as sent (or null) and value. */
    private record Field(byte[] name, byte[] type, byte[] value) {
    }

    private final List<Field> fields = new ArrayList<>();
    private final List<FormFile> files = new ArrayList<>();
    private final List<PartSpool> spools = new ArrayList<>();

    private SpooledMultipartForm() {
    }

    /**
     * Reads the whole form from {@code body}, sent with the Content-Type {@code contentType}.
     *
     * @throws RequestRejectedException as {@link MultipartStream} does, and 413 when the fields
     *                                  pass the memory threshold
     * @throws IOException              when reading the body or writing a temporary file fails
     */
    public static SpooledMultipartForm read(InputStream body, String contentType, MultipartLimits limits) throws IOException {
        return read(new MultipartStream(body, contentType, limits), limits);
    }

    /** As {@link #read(InputStream, String, MultipartLimits)}, with the Content-Type as the request's view of it. */
    public static SpooledMultipartForm read(InputStream body, ByteView contentType, MultipartLimits limits) throws IOException {
        return read(new MultipartStream(body, contentType, limits), limits);
    }

    private static SpooledMultipartForm read(MultipartStream parts, MultipartLimits limits) throws IOException {
        SpooledMultipartForm form = new SpooledMultipartForm();
        try {
            form.readParts(parts, limits);
            return form;
        } catch (IOException | RuntimeException | Error e) {
            form.closeAfter(e);
            throw e;
        }
    }

    private void readParts(MultipartStream parts, MultipartLimits limits) throws IOException {
        byte[] chunk = new byte[CHUNK];
        long threshold = limits.memoryThreshold();
        long fieldBytes = 0;
        long fileMemory = 0;
        ByteBuf value = new ByteBuf(64);
        for (MultipartPart part; (part = parts.next()) != null; ) {
            InputStream in = part.content();
            if (part.isFile()) {
                PartSpool spool = new PartSpool(limits.tempDirectory());
                spools.add(spool);
                for (int n; (n = in.read(chunk, 0, CHUNK)) >= 0; ) {
                    fileMemory += spool.write(chunk, 0, n, threshold - fileMemory);
                }
                spool.finish();
                files.add(new FormFile(part.name(), part.filename(), part.contentType(), spool));
            } else {
                value.clear();
                for (int n; (n = in.read(chunk, 0, CHUNK)) >= 0; ) {
                    fieldBytes += n;
                    if (fieldBytes > threshold) {
                        throw new RequestRejectedException(MultipartError.FIELDS_TOO_LARGE.status(),
                                MultipartError.FIELDS_TOO_LARGE.message(threshold));
                    }
                    value.append(chunk, 0, n);
                }
                String type = part.header("Content-Type");
                fields.add(new Field(part.name().getBytes(StandardCharsets.UTF_8),
                        type == null ? null : type.getBytes(StandardCharsets.ISO_8859_1), value.toByteArray()));
            }
        }
    }

    /**
     * Deletes every temporary file still here (not moved by {@link FormFile#saveTo}) and forgets
     * the files' content: the files' accessors fail after it. Idempotent.
     *
     * @throws UncheckedIOException if a file could not be deleted (all the others are)
     */
    @Override
    public void close() {
        IOException failure = deleteAll();
        if (failure != null) {
            throw new UncheckedIOException(failure);
        }
    }

    private void closeAfter(Throwable cause) {
        IOException failure = deleteAll();
        if (failure != null) {
            cause.addSuppressed(failure);
        }
    }

    private IOException deleteAll() {
        IOException failure = null;
        for (PartSpool spool : spools) {
            try {
                spool.delete();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        return failure;
    }

    // ---- fields ------------------------------------------------------------------------------

    /** The number of fields (parts without a filename), repeated names counted each time. */
    public int fieldCount() {
        return fields.size();
    }

    /** The i-th field's name, in the order sent. */
    public ByteView fieldName(int i) {
        byte[] name = fields.get(i).name();
        return new ByteView().set(name, 0, name.length);
    }

    /** The i-th field's value. */
    public ByteView fieldValue(int i) {
        byte[] value = fields.get(i).value();
        return new ByteView().set(value, 0, value.length);
    }

    /** The i-th field's Content-Type as sent, else {@code text/plain} (RFC 7578 4.4). */
    public ByteView fieldContentType(int i) {
        byte[] type = fields.get(i).type();
        return type != null ? new ByteView().set(type, 0, type.length) : new ByteView().set(TEXT_PLAIN, 0, TEXT_PLAIN.length);
    }

    @Override
    public int indexOfField(String name) {
        for (int i = 0; i < fields.size(); i++) {
            byte[] n = fields.get(i).name();
            if (Utf8.contentEquals(n, 0, n.length, name)) {
                return i;
            }
        }
        return -1;
    }

    // ---- files -------------------------------------------------------------------------------

    /** The number of files, in all fields. */
    public int fileCount() {
        return files.size();
    }

    /** The i-th file, in the order sent. */
    public FormFile file(int i) {
        return files.get(i);
    }

    /** The first file sent in the field {@code name}, or null. */
    public FormFile file(String name) {
        for (FormFile f : files) {
            if (f.fieldName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The fields and files, for debugging. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SpooledMultipartForm{");
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(fieldName(i)).append('=').append(fieldValue(i));
        }
        sb.append(" | ");
        for (int i = 0; i < files.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(files.get(i));
        }
        return sb.append('}').toString();
    }
}
