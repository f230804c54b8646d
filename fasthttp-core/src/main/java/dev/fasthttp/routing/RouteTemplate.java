package dev.fasthttp.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A route template such as {@code /users/{id}/posts} or {@code /files/{*path}}, split into the
 * parts the tree is built from: static text, named parameters (one whole segment each) and a
 * trailing catch-all (the rest of the path, slashes included). Checked when parsed, so a bad
 * template fails at registration, not at the first request.
 */
record RouteTemplate(String text, List<Part> parts) {

    enum Kind { STATIC, PARAM, CATCH_ALL }

    /** Static text as the UTF-8 bytes the normalized path is compared with, or a parameter name. */
    record Part(Kind kind, byte[] bytes, String name) {
    }

    static RouteTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw invalid(template, "must start with '/'");
        }
        List<Part> parts = new ArrayList<>();
        Set<String> names = new HashSet<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '}') {
                throw invalid(template, "'}' without '{'");
            }
            if (c != '{') {
                text.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw invalid(template, "'{' without '}'");
            }
            if (template.charAt(i - 1) != '/') {
                throw invalid(template, "a parameter must be a whole segment");
            }
            boolean catchAll = template.charAt(i + 1) == '*';
            String name = template.substring(i + (catchAll ? 2 : 1), close);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw invalid(template, "parameter name '" + name + "' is not a Java-like identifier");
            }
            if (!names.add(name)) {
                throw invalid(template, "parameter '" + name + "' appears twice");
            }
            boolean last = close == template.length() - 1;
            if (catchAll && !last) {
                throw invalid(template, "a catch-all {*" + name + "} must end the template");
            }
            if (!last && template.charAt(close + 1) != '/') {
                throw invalid(template, "a parameter must be a whole segment");
            }
            if (!text.isEmpty()) {
                parts.add(new Part(Kind.STATIC, text.toString().getBytes(StandardCharsets.UTF_8), null));
                text.setLength(0);
            }
            parts.add(new Part(catchAll ? Kind.CATCH_ALL : Kind.PARAM, null, name.intern()));
            i = close + 1;
        }
        if (!text.isEmpty()) {
            parts.add(new Part(Kind.STATIC, text.toString().getBytes(StandardCharsets.UTF_8), null));
        }
        return new RouteTemplate(template, List.copyOf(parts));
    }

    private static IllegalArgumentException invalid(String template, String why) {
        return new IllegalArgumentException("invalid route template '" + template + "': " + why);
    }
}
