package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.http.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Everything a handler needs for one request: the request to read, the response to fill, the
 * connection it came on, and a place for values handlers pass each other.
 *
 * <h2>Lifetime</h2>
 * The engine reuses a ctx, and every view it hands out, for request after request. <b>Nothing
 * obtained from a ctx may be kept after the handler returns</b>: not the ctx, not a
 * {@link ByteView}, not {@link #request()} or {@link #response()}. Copy what must outlive the
 * handler ({@link ByteView#toString()}, {@link ByteView#toBytes()}). This is the price of a
 * request path that allocates nothing, and it is the same rule as Go's fasthttp.
 *
 * <h2>Threads</h2>
 * A ctx is used by one thread at a time: the event loop, or the virtual thread a blocking
 * handler runs on. It is not safe to share with other threads, except through
 * {@link #timeoutError}. {@link #isDone()} and {@link #onDone} may be used from any thread.
 */
public final class RequestCtx {

    private static final byte[] NOT_FOUND = "404 Page not found".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final InetSocketAddress NO_ADDRESS = new InetSocketAddress(0);

    private final Request request = new Request();
    private final Response response = new Response();
    private final PathParams pathParams = new PathParams(request);
    private String routeTemplate;

    private ConnectionInfo connection;
    private final TrustedProxies trustedProxies;
    private final Forwarding forwarding = new Forwarding();
    private final UserValues userValues = new UserValues();
    private RequestHandler blockingContinuation;
    private BodyReceiver bodyReceiver;
    private long startNanos;
    private Throwable failure;
    private final RequestForms forms;
    /** The done signal and the timeout: {@link #isDone()}, {@link TimeoutHandler}. */
    final Cancellation cancellation = new Cancellation();

    RequestCtx(TrustedProxies trustedProxies) {
        this(trustedProxies, MultipartLimits.defaults());
    }

    RequestCtx(TrustedProxies trustedProxies, MultipartLimits multipartLimits) {
        this.trustedProxies = trustedProxies;
        this.forms = new RequestForms(multipartLimits);
    }

    void reset(ConnectionInfo connection) {
        this.connection = connection;
        request.reset();
        response.reset();
        pathParams.clear();
        routeTemplate = null;
        failure = null;
        userValues.clear();
        blockingContinuation = null;
        bodyReceiver = null;
        forwarding.reset();
        forms.clear();
        cancellation.reset();
    }

    /** Releases references to user objects once the request is done. */
    void release() {
        pathParams.clear();
        routeTemplate = null;
        failure = null;
        userValues.clear();
        blockingContinuation = null;
        bodyReceiver = null;
        connection = null;
        forms.clear();
        cancellation.reset();
    }

    // ---- the request -------------------------------------------------------------------------

    public Request request() {
        return request;
    }

    /** The method, as sent. */
    public ByteView method() {
        return request.method();
    }

    public boolean isGet() {
        return request.isGet();
    }

    public boolean isHead() {
        return request.isHead();
    }

    public boolean isPost() {
        return request.isPost();
    }

    public boolean isPut() {
        return request.isPut();
    }

    public boolean isDelete() {
        return request.isDelete();
    }

    /** The decoded, normalized path. */
    public ByteView path() {
        return request.path();
    }

    public Uri uri() {
        return request.uri();
    }

    /** The value of the path parameter {@code name} matched by a router, or null. */
    public ByteView pathParam(String name) {
        return pathParams.get(name);
    }

    /** All path parameters a router matched; routers also fill them through here. */
    public PathParams pathParams() {
        return pathParams;
    }

    /**
     * The template of the route that matched ({@code /users/{id}}), or null when no router ran or
     * none matched. Metrics tag requests with it rather than the raw path, whose values are unbounded.
     */
    public String routeTemplate() {
        return routeTemplate;
    }

    /** For routers: records the template of the route that matched. */
    public void setRouteTemplate(String template) {
        this.routeTemplate = template;
    }

    /** The request target exactly as sent. */
    public ByteView requestUri() {
        return request.requestUri();
    }

    /** The host the client asked for; behind a trusted proxy, the one the proxy says the client used. */
    public ByteView host() {
        ByteView forwarded = forwarding().host();
        return forwarded != null ? forwarded : request.host();
    }

    public Args queryArgs() {
        return request.queryArgs();
    }

    /** Arguments of an urlencoded form body. */
    public Args postArgs() {
        return request.postArgs();
    }

    /**
     * The value of {@code key} from the query string, else from an urlencoded form body, else from
     * the fields of a multipart/form-data body; null if in none. Looking into a multipart body
     * parses it as {@link #multipartForm()} does, and throws as it does if it is malformed; a
     * request of another Content-Type is not parsed.
     */
    public ByteView formValue(String key) {
        ByteView v = request.queryArgs().peek(key);
        if (v == null) {
            v = request.postArgs().peek(key);
        }
        if (v == null && RequestForms.isFormData(request)) {
            v = forms.of(this).value(key);
        }
        return v;
    }

    /**
     * The {@code multipart/form-data} body (RFC 7578): parsed on the first call, in place (values
     * and file contents are views of the body, valid until the handler returns), and kept for
     * the rest of the request. What a handler that never calls it pays: nothing.
     *
     * @throws RequestRejectedException which the server answers, if the handler lets it go, with
     *         415 when the request is not multipart/form-data (another Content-Type, or none: a
     *         form was expected and is not what came, as Spring answers a request whose media
     *         type a handler does not consume); 413 when the form has more parts than
     *         {@link Server.Builder#maxMultipartParts}; 400 when it is malformed (no or a bad
     *         boundary, no close delimiter, a part without {@code Content-Disposition: form-data;
     *         name=...}, part headers over {@link Server.Builder#maxMultipartPartHeaderSize}, ...),
     *         each with a message saying what is wrong
     */
    public MultipartForm multipartForm() {
        return forms.buffered(request);
    }

    /**
     * The first file sent in the form field {@code name}, or null if none was: Go's
     * {@code ctx.FormFile(name)}.
     *
     * @throws RequestRejectedException as {@link #multipartForm()}
     */
    public FormFile formFile(String name) {
        return forms.of(this).file(name);
    }

    /**
     * The {@code multipart/form-data} body read from {@link #requestBodyStream()} on the first
     * call, for a streamed body: fields in memory, files in memory up to
     * {@link MultipartLimits#memoryThreshold()} and in temporary files above it, deleted when the
     * request ends unless {@link FormFile#saveTo saved} elsewhere. Limits are the server's
     * {@link Server.Builder#multipartLimits}. Works on a buffered body too. Blocks while the body
     * arrives: call it from a streaming (or blocking) route.
     *
     * @throws RequestRejectedException as {@link #multipartForm()} does, and 413 when a file or
     *         the form passes its size limit
     * @throws IOException if the body cannot be read ({@link RequestBodyException}) or a file
     *         cannot be written
     */
    public SpooledMultipartForm spooledMultipartForm() throws IOException {
        return forms.spooled(this);
    }

    /**
     * The parts of a {@code multipart/form-data} body one at a time, each read as it arrives and
     * never stored: for uploads that must not touch the disk. Limits are the server's
     * {@link Server.Builder#multipartLimits}. Blocks while the body arrives: call it from a
     * streaming (or blocking) route.
     *
     * @throws RequestRejectedException 415 if the request is not multipart/form-data, 400 for a
     *         bad boundary; the stream's parts throw it too (see {@link MultipartStream})
     */
    public MultipartStream multipartStream() {
        return forms.stream(this);
    }

    /**
     * The request body, decoded from chunked if it came so.
     *
     * @throws IllegalStateException if the body is streamed ({@link Request#isBodyStreamed()})
     */
    public ByteView body() {
        return request.body();
    }

    /**
     * Receives a streamed body on the event loop, piece by piece, as it arrives: for a handler that
     * runs inline on a {@linkplain dev.fasthttp.routing.Route#streaming() streaming route} and must
     * not block. Call it from the handler, which then returns; the response is written once the
     * receiver's {@code onEnd} (or {@code onError}) has set it. See {@link BodyReceiver}. A body
     * that is not streamed (none, or a route that buffers) is handed over at once, whole.
     *
     * @throws IllegalStateException if the body is already being received
     */
    public void receiveBody(BodyReceiver receiver) throws Exception {
        Objects.requireNonNull(receiver, "receiver");
        if (bodyReceiver != null) {
            throw new IllegalStateException("the body is already being received");
        }
        if (request.isBodyStreamed()) {
            bodyReceiver = receiver;
            return;
        }
        BodyReception.handOverWhole(this, request.body(), receiver);
    }

    /** The receiver the handler registered with {@link #receiveBody}, taken once; or null. */
    BodyReceiver takeBodyReceiver() {
        BodyReceiver r = bodyReceiver;
        bodyReceiver = null;
        return r;
    }

    /**
     * The request body as a stream. For a request whose body is streamed (see
     * {@link RequestBodyStreaming}) it reads the body as it arrives, decoded from chunked, blocking
     * until bytes come: the handler runs on a virtual thread. It throws a
     * {@link RequestBodyException} when the body breaks its framing, passes
     * {@link Server.Builder#maxStreamedRequestBodySize}, stalls for the read timeout or is cut by
     * the client. What the handler leaves unread is read and dropped after it returns (a little),
     * or the connection closes. Closing the stream is optional.
     *
     * <p>For a buffered body it reads {@link #body()}. Valid until the handler returns, like
     * everything else from the ctx.
     */
    public InputStream requestBodyStream() {
        StreamedRequestBody streamed = request.streamedBody();
        if (streamed != null) {
            return streamed;
        }
        ByteView b = request.body();
        return new ByteArrayInputStream(b.array(), b.offset(), b.length());
    }

    public RequestHeaders headers() {
        return request.headers();
    }

    public ByteView referer() {
        return request.headers().referer();
    }

    public ByteView userAgent() {
        return request.headers().userAgent();
    }

    /** The value of the request cookie {@code name}, or null. */
    public ByteView cookie(String name) {
        return request.headers().cookie(name);
    }

    /**
     * The client's address: the peer of the TCP connection, or, when that peer is a trusted proxy
     * ({@link Server.Builder#trustedProxies}), the client its forwarding headers name.
     */
    public InetSocketAddress remoteAddr() {
        InetSocketAddress forwarded = forwarding().client();
        if (forwarded != null) {
            return forwarded;
        }
        InetSocketAddress address = peer();
        return address != null ? address : NO_ADDRESS;
    }

    /**
     * Whether the client used TLS. The engine serves plain TCP, so only a trusted proxy that
     * terminated TLS can say so ({@code Forwarded: proto=https}, {@code X-Forwarded-Proto: https}).
     */
    public boolean isTLS() {
        return forwarding().https();
    }

    /**
     * The path prefix a trusted proxy removed before forwarding the request
     * ({@code X-Forwarded-Prefix: /shop}), to put back into links to this server; empty when there
     * is none or no trusted proxy sent the request.
     */
    public String forwardedPrefix() {
        return forwarding().prefix();
    }

    private InetSocketAddress peer() {
        return connection == null ? null : connection.remoteAddress();
    }

    private Forwarding forwarding() {
        return forwarding.resolve(request.headers(), peer(), trustedProxies);
    }

    public ConnectionInfo connection() {
        return connection;
    }

    /** Identifies the connection; with {@link #connectionRequestNumber()} it names a request. */
    public long connectionId() {
        return connection == null ? 0 : connection.id();
    }

    /** 1 for the first request of the connection, 2 for the next... */
    public long connectionRequestNumber() {
        return connection == null ? 0 : connection.requestCount();
    }

    // ---- the response ------------------------------------------------------------------------

    public Response response() {
        return response;
    }

    public RequestCtx setStatusCode(int status) {
        response.setStatusCode(status);
        return this;
    }

    public int statusCode() {
        return response.statusCode();
    }

    public RequestCtx setContentType(CharSequence contentType) {
        response.setContentType(contentType);
        return this;
    }

    /** Appends to the response body. */
    public RequestCtx write(byte[] bytes) {
        response.appendBody(bytes);
        return this;
    }

    public RequestCtx write(byte[] bytes, int offset, int length) {
        response.appendBody(bytes, offset, length);
        return this;
    }

    public RequestCtx write(ByteView bytes) {
        response.appendBody(bytes);
        return this;
    }

    /** Appends {@code text} as UTF-8. */
    public RequestCtx write(CharSequence text) {
        response.appendBodyString(text);
        return this;
    }

    public RequestCtx setBody(byte[] bytes) {
        response.setBody(bytes);
        return this;
    }

    public RequestCtx setBodyString(CharSequence text) {
        response.setBodyString(text);
        return this;
    }

    /** Streams the response body after the handler returns; see {@link BodyStreamWriter}. */
    /** See {@link Response#setBodyStream(InputStream, long)}. */
    public RequestCtx setBodyStream(InputStream stream, long size) {
        response.setBodyStream(stream, size);
        return this;
    }

    public RequestCtx setBodyStreamWriter(BodyStreamWriter writer) {
        response.setBodyStreamWriter(writer);
        return this;
    }

    /** Sets the content type and the body, as a successful response. */
    public RequestCtx success(CharSequence contentType, byte[] body) {
        response.setContentType(contentType);
        response.setBody(body);
        return this;
    }

    public RequestCtx success(CharSequence contentType, CharSequence body) {
        response.setContentType(contentType);
        response.setBodyString(body);
        return this;
    }

    /** Replaces the response with {@code message} as plain text and {@code status}. */
    public RequestCtx error(CharSequence message, int status) {
        response.resetForError(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setBodyString(message);
        return this;
    }

    /** Replaces the response with a 404. */
    public RequestCtx notFound() {
        response.resetForError(404);
        response.setContentType("text/plain; charset=utf-8");
        response.setBody(NOT_FOUND);
        return this;
    }

    /**
     * Redirects to {@code location} with {@code status} (301, 302, 303, 307 or 308; anything else
     * becomes 302). A location without a scheme is kept as given: relative references are
     * resolved by the client (RFC 9110 10.2.2).
     */
    public RequestCtx redirect(CharSequence location, int status) {
        if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
            status = 302;
        }
        response.setStatusCode(status);
        response.headers().set("Location", location);
        return this;
    }

    /** Closes the connection after this response. */
    public RequestCtx setConnectionClose() {
        response.setConnectionClose();
        return this;
    }

    // ---- user values -------------------------------------------------------------------------

    /** A value stored by an earlier handler for this request, or null. Keys compare with equals. */
    public Object userValue(Object key) {
        return userValues.get(key);
    }

    /** Stores a value for later handlers of this request; cleared when the request ends. */
    public RequestCtx setUserValue(Object key, Object value) {
        userValues.put(key, value);
        return this;
    }

    // ---- execution ---------------------------------------------------------------------------

    /**
     * Finishes this request on a virtual thread: {@code handler} runs there once the current
     * handler returns, and may block. The event loop serves other connections meanwhile and
     * writes the response when {@code handler} returns. Called from a handler already on a
     * virtual thread, {@code handler} simply runs next on that thread.
     */
    public void runBlocking(RequestHandler handler) {
        blockingContinuation = handler;
    }

    // ---- cancellation: see Cancellation -----------------------------------------------------

    /**
     * Whether this request is over before its handler is: the client disconnected, the handler
     * overran its {@link TimeoutHandler} timeout, or a shutdown cut the connection
     * ({@link #doneReason()} says which). Its response is then unwanted (after a timeout it is
     * never written), and a handler that runs long can stop early. When it turns true, the
     * virtual thread running the handler is <b>interrupted</b>: {@code Thread.sleep}, interruptible
     * waits and socket I/O on that thread throw.
     *
     * <p>It can only turn true while the handler runs off the event loop (a blocking route,
     * {@link #runBlocking}, a {@link TimeoutHandler}): an inline handler runs on the loop that
     * would notice, and cannot be preempted. Checking costs a volatile read.
     */
    public boolean isDone() {
        return cancellation.isDone();
    }

    /** Why {@link #isDone()} turned true, or null while it has not. */
    public DoneReason doneReason() {
        return cancellation.reason();
    }

    /**
     * Runs {@code callback} once this request is done ({@link #isDone()}), or at once if it is.
     * It runs on the thread that noticed, usually an event loop: it must be quick and must not
     * block (cancel a call, complete a future). Registering allocates; a request that never asks
     * pays nothing. Callbacks not run are dropped when the request ends.
     */
    public void onDone(Runnable callback) {
        cancellation.onDone(java.util.Objects.requireNonNull(callback, "callback"));
    }

    /**
     * Gives up this response for a timeout response, {@code message} with the status of the
     * {@link TimeoutHandler} running this handler (503 if none): Go fasthttp's
     * {@code ctx.TimeoutError}. See {@link #timeoutError(CharSequence, int)}.
     */
    public void timeoutError(CharSequence message) {
        cancellation.choose(message.toString(), 0);
    }

    /**
     * Gives up this response for {@code message} with {@code status}, written through the
     * server's {@link ErrorHandler} from a fresh ctx: whatever this handler set or still sets on
     * its response is ignored. Under a {@link TimeoutHandler} it is the response sent if the
     * handler overruns; otherwise it is sent when the handler returns.
     *
     * <p>Call it before returning when other threads may still use this ctx: the engine then
     * never reuses it, nor the input its views point into (they are left to the garbage
     * collector once those threads let go), and fires its done signal. It is the one way to
     * let a ctx outlive its handler; costly, so meant for the rare request.
     */
    public void timeoutError(CharSequence message, int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        cancellation.choose(message.toString(), status);
    }

    /** When the request head was complete, for a {@link ResponseObserver}; 0 when none is set. */
    void markStart(long nanos) {
        startNanos = nanos;
    }

    long startNanos() {
        return startNanos;
    }

    /** What the handler threw, if anything; kept for the {@link ResponseObserver}. */
    void setFailure(Throwable failure) {
        this.failure = failure;
    }

    Throwable failure() {
        return failure;
    }

    /** Takes the handler passed to {@link #runBlocking}, if any. */
    RequestHandler takeBlockingContinuation() {
        RequestHandler next = blockingContinuation;
        blockingContinuation = null;
        return next;
    }

    @Override
    public String toString() {
        return "#" + connectionId() + "/" + connectionRequestNumber() + " " + method() + " " + requestUri()
                + " -> " + statusCode() + " " + Status.reason(statusCode());
    }
}
