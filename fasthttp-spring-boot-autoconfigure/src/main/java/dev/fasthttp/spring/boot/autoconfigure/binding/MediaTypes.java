package dev.fasthttp.spring.boot.autoconfigure.binding;

import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Content negotiation for typed handlers: {@code consumes} against Content-Type, {@code produces} against Accept. */
final class MediaTypes {

    private MediaTypes() {
    }

    static boolean isJson(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** Whether {@code contentType} (null when the request has none) is one of {@code consumes}. */
    static boolean accepts(List<MediaType> consumes, String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return consumes.stream().anyMatch(consumed -> consumed.includes(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** The first of {@code produces} the Accept header allows, or null; with no Accept header, the first. */
    static MediaType negotiate(List<MediaType> produces, String accept) {
        if (accept == null || accept.isBlank()) {
            return produces.get(0);
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
        accepted = accepted.stream().sorted(Comparator.comparingDouble(MediaType::getQualityValue).reversed()).toList();
        for (MediaType wanted : accepted) {
            if (wanted.getQualityValue() == 0) {
                continue;
            }
            for (MediaType offered : produces) {
                if (wanted.isCompatibleWith(offered)) {
                    return offered;
                }
            }
        }
        return null;
    }
}
