package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.http1.MultipartException;
import dev.fasthttp.internal.http1.MultipartReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The parts of a {@code multipart/form-data} body (RFC 7578) one by one as the body arrives, for
 * uploads that must not be held in memory or written to disk: each part's content is an
 * {@link InputStream} read straight from the body, through one buffer of fixed size (about
 * {@link MultipartLimits#maxPartHeaderSize()}, 16 KiB by default), however large the part.
 *
 * <pre>{@code
 * MultipartStream parts = new MultipartStream(body, contentType, limits);
 * for (MultipartPart part; (part = parts.next()) != null; ) {
 *     if (part.isFile()) {
 *         storage.put(UUID.randomUUID().toString(), part.content());  // never a path made of part.filename()
 *     } else {
 *         fields.put(part.name(), new String(part.content().readAllBytes(), UTF_8));
 *     }
 * }
 * }</pre>
 *
 * <p>The rules are those of {@link RequestCtx#multipartForm()}, and a body is refused with the
 * same error whatever way it arrives: a {@link RequestRejectedException} with 415 (not
 * multipart/form-data), 413 (more parts than {@link MultipartLimits#maxParts()}, a part over
 * {@link MultipartLimits#maxFileSize()}, all parts over {@link MultipartLimits#maxTotalSize()})
 * or 400 (malformed, part headers over their limit, the body ending before the close delimiter).
 * It is thrown by the constructor, {@link #next()}, or the part's content stream when it reads
 * the fault: unchecked, so that a handler which lets it pass answers the client with its status.
 * A client can only be refused before the handler has sent anything, so a handler that streams
 * parts somewhere should let a rejection pass before it answers.
 *
 * <p>Parts are read in order: {@link #next()} skips what is left of the current part's content
 * (it reads it, as the body must be read to find the next part), and a part's accessors throw
 * {@link IllegalStateException} once the next part is asked for. The epilogue after the close
 * delimiter is never read. The body stream is not closed here: it belongs to the request. Not
 * thread-safe; reading blocks, so use it in a blocking handler.
 */
public final class MultipartStream {

    private final MultipartReader reader;
    /** Counts the parts handed out, so that a part knows when it is no longer current. */
    private int generation;
    private boolean ended;

    /** Reads {@code body}, sent with the Content-Type {@code contentType}, under the default limits. */
    public MultipartStream(InputStream body, String contentType) {
        this(body, contentType, MultipartLimits.defaults());
    }

    /**
     * Reads {@code body}, sent with the Content-Type {@code contentType} (null if none came).
     *
     * @throws RequestRejectedException 415 if the Content-Type is not multipart/form-data, 400 if
     *                                  its boundary is missing or malformed
     */
    public MultipartStream(InputStream body, String contentType, MultipartLimits limits) {
        this(body, contentType == null ? null : contentType.getBytes(StandardCharsets.ISO_8859_1), limits);
    }

    /** As {@link #MultipartStream(InputStream, String, MultipartLimits)}, with the Content-Type as the request's view of it. */
    public MultipartStream(InputStream body, ByteView contentType, MultipartLimits limits) {
        this(body, contentType == null ? null : contentType.toBytes(), limits);
    }

    private MultipartStream(InputStream body, byte[] type, MultipartLimits limits) {
        try {
            this.reader = new MultipartReader(body, type == null ? new byte[0] : type, 0, type == null ? 0 : type.length,
                    limits.maxParts(), limits.maxPartHeaderSize(), limits.maxFileSize(), limits.maxTotalSize());
        } catch (MultipartException e) {
            throw rejection(e);
        }
    }

    /**
     * The next part, after skipping what is left of the current one.
     *
     * @return null after the last part (the close delimiter)
     * @throws RequestRejectedException when the body is refused (see the class comment)
     * @throws IOException              when reading the body fails
     */
    public MultipartPart next() throws IOException {
        generation++;
        if (ended) {
            return null;
        }
        try {
            if (!reader.next()) {
                ended = true;
                return null;
            }
        } catch (MultipartException e) {
            throw rejection(e);
        }
        return new MultipartPart(this, generation);
    }

    MultipartReader reader(int partGeneration) {
        if (partGeneration != generation) {
            throw new IllegalStateException("the stream has moved past this part");
        }
        return reader;
    }

    static RequestRejectedException rejection(MultipartException e) {
        return new RequestRejectedException(e.status(), e.getMessage(), e);
    }
}
