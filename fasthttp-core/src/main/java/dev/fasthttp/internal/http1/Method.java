package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.Ascii;

/** The request methods the engine recognizes without comparing strings; anything else is {@link #OTHER}. */
public enum Method {
    GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE, CONNECT, OTHER;

    private static final Method[] KNOWN = {GET, HEAD, POST, PUT, DELETE, PATCH, OPTIONS, TRACE, CONNECT};

    /** Method names are case-sensitive (RFC 9110 9.1): "get" is an unknown method. */
    static Method of(byte[] b, int start, int end) {
        int length = end - start;
        for (Method m : KNOWN) {
            String name = m.name();
            if (name.length() == length && Ascii.equals(b, start, length, name)) {
                return m;
            }
        }
        return OTHER;
    }
}
