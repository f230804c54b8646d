package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a {@code List<T>} parameter from a repeated request parameter or header
 * ({@code ?tag=a&tag=b}), or from one value separated by commas ({@code ?tag=a,b}), as Spring
 * does; each element converted to {@code T}. Absent: the default (split the same way), an empty
 * {@code Optional}, null when not required, else 400.
 */
final class ListResolver {

    private final Source source;
    private final boolean required;
    private final boolean optional;
    private final String defaultValue;
    private final TextConverter element;

    ListResolver(Source source, boolean required, boolean optional, String defaultValue, TextConverter element) {
        this.source = source;
        this.required = required;
        this.optional = optional;
        this.defaultValue = defaultValue;
        this.element = element;
    }

    Object resolveObject(RequestCtx ctx) {
        List<String> texts = source.findAll(ctx);
        if (texts.isEmpty() && defaultValue != null) {
            texts = List.of(defaultValue);
        }
        if (texts.isEmpty()) {
            if (optional) {
                return Optional.empty();
            }
            if (required) {
                throw new BindingException(400, "Required " + source + " is not present");
            }
            return null;
        }
        if (texts.size() == 1 && texts.get(0).indexOf(',') >= 0) {
            texts = List.of(texts.get(0).split(","));
        }
        List<Object> values = new ArrayList<>(texts.size());
        for (String text : texts) {
            byte[] bytes = text.trim().getBytes(StandardCharsets.UTF_8);
            values.add(element.convert(new ByteView().set(bytes, 0, bytes.length)));
        }
        List<Object> list = Collections.unmodifiableList(values);
        return optional ? Optional.of(list) : list;
    }
}
