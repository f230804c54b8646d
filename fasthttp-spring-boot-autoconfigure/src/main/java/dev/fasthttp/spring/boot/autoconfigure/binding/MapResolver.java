package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestCtx;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Resolves an unnamed {@code @RequestParam} (every request parameter, query then form) or
 * {@code @RequestHeader} (every header) declared as a {@code Map<String, String>}, a
 * {@code MultiValueMap<String, String>} or, for headers, {@link HttpHeaders}, as Spring MVC binds
 * them: a {@code Map} keeps each name's first value, the others every value, in the order they
 * came. It copies every name and value: unlike a single value, it allocates.
 */
final class MapResolver {

    enum Shape { MAP, MULTI_VALUE_MAP, HTTP_HEADERS }

    private final Source.Kind kind;
    private final Shape shape;

    MapResolver(Source.Kind kind, Shape shape) {
        this.kind = kind;
        this.shape = shape;
    }

    /** The shape of {@code type} if it is one this binds, else null. */
    static Shape shapeOf(Class<?> type) {
        if (type == HttpHeaders.class) {
            return Shape.HTTP_HEADERS;
        }
        if (type == MultiValueMap.class || type == LinkedMultiValueMap.class) {
            return Shape.MULTI_VALUE_MAP;
        }
        return type == Map.class ? Shape.MAP : null;
    }

    Object resolveObject(RequestCtx ctx) {
        if (shape == Shape.HTTP_HEADERS) {
            HttpHeaders headers = new HttpHeaders();
            forEach(ctx, headers::add);
            return headers;
        }
        MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
        forEach(ctx, values::add);
        return shape == Shape.MAP ? values.toSingleValueMap() : values;
    }

    private void forEach(RequestCtx ctx, BiConsumer<String, String> action) {
        Source.forEach(kind, ctx, (name, value) -> action.accept(name.toString(), value.toString()));
    }
}
