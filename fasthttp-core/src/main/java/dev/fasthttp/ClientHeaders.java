package dev.fasthttp;

/**
 * The header fields of a {@link ClientRequest}, kept as the bytes that go on the wire (see
 * {@link HeaderLines}).
 *
 * <p>The client owns framing: {@code Content-Length} and {@code Transfer-Encoding} follow from
 * the body and setting them has no effect; {@code Connection: close} becomes
 * {@link ClientRequest#setConnectionClose()}. {@code Host} and {@code User-Agent} set here
 * replace the ones the client would send.
 */
public final class ClientHeaders extends HeaderLines<ClientHeaders> {

    private final ClientRequest request;
    private boolean hostSet;
    private boolean userAgentSet;

    ClientHeaders(ClientRequest request) {
        this.request = request;
    }

    @Override
    ClientHeaders self() {
        return this;
    }

    @Override
    void reset() {
        super.reset();
        hostSet = userAgentSet = false;
    }

    boolean hostSet() {
        return hostSet;
    }

    boolean userAgentSet() {
        return userAgentSet;
    }

    @Override
    boolean managed(String name) {
        return isFraming(name);
    }

    @Override
    boolean route(String name, CharSequence value) {
        if (!managed(name)) {
            return false;
        }
        if (name.equalsIgnoreCase("connection") && asksToClose(value)) {
            request.setConnectionClose();
        }
        return true;
    }

    @Override
    void noted(String name, boolean present) {
        if (name.length() == 4 && name.equalsIgnoreCase("host")) {
            hostSet = present;
        } else if (name.length() == 10 && name.equalsIgnoreCase("user-agent")) {
            userAgentSet = present;
        }
    }
}
