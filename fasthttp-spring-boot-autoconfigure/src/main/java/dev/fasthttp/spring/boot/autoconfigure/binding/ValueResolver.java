package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Resolves one parameter from one request value ({@link Source}): present, it is converted;
 * absent (or empty, for types other than text), the default is used, or {@code Optional.empty()},
 * or null when not required, else the request is refused with 400 naming the parameter.
 *
 * <p>Primitives have methods of their own, so a {@code long} travels from the bytes to the
 * handler without a box: {@link #resolveLong} and the others allocate nothing.
 */
final class ValueResolver {

    private final Source source;
    private final boolean required;
    private final boolean optional;
    /** The default value's text, or null when there is none. */
    private final ByteView defaultText;
    private final TextConverter converter;
    private final long min;
    private final long max;

    /**
     * @param converter for reference types; null for primitives
     * @param min       for integral primitives: the type's range
     */
    ValueResolver(Source source, boolean required, boolean optional, String defaultValue, TextConverter converter,
                  long min, long max) {
        this.source = source;
        this.required = required;
        this.optional = optional;
        this.defaultText = defaultValue == null ? null : view(defaultValue);
        this.converter = converter;
        this.min = min;
        this.max = max;
    }

    long resolveLong(RequestCtx ctx) {
        return Texts.toLong(present(ctx), min, max, source);
    }

    int resolveInt(RequestCtx ctx) {
        return (int) resolveLong(ctx);
    }

    boolean resolveBoolean(RequestCtx ctx) {
        return Texts.toBoolean(present(ctx), source);
    }

    double resolveDouble(RequestCtx ctx) {
        return Texts.toDouble(present(ctx), source);
    }

    Object resolveObject(RequestCtx ctx) {
        ByteView text = valueOrDefault(ctx, converter.emptyIsAbsent());
        if (text == null) {
            if (optional) {
                return Optional.empty();
            }
            if (required) {
                throw missing();
            }
            return null;
        }
        Object value = converter.convert(text);
        return optional ? Optional.ofNullable(value) : value;
    }

    /** For primitives, which are required or have a default (checked at start-up). */
    private ByteView present(RequestCtx ctx) {
        ByteView text = valueOrDefault(ctx, true);
        if (text == null) {
            throw missing();
        }
        return text;
    }

    private ByteView valueOrDefault(RequestCtx ctx, boolean emptyIsAbsent) {
        ByteView text = source.find(ctx);
        if (text == null || (emptyIsAbsent && text.isEmpty())) {
            return defaultText;
        }
        return text;
    }

    private BindingException missing() {
        return new BindingException(400, "Required " + source + " is not present");
    }

    private static ByteView view(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new ByteView().set(bytes, 0, bytes.length);
    }
}
