package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resolves a {@code @RequestBody} parameter: {@code byte[]}, {@code String}, {@code ByteView}
 * (the body in place) or {@code InputStream} as they come; any other type read as JSON with the
 * application's mapper, straight from the request's bytes, after checking the request says it is
 * JSON (415 otherwise); then validated when the parameter is marked {@code @Valid} or
 * {@code @Validated} and a validator exists. Malformed JSON, a value of the wrong type and a
 * violated constraint are 400s that say where.
 */
final class BodyResolver {

    private enum Kind { BYTES, STRING, VIEW, STREAM, JSON }

    private final Kind kind;
    private final JsonMapper mapper;
    private final JavaType jsonType;
    private final boolean required;
    private final boolean optional;
    /** Null when the parameter is not validated. */
    private final Validator validator;

    BodyResolver(Class<?> type, Type genericType, boolean required, boolean optional, JsonMapper mapper, Validator validator) {
        this.kind = type == byte[].class ? Kind.BYTES : type == String.class ? Kind.STRING : type == ByteView.class ? Kind.VIEW
                : type == InputStream.class ? Kind.STREAM : Kind.JSON;
        this.mapper = mapper;
        this.jsonType = kind == Kind.JSON ? mapper.constructType(genericType) : null;
        this.required = required;
        this.optional = optional;
        this.validator = validator;
    }

    Object resolveObject(RequestCtx ctx) throws IOException {
        if (ctx.request().isBodyStreamed()) {
            return resolveStreamed(ctx);
        }
        ByteView body = ctx.body();
        if (body.isEmpty()) {
            if (optional) {
                return Optional.empty();
            }
            if (required) {
                throw new BindingException(400, "Required request body is missing");
            }
            return null;
        }
        Object value = switch (kind) {
            case BYTES -> body.toBytes();
            case STRING -> body.toString();
            case VIEW -> body;
            case STREAM -> new ByteArrayInputStream(body.array(), body.offset(), body.length());
            case JSON -> readJson(ctx, body);
        };
        if (value == null && required && !optional) {
            throw new BindingException(400, "Required request body is missing");
        }
        if (value != null && validator != null) {
            validate(value);
        }
        return optional ? Optional.ofNullable(value) : value;
    }

    /**
     * A body streamed to a streaming route: an {@code InputStream} gets it as it arrives, JSON is
     * read from it as it arrives; bytes and text are read whole (the route's streamed limit
     * bounds them). A streamed body is never absent: its head announced one.
     */
    private Object resolveStreamed(RequestCtx ctx) throws IOException {
        InputStream in = ctx.requestBodyStream();
        Object value = switch (kind) {
            case STREAM -> in;
            case BYTES -> in.readAllBytes();
            case STRING -> new String(in.readAllBytes(), StandardCharsets.UTF_8);
            case VIEW -> throw new BindingException(400, "a streamed body is not in memory: take it as an InputStream");
            case JSON -> {
                checkJson(ctx);
                try {
                    yield mapper.readValue(in, jsonType);
                } catch (JacksonException e) {
                    throw jsonError(e);
                }
            }
        };
        if (value != null && validator != null) {
            validate(value);
        }
        return optional ? Optional.ofNullable(value) : value;
    }

    private Object readJson(RequestCtx ctx, ByteView body) {
        checkJson(ctx);
        try {
            return mapper.readValue(body.array(), body.offset(), body.length(), jsonType);
        } catch (JacksonException e) {
            throw jsonError(e);
        }
    }

    private static void checkJson(RequestCtx ctx) {
        ByteView contentType = ctx.headers().contentType();
        if (contentType == null || !MediaTypes.isJson(contentType.toString())) {
            throw new BindingException(415, "Content-Type '" + (contentType == null ? "" : contentType)
                    + "' is not supported: send application/json");
        }
    }

    private static BindingException jsonError(JacksonException e) {
        return new BindingException(400, "JSON parse error: " + e.getOriginalMessage()
                + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr()), e);
    }

    private void validate(Object value) {
        Errors errors = validator.validateObject(value);
        if (errors.hasErrors()) {
            String violations = errors.getAllErrors().stream()
                    .map(error -> (error instanceof FieldError field ? field.getField() + ": " : "")
                            + error.getDefaultMessage())
                    .sorted()
                    .collect(Collectors.joining("; "));
            throw new BindingException(400, "Validation failed: " + violations);
        }
    }
}
