package dev.fasthttp.spring.boot.observation;

import dev.fasthttp.RequestCtx;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import java.util.Locale;

/**
 * {@code http.server.requests} as Spring MVC and WebFlux observe it: low-cardinality
 * {@code method}, {@code uri} (the route template, never the raw path), {@code status},
 * {@code outcome} and {@code exception}; high-cardinality {@code http.url}; the contextual name
 * {@code http get /users/{id}}.
 */
public class DefaultFastHttpServerRequestObservationConvention implements FastHttpServerRequestObservationConvention {

    public static final String NAME = "http.server.requests";

    private static final KeyValue EXCEPTION_NONE = KeyValue.of("exception", "none");

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(FastHttpServerRequestObservationContext context) {
        RequestCtx ctx = context.getCarrier();
        String template = ctx.routeTemplate();
        String method = ctx.method().toString().toLowerCase(Locale.ROOT);
        return template == null ? "http " + method : "http " + method + " " + template;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(FastHttpServerRequestObservationContext context) {
        RequestCtx ctx = context.getCarrier();
        int status = context.getResponse() == null ? 0 : ctx.statusCode();
        Throwable error = context.getError();
        return KeyValues.of(
                error == null ? EXCEPTION_NONE : KeyValue.of("exception", error.getClass().getSimpleName()),
                KeyValue.of("method", ctx.method().toString()),
                KeyValue.of("outcome", RequestTags.outcome(status)),
                KeyValue.of("status", status == 0 ? "UNKNOWN" : Integer.toString(status)),
                KeyValue.of("uri", RequestTags.uri(ctx.routeTemplate(), status)));
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(FastHttpServerRequestObservationContext context) {
        return KeyValues.of(KeyValue.of("http.url", context.getCarrier().path().toString()));
    }
}
