package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;

/**
 * The parts of the request URI, as views: scheme, host, path and query string. Valid until the
 * handler returns.
 */
public final class Uri {

    private final Request request;

    Uri(Request request) {
        this.request = request;
    }

    public ByteView scheme() {
        return request.scheme();
    }

    public ByteView host() {
        return request.host();
    }

    /** Decoded and normalized. */
    public ByteView path() {
        return request.path();
    }

    /** As sent. */
    public ByteView pathOriginal() {
        return request.pathOriginal();
    }

    /** Without '?'; empty if none. */
    public ByteView queryString() {
        return request.queryString();
    }

    public Args queryArgs() {
        return request.queryArgs();
    }

    /** The request target as sent. */
    public ByteView requestUri() {
        return request.requestUri();
    }

    /** {@code scheme://host/path?query}, with the path as sent. Allocates. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append(scheme()).append("://").append(host()).append(pathOriginal());
        if (!queryString().isEmpty()) {
            sb.append('?').append(queryString());
        }
        return sb.toString();
    }
}
