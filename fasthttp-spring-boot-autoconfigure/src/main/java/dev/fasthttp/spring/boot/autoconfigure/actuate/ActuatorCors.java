package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.ResponseHeaders;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties;

/**
 * Cross-origin access to the Actuator endpoints from {@code management.endpoints.web.cors.*}, as
 * Boot applies it to its servers' endpoint mappings: off until allowed origins (or origin
 * patterns) are set; then preflight requests are answered, and actual requests from an allowed
 * origin get the {@code Access-Control-*} headers, while those from another origin are refused
 * with 403 (as Spring's CORS processing does).
 */
final class ActuatorCors {

    private final List<String> origins;
    private final List<Pattern> originPatterns;
    private final List<String> methods;
    private final List<String> headers;
    private final String exposedHeaders;
    private final boolean credentials;
    private final String maxAgeSeconds;

    private ActuatorCors(CorsEndpointProperties p) {
        this.origins = p.getAllowedOrigins();
        this.originPatterns = p.getAllowedOriginPatterns().stream().map(ActuatorCors::originPattern).toList();
        // Boot's default when no methods are set.
        this.methods = p.getAllowedMethods().isEmpty() ? List.of("GET", "POST")
                : p.getAllowedMethods().stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
        this.headers = p.getAllowedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        this.exposedHeaders = String.join(", ", p.getExposedHeaders());
        this.credentials = Boolean.TRUE.equals(p.getAllowCredentials());
        this.maxAgeSeconds = Long.toString(p.getMaxAge().toSeconds());
    }

    /** The CORS policy, or null when no origin is allowed: the endpoints then ignore {@code Origin}. */
    static ActuatorCors of(CorsEndpointProperties properties) {
        if (properties.getAllowedOrigins().isEmpty() && properties.getAllowedOriginPatterns().isEmpty()) {
            return null;
        }
        return new ActuatorCors(properties);
    }

    /** {@code handler}, answering cross-origin requests per this policy. */
    RequestHandler actual(RequestHandler handler) {
        return ctx -> {
            String origin = ctx.headers().get("Origin");
            if (origin == null) {
                handler.handle(ctx);
            } else if (!allows(origin) || !methods.contains(ctx.method().toString())) {
                refuse(ctx);
            } else {
                allowOrigin(ctx.response().headers(), origin);
                if (!exposedHeaders.isEmpty()) {
                    ctx.response().headers().set("Access-Control-Expose-Headers", exposedHeaders);
                }
                handler.handle(ctx);
            }
        };
    }

    /** Answers {@code OPTIONS} preflight requests for the endpoints' paths. */
    RequestHandler preflight() {
        return ctx -> {
            String origin = ctx.headers().get("Origin");
            String method = ctx.headers().get("Access-Control-Request-Method");
            String requested = ctx.headers().get("Access-Control-Request-Headers");
            if (origin == null || method == null || !allows(origin) || !methods.contains(method.toUpperCase(Locale.ROOT))
                    || !allowsHeaders(requested)) {
                refuse(ctx);
                return;
            }
            ResponseHeaders out = ctx.response().headers();
            allowOrigin(out, origin);
            out.set("Access-Control-Allow-Methods", String.join(", ", methods));
            if (requested != null && !requested.isBlank()) {
                out.set("Access-Control-Allow-Headers", requested);
            }
            out.set("Access-Control-Max-Age", maxAgeSeconds);
            ctx.setStatusCode(200);
        };
    }

    private boolean allows(String origin) {
        if (origins.contains("*") && !credentials) {
            return true;
        }
        for (String allowed : origins) {
            if (allowed.equalsIgnoreCase(origin)) {
                return true;
            }
        }
        for (Pattern pattern : originPatterns) {
            if (pattern.matcher(origin).matches()) {
                return true;
            }
        }
        return false;
    }

    private boolean allowsHeaders(String requested) {
        if (requested == null || requested.isBlank() || headers.contains("*")) {
            return true;
        }
        List<String> wanted = new ArrayList<>();
        for (String header : requested.split(",")) {
            wanted.add(header.trim().toLowerCase(Locale.ROOT));
        }
        wanted.removeIf(String::isEmpty);
        return headers.containsAll(wanted);
    }

    private void allowOrigin(ResponseHeaders out, String origin) {
        out.set("Access-Control-Allow-Origin", origins.contains("*") && !credentials ? "*" : origin);
        out.add("Vary", "Origin");
        if (credentials) {
            out.set("Access-Control-Allow-Credentials", "true");
        }
    }

    private static void refuse(RequestCtx ctx) {
        ctx.setStatusCode(403);
        ctx.setContentType("text/plain; charset=utf-8");
        ctx.setBodyString("Invalid CORS request");
    }

    /** Spring's origin patterns: {@code *} for any part of a host, {@code [*]} or {@code [8080,8081]} for the port. */
    private static Pattern originPattern(String pattern) {
        String host = pattern;
        String ports = null;
        int portList = pattern.lastIndexOf(":[");
        if (pattern.endsWith("]") && portList > 0) {
            host = pattern.substring(0, portList);
            ports = pattern.substring(portList + 2, pattern.length() - 1);
        }
        StringBuilder regex = new StringBuilder(Arrays.stream(host.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
        if (ports != null) {
            regex.append(ports.equals("*") ? "(:\\d+)?" : "(:(" + Arrays.stream(ports.split(","))
                    .map(String::trim).map(Pattern::quote).collect(Collectors.joining("|")) + "))?");
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
