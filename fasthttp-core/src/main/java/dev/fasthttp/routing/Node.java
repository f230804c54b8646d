package dev.fasthttp.routing;

import dev.fasthttp.PathParams;
import java.util.Arrays;

/**
 * A node of the route tree. Static text is shared by prefix (a radix tree over bytes); a
 * parameter or catch-all is a child of its own, tried after the static children, so
 * {@code /users/new} wins over {@code /users/{id}}, which wins over {@code /users/{*rest}}. When a
 * branch fails deeper down, matching backs up and tries the next kind: {@code /users/new/edit}
 * still finds {@code /users/{id}/edit}.
 */
final class Node {

    private static final Node[] NONE = new Node[0];

    /** The static bytes matched on the way into this node (empty for the root and parameter nodes). */
    private byte[] prefix;
    private Node[] statics = NONE;
    private Node param;
    private String paramName;
    private String paramTemplate;
    private Node catchAll;
    private String catchAllName;
    private String catchAllTemplate;
    Endpoint endpoint;

    Node(byte[] prefix) {
        this.prefix = prefix;
    }

    // ---- building (single-threaded, before the router serves) ---------------------------------

    /** The node reached after the static bytes {@code s}, splitting shared prefixes as needed. */
    Node staticChild(byte[] s, int from) {
        if (from == s.length) {
            return this;
        }
        for (int i = 0; i < statics.length; i++) {
            Node child = statics[i];
            if (child.prefix[0] != s[from]) {
                continue;
            }
            int common = commonPrefix(child.prefix, s, from);
            if (common < child.prefix.length) {
                Node middle = new Node(Arrays.copyOf(child.prefix, common));
                child.prefix = Arrays.copyOfRange(child.prefix, common, child.prefix.length);
                middle.statics = new Node[] {child};
                statics[i] = middle;
                child = middle;
            }
            return child.staticChild(s, from + common);
        }
        Node child = new Node(Arrays.copyOfRange(s, from, s.length));
        statics = Arrays.copyOf(statics, statics.length + 1);
        statics[statics.length - 1] = child;
        return child;
    }

    Node paramChild(String name, String template) {
        if (param == null) {
            param = new Node(new byte[0]);
            paramName = name;
            paramTemplate = template;
        } else if (!paramName.equals(name)) {
            throw new IllegalArgumentException("conflicting routes: " + template + " names the parameter {" + name
                    + "} where " + paramTemplate + " names it {" + paramName + "}");
        }
        return param;
    }

    Node catchAllChild(String name, String template) {
        if (catchAll == null) {
            catchAll = new Node(new byte[0]);
            catchAllName = name;
            catchAllTemplate = template;
        } else if (!catchAllName.equals(name)) {
            throw new IllegalArgumentException("conflicting routes: " + template + " names the catch-all {*" + name
                    + "} where " + catchAllTemplate + " names it {*" + catchAllName + "}");
        }
        return catchAll;
    }

    private static int commonPrefix(byte[] a, byte[] b, int from) {
        int n = Math.min(a.length, b.length - from);
        int i = 0;
        while (i < n && a[i] == b[from + i]) {
            i++;
        }
        return i;
    }

    // ---- matching (any thread, allocation-free) -----------------------------------------------

    /**
     * The node whose endpoint serves {@code path[pos, end)}, this node's own prefix being already
     * matched; parameters are recorded in {@code params} relative to {@code base}. Null if none.
     */
    Node match(byte[] path, int pos, int end, int base, PathParams params) {
        if (pos == end) {
            if (endpoint != null) {
                return this;
            }
            return matchCatchAll(pos, end, base, params);
        }
        byte first = path[pos];
        for (Node child : statics) {
            byte[] p = child.prefix;
            if (p[0] == first && end - pos >= p.length && Arrays.equals(path, pos, pos + p.length, p, 0, p.length)) {
                Node found = child.match(path, pos + p.length, end, base, params);
                if (found != null) {
                    return found;
                }
            }
        }
        if (param != null) {
            int segmentEnd = pos;
            while (segmentEnd < end && path[segmentEnd] != '/') {
                segmentEnd++;
            }
            if (segmentEnd > pos) {
                int mark = params.size();
                params.add(paramName, pos - base, segmentEnd - base);
                Node found = param.match(path, segmentEnd, end, base, params);
                if (found != null) {
                    return found;
                }
                params.truncate(mark);
            }
        }
        return matchCatchAll(pos, end, base, params);
    }

    private Node matchCatchAll(int pos, int end, int base, PathParams params) {
        if (catchAll != null && catchAll.endpoint != null) {
            params.add(catchAllName, pos - base, end - base);
            return catchAll;
        }
        return null;
    }
}
