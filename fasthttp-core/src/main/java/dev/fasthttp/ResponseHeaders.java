package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;

/**
 * The response's header fields, kept as the bytes that go on the wire, so encoding the response
 * copies them in one piece.
 *
 * <p>The engine owns message framing and connection management: {@code Content-Length} and
 * {@code Transfer-Encoding} are computed from the body, and setting them has no effect;
 * {@code Content-Type} goes to {@link Response#setContentType}; {@code Connection: close}
 * becomes {@link Response#setConnectionClose()}. A {@code Server} or {@code Date} set here
 * replaces the engine's default.
 *
 * <p>Names and values are checked when set: a name must be a token, a value must not contain
 * CR, LF or other control characters (which would let a value split the message).
 */
public final class ResponseHeaders {

    private final Response response;
    private final HeaderBlock lines = new HeaderBlock(new ManagedNames());
    private boolean serverSet;
    private boolean dateSet;

    ResponseHeaders(Response response) {
        this.response = response;
    }

    /** Replaces every header called {@code name} with one line. */
    public ResponseHeaders set(String name, CharSequence value) {
        lines.set(name, value);
        return this;
    }

    public ResponseHeaders set(String name, ByteView value) {
        lines.set(name, value);
        return this;
    }

    /** Adds a line, keeping existing ones with the same name. */
    public ResponseHeaders add(String name, CharSequence value) {
        lines.add(name, value);
        return this;
    }

    public ResponseHeaders add(String name, ByteView value) {
        lines.add(name, value);
        return this;
    }

    /** Sets a header to a decimal number, without building a String. */
    public ResponseHeaders setLong(String name, long value) {
        lines.setLong(name, value);
        return this;
    }

    /** Removes every header called {@code name}. */
    public ResponseHeaders del(String name) {
        lines.del(name);
        return this;
    }

    /** The value of the first header called {@code name}, or null. */
    public ByteView peek(String name) {
        return lines.peek(name);
    }

    public boolean contains(String name) {
        return lines.contains(name);
    }

    public int size() {
        return lines.size();
    }

    public ByteView name(int i) {
        return lines.name(i);
    }

    public ByteView value(int i) {
        return lines.value(i);
    }

    public void visitAll(KeyValueVisitor visitor) {
        for (int i = 0; i < lines.size(); i++) {
            visitor.visit(lines.name(i), lines.value(i));
        }
    }

    void reset() {
        lines.reset();
        serverSet = dateSet = false;
    }

    /** The header lines in wire format. */
    ByteBuf wireLines() {
        return lines.wireLines();
    }

    /** Adds a {@code Set-Cookie} header for {@code cookie}. */
    void addCookie(Cookie cookie) {
        cookie.appendTo(lines.beginLine("Set-Cookie"));
        lines.endLine();
    }

    boolean serverSet() {
        return serverSet;
    }

    boolean dateSet() {
        return dateSet;
    }

    /** Framing and Content-Type go to the response; Server and Date are remembered as set. */
    private final class ManagedNames implements HeaderBlock.Policy {

        @Override
        public boolean managed(String name) {
            return HeaderBlock.isFraming(name) || (name.length() == 12 && name.equalsIgnoreCase("content-type"));
        }

        @Override
        public boolean route(String name, CharSequence value) {
            if (!managed(name)) {
                return false;
            }
            if (name.equalsIgnoreCase("connection")) {
                if (HeaderBlock.asksToClose(value)) {
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
        public void noted(String name, boolean present) {
            if (name.length() == 6 && name.equalsIgnoreCase("server")) {
                serverSet = present;
            } else if (name.length() == 4 && name.equalsIgnoreCase("date")) {
                dateSet = present;
            }
        }
    }
}
