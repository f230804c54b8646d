package dev.fasthttp.routing;

import dev.fasthttp.RequestHandler;
import dev.fasthttp.bytes.ByteView;
import java.util.Arrays;

/** The handlers of one route template, by method. Found by comparing the method bytes: no String per request. */
final class Endpoint {

    final String template;
    private String[] methods = new String[0];
    private RequestHandler[] handlers = new RequestHandler[0];
    private boolean[] blocking = new boolean[0];
    private boolean[] streaming = new boolean[0];
    private String allow = "";

    Endpoint(String template) {
        this.template = template;
    }

    void add(String method, RequestHandler handler, boolean isBlocking, boolean streamsBody, String template) {
        for (String m : methods) {
            if (m.equals(method)) {
                throw new IllegalArgumentException("conflicting routes: " + method + " " + template
                        + " is already registered as " + method + " " + this.template);
            }
        }
        int n = methods.length;
        methods = Arrays.copyOf(methods, n + 1);
        handlers = Arrays.copyOf(handlers, n + 1);
        blocking = Arrays.copyOf(blocking, n + 1);
        streaming = Arrays.copyOf(streaming, n + 1);
        methods[n] = method;
        handlers[n] = handler;
        blocking[n] = isBlocking;
        streaming[n] = streamsBody;
        allow = computeAllow();
    }

    /** Index of the handler for {@code method}; HEAD falls back to GET. -1 if none. */
    int find(ByteView method) {
        for (int i = 0; i < methods.length; i++) {
            if (method.contentEquals(methods[i])) {
                return i;
            }
        }
        if (method.contentEquals("HEAD")) {
            for (int i = 0; i < methods.length; i++) {
                if (methods[i].equals("GET")) {
                    return i;
                }
            }
        }
        return -1;
    }

    RequestHandler handler(int i) {
        return handlers[i];
    }

    boolean blocking(int i) {
        return blocking[i];
    }

    boolean streaming(int i) {
        return streaming[i];
    }

    /** The Allow header value for a 405: the methods registered, plus HEAD where GET is. */
    String allow() {
        return allow;
    }

    String[] methods() {
        return methods.clone();
    }

    private String computeAllow() {
        StringBuilder sb = new StringBuilder();
        boolean get = false;
        boolean head = false;
        for (String m : methods) {
            get |= m.equals("GET");
            head |= m.equals("HEAD");
            sb.append(sb.isEmpty() ? "" : ", ").append(m);
        }
        if (get && !head) {
            sb.append(", HEAD");
        }
        return sb.toString();
    }
}
