package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.ErrorHandler;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestError;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.http.Status;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Error responses as Boot's servers write them, for a failed handler (500), a path no route
 * matches (404) and a method the path's routes do not take (405):
 *
 * <ul>
 *   <li>Boot's JSON ({@code timestamp}, {@code status}, {@code error}, {@code path}, and
 *       {@code message} with {@code server.error.include-message=always}) when the client accepts
 *       JSON, or anything ({@code *}{@code /*}, no Accept);</li>
 *   <li>RFC 9457 problem details ({@code application/problem+json}: {@code type}, {@code title},
 *       {@code status}, {@code detail}, {@code instance}) when the client asks for them, or accepts
 *       JSON and {@code spring.mvc.problemdetails.enabled=true};</li>
 *   <li>the reason as plain text for a client that accepts neither.</li>
 * </ul>
 *
 * A request refused by a typed handler's binding (a missing parameter, malformed JSON) carries
 * its reason in {@code message} or {@code detail} always: it tells the client what to fix.
 *
 * Requests the engine refuses before any handler runs (a 400 from the parser, 408, 413, 431)
 * keep their plain form: they are the protocol's answers, not the application's.
 */
final class ErrorResponses implements ErrorHandler {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private final boolean includeMessage;
    private final boolean problemDetails;
    private final Clock clock;

    ErrorResponses(boolean includeMessage, boolean problemDetails, Clock clock) {
        this.includeMessage = includeMessage;
        this.problemDetails = problemDetails;
        this.clock = clock;
    }

    @Override
    public void handle(RequestCtx ctx, RequestError error) {
        if (error.protocolError() != null) {
            ErrorHandler.DEFAULT.handle(ctx, error);
        } else {
            write(ctx, error.status(), detail(error));
        }
    }

    /**
     * What the body says beyond the status: a reason written for the client (one that is not the
     * status's own phrase, such as which parameter was missing) always; an exception's message
     * only with {@code server.error.include-message=always}, since it may tell what the server holds.
     */
    private String detail(RequestError error) {
        if (error.reason() != null && !error.reason().equals(Status.reason(error.status()))) {
            return error.reason();
        }
        return includeMessage && error.cause() != null ? error.cause().getMessage() : null;
    }

    private void write(RequestCtx ctx, int status, String detail) {
        ctx.setStatusCode(status);
        String reason = Status.reason(status);
        ByteView acceptHeader = ctx.headers().peek("Accept");
        String accept = acceptHeader == null ? "" : acceptHeader.toString();
        if (accept.contains("application/problem+json") || (problemDetails && acceptsJson(accept))) {
            Json json = new Json().field("type", "about:blank").field("title", reason).field("status", status);
            if (detail != null) {
                json.field("detail", detail);
            }
            ctx.setContentType("application/problem+json");
            ctx.setBodyString(json.field("instance", ctx.path().toString()).end());
        } else if (acceptsJson(accept)) {
            Json json = new Json().field("timestamp", OffsetDateTime.now(clock).format(TIMESTAMP))
                    .field("status", status).field("error", reason);
            if (detail != null) {
                json.field("message", detail);
            }
            ctx.setContentType("application/json");
            ctx.setBodyString(json.field("path", ctx.path().toString()).end());
        } else {
            ctx.setContentType("text/plain; charset=utf-8");
            ctx.setBodyString(reason);
        }
    }

    private static boolean acceptsJson(String accept) {
        return accept.isEmpty() || accept.contains("json") || accept.contains("*/*") || accept.contains("application/*");
    }

    /** A flat JSON object of strings and numbers. */
    private static final class Json {

        private final StringBuilder out = new StringBuilder(128).append('{');

        Json field(String name, int value) {
            name(name);
            out.append(value);
            return this;
        }

        Json field(String name, String value) {
            name(name);
            string(value);
            return this;
        }

        String end() {
            return out.append('}').toString();
        }

        private void name(String name) {
            if (out.length() > 1) {
                out.append(',');
            }
            string(name);
            out.append(':');
        }

        private void string(String s) {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
    }
}
