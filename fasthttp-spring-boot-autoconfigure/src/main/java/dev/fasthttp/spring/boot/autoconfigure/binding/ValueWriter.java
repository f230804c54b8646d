package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.Response;
import dev.fasthttp.bytes.ByteView;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a typed handler returns: text as {@code text/plain}, bytes and views as
 * {@code application/octet-stream}, a {@link ResponseEntity} with its status and headers, anything
 * else as JSON with the application's mapper, written into the response body directly. A null
 * body writes nothing, as in Spring MVC. The writer is chosen from the declared return type when
 * the server starts; {@code Object} and entity bodies are dispatched on their runtime type.
 */
@FunctionalInterface
interface ValueWriter {

    String TEXT = "text/plain; charset=utf-8";
    String BYTES = "application/octet-stream";
    String JSON = "application/json";

    /** @param contentType the negotiated type ({@code produces}), or null for the writer's own */
    void write(RequestCtx ctx, Object value, String contentType);

    static ValueWriter forType(Class<?> type, JsonMapper mapper) {
        if (type == String.class || type == CharSequence.class) {
            return ValueWriter::text;
        }
        if (type == byte[].class) {
            return ValueWriter::bytes;
        }
        if (type == ByteView.class) {
            return ValueWriter::view;
        }
        if (ResponseEntity.class.isAssignableFrom(type)) {
            return (ctx, value, contentType) -> entity(ctx, (ResponseEntity<?>) value, contentType, mapper);
        }
        if (type == Object.class) {
            return (ctx, value, contentType) -> dynamic(ctx, value, contentType, mapper);
        }
        return (ctx, value, contentType) -> json(ctx, value, contentType, mapper);
    }

    private static void text(RequestCtx ctx, Object value, String contentType) {
        if (value != null) {
            ctx.setContentType(contentType != null ? contentType : TEXT);
            ctx.setBodyString((CharSequence) value);
        }
    }

    private static void bytes(RequestCtx ctx, Object value, String contentType) {
        if (value != null) {
            ctx.setContentType(contentType != null ? contentType : BYTES);
            ctx.setBody((byte[]) value);
        }
    }

    private static void view(RequestCtx ctx, Object value, String contentType) {
        if (value != null) {
            ctx.setContentType(contentType != null ? contentType : BYTES);
            ctx.response().setBody((ByteView) value);
        }
    }

    private static void json(RequestCtx ctx, Object value, String contentType, JsonMapper mapper) {
        if (value != null) {
            ctx.setContentType(contentType != null ? contentType : JSON);
            mapper.writeValue(ctx.response().bodyOutputStream(), value);
        }
    }

    private static void dynamic(RequestCtx ctx, Object value, String contentType, JsonMapper mapper) {
        switch (value) {
            case null -> { }
            case CharSequence text -> text(ctx, text, contentType);
            case byte[] bytes -> bytes(ctx, bytes, contentType);
            case ByteView view -> view(ctx, view, contentType);
            default -> json(ctx, value, contentType, mapper);
        }
    }

    private static void entity(RequestCtx ctx, ResponseEntity<?> entity, String contentType, JsonMapper mapper) {
        if (entity == null) {
            return;
        }
        ctx.setStatusCode(entity.getStatusCode().value());
        Response response = ctx.response();
        String type = contentType;
        for (Map.Entry<String, List<String>> header : entity.getHeaders().headerSet()) {
            if (header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                type = header.getValue().get(0);
            } else {
                for (String value : header.getValue()) {
                    response.headers().add(header.getKey(), value);
                }
            }
        }
        dynamic(ctx, entity.getBody(), type, mapper);
    }
}
