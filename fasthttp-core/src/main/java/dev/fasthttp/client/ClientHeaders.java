package dev.fasthttp.client;

import dev.fasthttp.KeyValueVisitor;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;

/**
 * The header fields of a {@link ClientRequest}, kept as the bytes that go on the wire, so
 * encoding the request copies them in one piece.
 *
 * <p>The client owns framing: {@code Content-Length} and {@code Transfer-Encoding} follow from
 * the body and setting them has no effect; {@code Connection: close} becomes
 * {@link ClientRequest#setConnectionClose()}, and {@code Expect: 100-continue} becomes {@link
 * ClientRequest#setExpectContinue} (neither is then seen by {@link #peek}). {@code Host} and
 * {@code User-Agent} set here replace the ones the client would send.
 *
 * <p>Names and values are checked when set: a name must be a token, a value must not contain
 * CR, LF or other control characters (which would let a value split the message).
 */
public final class ClientHeaders {

    private final ClientRequest request;
    private final HeaderBlock lines = new HeaderBlock(new ManagedNames());
    private boolean hostSet;
    private boolean userAgentSet;

    ClientHeaders(ClientRequest request) {
        this.request = request;
    }

    /** Replaces every header called {@code name} with one line. */
    public ClientHeaders set(String name, CharSequence value) {
        lines.set(name, value);
        return this;
    }

    public ClientHeaders set(String name, ByteView value) {
        lines.set(name, value);
        return this;
    }

    /** Adds a line, keeping existing ones with the same name. */
    public ClientHeaders add(String name, CharSequence value) {
        lines.add(name, value);
        return this;
    }

    public ClientHeaders add(String name, ByteView value) {
        lines.add(name, value);
        return this;
    }

    /** Sets a header to a decimal number, without building a String. */
    public ClientHeaders setLong(String name, long value) {
        lines.setLong(name, value);
        return this;
    }

    /** Removes every header called {@code name}. */
    public ClientHeaders del(String name) {
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
        hostSet = userAgentSet = false;
    }

    /** The header lines in wire format. */
    ByteBuf wireLines() {
        return lines.wireLines();
    }

    boolean hostSet() {
        return hostSet;
    }

    boolean userAgentSet() {
        return userAgentSet;
    }

    /**
     * Framing and {@code Expect: 100-continue} go to the request (other expectations stay lines);
     * Host and User-Agent are remembered as set.
     */
    private final class ManagedNames implements HeaderBlock.Policy {

        @Override
        public boolean managed(String name) {
            return HeaderBlock.isFraming(name) || isExpect(name);
        }

        @Override
        public boolean route(String name, CharSequence value) {
            if (isExpect(name)) {
                boolean expectContinue = value != null && value.toString().trim().equalsIgnoreCase("100-continue");
                request.setExpectContinue(expectContinue);
                return expectContinue;
            }
            if (!managed(name)) {
                return false;
            }
            if (name.equalsIgnoreCase("connection") && HeaderBlock.asksToClose(value)) {
                request.setConnectionClose();
            }
            return true;
        }

        private static boolean isExpect(String name) {
            return name.length() == 6 && name.equalsIgnoreCase("expect");
        }

        @Override
        public void noted(String name, boolean present) {
            if (name.length() == 4 && name.equalsIgnoreCase("host")) {
                hostSet = present;
            } else if (name.length() == 10 && name.equalsIgnoreCase("user-agent")) {
                userAgentSet = present;
            }
        }
    }
}
