package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.FormData;
import dev.fasthttp.FormFile;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One part of a {@code multipart/form-data} body, for a parameter annotated {@code @RequestPart}
 * (or {@code @RequestParam} of type {@link FormFile}), as Spring MVC binds a {@code MultipartFile}:
 * a {@link FormFile} (the part as sent, in memory or, for a streaming route's large files, on disk
 * until the request ends), its content as text ({@code String}, UTF-8) or bytes ({@code byte[]}),
 * or its content as it is read ({@code InputStream}). The form is read once per request, buffered
 * or streamed as the route is; a field is a part too.
 */
final class PartResolver {

    private enum Kind { FILE, TEXT, BYTES, STREAM }

    private final String name;
    private final Kind kind;
    private final boolean required;
    private final boolean optional;

    PartResolver(String name, Class<?> type, boolean required, boolean optional) {
        this.name = name;
        this.kind = type == FormFile.class ? Kind.FILE : type == String.class ? Kind.TEXT : type == byte[].class ? Kind.BYTES
                : type == InputStream.class ? Kind.STREAM : null;
        if (kind == null) {
            throw new IllegalStateException("a part is bound as a FormFile, String, byte[] or InputStream, not " + type.getName());
        }
        this.required = required;
        this.optional = optional;
    }

    Object resolveObject(RequestCtx ctx) throws IOException {
        Object value = value(ctx);
        if (value == null) {
            if (required && !optional) {
                throw new BindingException(400, "Required part '" + name + "' is not present");
            }
            return optional ? Optional.empty() : null;
        }
        return optional ? Optional.of(value) : value;
    }

    private Object value(RequestCtx ctx) throws IOException {
        FormData form = ctx.request().isBodyStreamed() ? ctx.spooledMultipartForm() : ctx.multipartForm();
        FormFile file = form.file(name);
        if (file != null) {
            return switch (kind) {
                case FILE -> file;
                case STREAM -> file.open();
                case BYTES -> readAll(file);
                case TEXT -> new String(readAll(file), StandardCharsets.UTF_8);
            };
        }
        if (kind == Kind.FILE) {
            return null; // a field is no file
        }
        ByteView field = form.value(name);
        if (field == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> field.toString(StandardCharsets.UTF_8);
            case BYTES -> field.toBytes();
            default -> new ByteArrayInputStream(field.toBytes());
        };
    }

    private static byte[] readAll(FormFile file) throws IOException {
        try (InputStream in = file.open()) {
            return in.readAllBytes();
        }
    }
}
