package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An access log line pattern, in the codes Tomcat's (and Boot's {@code server.tomcat.accesslog.pattern})
 * use, parsed once into the parts that render a line. "common" and "combined" name the two
 * classic formats.
 */
final class AccessLogFormat {

    static final String COMMON = "%h %l %u %t \"%r\" %s %b";
    static final String COMBINED = COMMON + " \"%{Referer}i\" \"%{User-Agent}i\"";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("'['dd/MMM/yyyy:HH:mm:ss Z']'", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** One piece of a line. */
    private interface Part {
        void append(StringBuilder line, RequestCtx ctx, long durationNanos);
    }

    private final List<Part> parts;

    private AccessLogFormat(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses {@code pattern}; fails on an unknown code, naming it. */
    static AccessLogFormat of(String pattern) {
        String p = switch (pattern) {
            case "common" -> COMMON;
            case "combined" -> COMBINED;
            default -> pattern;
        };
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c != '%' || i + 1 == p.length()) {
                literal.append(c);
                continue;
            }
            char code = p.charAt(++i);
            if (code == '%') {
                literal.append('%');
                continue;
            }
            addLiteral(parts, literal);
            if (code == '{') {
                int close = p.indexOf('}', i);
                if (close < 0 || close + 1 == p.length()) {
                    throw new IllegalArgumentException("access log pattern: unclosed %{ in " + pattern);
                }
                String name = p.substring(i + 1, close);
                char kind = p.charAt(close + 1);
                parts.add(header(name, kind, pattern));
                i = close + 1;
            } else {
                parts.add(part(code, pattern));
            }
        }
        addLiteral(parts, literal);
        return new AccessLogFormat(List.copyOf(parts));
    }

    /** Adds the text gathered so far, if any, as one part, and starts gathering anew. */
    private static void addLiteral(List<Part> parts, StringBuilder literal) {
        if (!literal.isEmpty()) {
            String text = literal.toString();
            parts.add((line, ctx, d) -> line.append(text));
            literal.setLength(0);
        }
    }

    String format(RequestCtx ctx, long durationNanos) {
        StringBuilder line = new StringBuilder(128);
        for (Part part : parts) {
            part.append(line, ctx, durationNanos);
        }
        return line.toString();
    }

    private static Part part(char code, String pattern) {
        return switch (code) {
            case 'h', 'a' -> (line, ctx, d) -> line.append(remoteIp(ctx));
            case 'l', 'u' -> (line, ctx, d) -> line.append('-');
            case 't' -> (line, ctx, d) -> line.append(TIME.format(Instant.now()));
            case 'r' -> (line, ctx, d) -> line.append(ctx.method()).append(' ').append(ctx.requestUri()).append(' ')
                    .append(ctx.request().protocol());
            case 'm' -> (line, ctx, d) -> line.append(ctx.method());
            case 'U' -> (line, ctx, d) -> line.append(ctx.request().pathOriginal());
            case 'q' -> (line, ctx, d) -> {
                ByteView query = ctx.request().queryString();
                if (query != null && query.length() > 0) {
                    line.append('?').append(query);
                }
            };
            case 'H' -> (line, ctx, d) -> line.append(ctx.request().protocol());
            case 's' -> (line, ctx, d) -> line.append(ctx.statusCode());
            case 'b' -> (line, ctx, d) -> {
                int length = ctx.response().bodyLength();
                line.append(length > 0 ? Integer.toString(length) : "-");
            };
            case 'B' -> (line, ctx, d) -> line.append(Math.max(0, ctx.response().bodyLength()));
            case 'D' -> (line, ctx, d) -> line.append(d / 1_000_000);
            case 'T' -> (line, ctx, d) -> line.append(String.format(Locale.ROOT, "%.3f", d / 1e9));
            default -> throw new IllegalArgumentException("access log pattern: unknown code %" + code + " in " + pattern);
        };
    }

    private static Part header(String name, char kind, String pattern) {
        return switch (kind) {
            case 'i' -> (line, ctx, d) -> appendOrDash(line, ctx.headers().peek(name));
            case 'o' -> name.equalsIgnoreCase("Content-Type")
                    ? (line, ctx, d) -> appendOrDash(line, ctx.response().contentType()) // kept apart from the header lines
                    : (line, ctx, d) -> appendOrDash(line, ctx.response().headers().peek(name));
            default -> throw new IllegalArgumentException("access log pattern: unknown code %{" + name + "}" + kind
                    + " in " + pattern);
        };
    }

    private static void appendOrDash(StringBuilder line, ByteView value) {
        line.append(value == null ? "-" : value.toString());
    }

    private static String remoteIp(RequestCtx ctx) {
        InetSocketAddress remote = ctx.remoteAddr();
        return remote == null || remote.getAddress() == null ? "-" : remote.getAddress().getHostAddress();
    }
}
