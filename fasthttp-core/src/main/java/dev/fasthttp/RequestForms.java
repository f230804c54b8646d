package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.http1.MultipartParser;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The multipart forms of a request, for {@link RequestCtx}: the buffered one parsed in place, kept
 * with the ctx from request to request (most requests never carry one, so it is made on first
 * use); the one read from the body stream, whose big files wait on disk until the request ends.
 */
final class RequestForms {

    private final MultipartLimits limits;
    private MultipartForm buffered;
    /** A form read from the body stream, or null. */
    private SpooledMultipartForm spooled;

    RequestForms(MultipartLimits limits) {
        this.limits = limits;
    }

    MultipartForm buffered(Request request) {
        if (request.isBodyStreamed()) {
            throw new IllegalStateException("the request body is streamed: read the form with spooledMultipartForm() or multipartStream()");
        }
        if (buffered == null) {
            buffered = new MultipartForm();
        }
        if (!buffered.parsed()) {
            buffered.parse(request.headers().contentType(), request.body(), limits.maxParts(), limits.maxPartHeaderSize());
        }
        return buffered;
    }

    SpooledMultipartForm spooled(RequestCtx ctx) throws IOException {
        if (spooled == null) {
            spooled = SpooledMultipartForm.read(ctx.requestBodyStream(), ctx.request().headers().contentType(), limits);
        }
        return spooled;
    }

    MultipartStream stream(RequestCtx ctx) {
        return new MultipartStream(ctx.requestBodyStream(), ctx.request().headers().contentType(), limits);
    }

    /**
     * The form that suits the request's body: spooled for a streamed one, else buffered. For
     * accessors that throw no checked exception: a failed read is an {@link UncheckedIOException}.
     */
    FormData of(RequestCtx ctx) {
        if (!ctx.request().isBodyStreamed()) {
            return buffered(ctx.request());
        }
        try {
            return spooled(ctx);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isFormData(Request request) {
        ByteView type = request.headers().contentType();
        return type != null && MultipartParser.isFormData(type.array(), type.offset(), type.offset() + type.length());
    }

    /** The request is over: the buffered form is emptied for the next, the streamed one's files deleted unless saved elsewhere. */
    void clear() {
        if (buffered != null) {
            buffered.clear();
        }
        if (spooled != null) {
            spooled.close();
            spooled = null;
        }
    }
}
