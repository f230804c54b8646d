package dev.fasthttp;

/**
 * The response's header fields, kept as the bytes that go on the wire (see {@link HeaderLines}).
 *
 * <p>The engine owns message framing and connection management: {@code Content-Length} and
 * {@code Transfer-Encoding} are computed from the body, and setting them has no effect;
 * {@code Content-Type} goes to {@link Response#setContentType}; {@code Connection: close}
 * becomes {@link Response#setConnectionClose()}. A {@code Server} or {@code Date} set here
 * replaces the engine's default.
 */
public final class ResponseHeaders extends HeaderLines<ResponseHeaders> {

    private final Response response;
    private boolean serverSet;
    private boolean dateSet;

    ResponseHeaders(Response response) {
        this.response = response;
    }

    @Override
    ResponseHeaders self() {
        return this;
    }

    @Override
    void reset() {
        super.reset();
        serverSet = dateSet = false;
    }

    /** Adds a {@code Set-Cookie} header for {@code cookie}. */
    void addCookie(Cookie cookie) {
        cookie.appendTo(beginLine("Set-Cookie"));
        endLine();
    }

    boolean serverSet() {
        return serverSet;
    }

    boolean dateSet() {
        return dateSet;
    }

    @Override
    boolean managed(String name) {
        return isFraming(name) || (name.length() == 12 && name.equalsIgnoreCase("content-type"));
    }

    /** {@code value} is null for a deletion. */
    @Override
    boolean route(String name, CharSequence value) {
        if (!managed(name)) {
            return false;
        }
        if (name.equalsIgnoreCase("connection")) {
            if (asksToClose(value)) {
                response.setConnectionClose();
            }
        } else if (name.equalsIgnoreCase("content-type")) {
            if (value == null) {
                response.clearContentType();
            } else {
                response.setContentType(value);
            }
        }
        return true; // Content-Length and Transfer-Encoding: computed from the body
    }

    @Override
    void noted(String name, boolean present) {
        if (name.length() == 6 && name.equalsIgnoreCase("server")) {
            serverSet = present;
        } else if (name.length() == 4 && name.equalsIgnoreCase("date")) {
            dateSet = present;
        }
    }
}
