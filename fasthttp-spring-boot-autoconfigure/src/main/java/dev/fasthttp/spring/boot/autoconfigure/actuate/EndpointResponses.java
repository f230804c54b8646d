package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.core.io.Resource;
import org.springframework.util.InvalidMimeTypeException;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what Actuator operations return, as Boot's MVC adapter does: text and bytes as they are,
 * a {@link Resource} as its content, anything else as JSON, with Actuator's own mapper for
 * {@link OperationResponseBody} results (health, metrics, loggers, ...) and the application's for
 * the rest. The content type is the one the operation chose, else the first of those it produces
 * that the client accepts; a client accepting none of them gets 406.
 */
final class EndpointResponses {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final JsonMapper endpointMapper;
    private final JsonMapper applicationMapper;

    EndpointResponses(JsonMapper endpointMapper, JsonMapper applicationMapper) {
        this.endpointMapper = endpointMapper;
        this.applicationMapper = applicationMapper;
    }

    void write(RequestCtx ctx, int status, MimeType chosenType, Object body, Collection<String> produces) {
        MimeType contentType = chosenType != null ? chosenType : negotiate(ctx.headers().get("Accept"), produces);
        if (contentType == null) {
            ctx.setStatusCode(406);
            return;
        }
        ctx.setStatusCode(status);
        if (body == null) {
            return;
        }
        ctx.setContentType(contentType.toString());
        if (body instanceof byte[] bytes) {
            ctx.setBody(bytes);
        } else if (body instanceof CharSequence text) {
            ctx.setBody(text.toString().getBytes(StandardCharsets.UTF_8));
        } else if (body instanceof Resource resource) {
            ctx.setBody(read(resource));
        } else {
            JsonMapper mapper = body instanceof OperationResponseBody ? endpointMapper : applicationMapper;
            ctx.setBody(mapper.writeValueAsBytes(body));
        }
    }

    void badRequest(RequestCtx ctx, String reason) {
        ctx.setStatusCode(400);
        ctx.setContentType("text/plain; charset=utf-8");
        ctx.setBodyString(reason == null ? "Bad Request" : reason);
    }

    /** The fields of a JSON object body, as operations that take a body (a logger's level) expect them. */
    Map<String, Object> readJsonObject(ByteView body) {
        try {
            Map<String, Object> fields = applicationMapper.readValue(body.toBytes(), JSON_OBJECT);
            return fields == null ? Map.of() : fields;
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the body is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** The first produced type the client accepts; with no {@code Accept}, the first produced. */
    static MimeType negotiate(String accept, Collection<String> produces) {
        List<MimeType> produced = produces.stream().map(MimeTypeUtils::parseMimeType).toList();
        if (accept == null || accept.isBlank()) {
            return produced.isEmpty() ? MimeTypeUtils.APPLICATION_JSON : produced.get(0);
        }
        List<MimeType> accepted;
        try {
            accepted = MimeTypeUtils.parseMimeTypes(accept).stream().filter(type -> !"0".equals(type.getParameter("q"))).toList();
        } catch (InvalidMimeTypeException e) {
            return null;
        }
        if (produced.isEmpty()) {
            return MimeTypeUtils.APPLICATION_JSON;
        }
        for (MimeType type : produced) {
            for (MimeType wanted : accepted) {
                if (wanted.includes(type)) {
                    return type;
                }
            }
        }
        return null;
    }

    private static byte[] read(Resource resource) {
        try (var in = resource.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
