package dev.fasthttp;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.StatusLine;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response head: pre-encoded status line, then the engine's headers (Server, Date,
 * Content-Type, framing, Connection), then the handler's headers in one copy, then CRLF.
 */
final class ResponseEncoder {

    private static final byte[] CRLF = ascii("\r\n");
    private static final byte[] CONTENT_TYPE = ascii("Content-Type: ");
    private static final byte[] DEFAULT_CONTENT_TYPE = ascii("Content-Type: text/plain; charset=utf-8\r\n");
    private static final byte[] CONTENT_LENGTH = ascii("Content-Length: ");
    private static final byte[] CHUNKED = ascii("Transfer-Encoding: chunked\r\n");
    private static final byte[] TRAILER = ascii("Trailer: ");
    private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
    private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: keep-alive\r\n");

    /** How the body is delimited. */
    enum Framing {
        /** Content-Length: the body is known. */
        LENGTH,
        /** Transfer-Encoding: chunked, for a streamed body to an HTTP/1.1 client. */
        CHUNKED,
        /** A streamed body to an HTTP/1.0 client: ends when the connection closes. */
        CLOSE
    }

    private ResponseEncoder() {
    }

    static void encodeHead(ByteBuf out, RequestCtx ctx, Worker worker, Framing framing) {
        ServerSettings settings = worker.settings;
        Response response = ctx.response();
        int status = response.statusCode();
        boolean bodyAllowed = !StatusLine.forbidsBody(status);

        StatusLine.append(out, status);
        ResponseHeaders headers = response.headers();
        if (!settings.noDefaultServerHeader() && !headers.serverSet()) {
            out.append(worker.serverHeaderLine);
        }
        if (!settings.noDefaultDate() && !headers.dateSet()) {
            worker.date.refresh(worker.nowMillis());
            worker.date.appendTo(out);
        }
        if (response.contentTypeSet()) {
            out.append(CONTENT_TYPE).append(response.contentTypeBytes().array(), 0, response.contentTypeBytes().size())
                    .append(CRLF);
        } else if (bodyAllowed && !settings.noDefaultContentType()) {
            out.append(DEFAULT_CONTENT_TYPE);
        }
        if (bodyAllowed) {
            appendFraming(out, ctx, response, framing);
        }
        if (response.connectionClose()) {
            out.append(CONNECTION_CLOSE);
        } else if (ctx.request().minorVersion() == 0) {
            out.append(CONNECTION_KEEP_ALIVE); // HTTP/1.0 closes unless told otherwise
        }
        ByteBuf lines = headers.wireLines();
        out.append(lines.array(), 0, lines.size());
        out.append(CRLF);
    }

    /**
     * {@code Content-Length}, or chunked with the trailers to come announced. A method of its own
     * so that {@link #encodeHead} stays under C2's limit for inlining a hot method (325 bytes of
     * bytecode, {@code FreqInlineSize}): with the trailers' announcement written in place it was
     * 350, and {@code -XX:+PrintInlining} showed it called, not inlined, on every response.
     */
    private static void appendFraming(ByteBuf out, RequestCtx ctx, Response response, Framing framing) {
        switch (framing) {
            case LENGTH -> out.append(CONTENT_LENGTH).appendDecimal(response.contentLength()).append(CRLF);
            case CHUNKED -> {
                out.append(CHUNKED);
                if (response.sendsTrailers(ctx.request())) {
                    out.append(TRAILER);
                    response.trailers().appendAnnouncement(out);
                    out.append(CRLF);
                }
            }
            case CLOSE -> { }
        }
    }

    /** Whether a body follows the head: not for HEAD requests, nor for 1xx, 204 and 304. */
    static boolean sendsBody(RequestCtx ctx) {
        return !ctx.request().isHead() && !StatusLine.forbidsBody(ctx.response().statusCode());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
