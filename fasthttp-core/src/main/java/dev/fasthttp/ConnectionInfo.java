package dev.fasthttp;

import java.net.InetSocketAddress;

/** What is known about a client connection. */
public interface ConnectionInfo {

    /** Unique within the server's life, increasing in accept order. */
    long id();

    /** The client's address; 0.0.0.0:0 when the transport has none (in-memory connections). */
    InetSocketAddress remoteAddress();

    InetSocketAddress localAddress();

    /** Requests started on this connection so far, the current one included. */
    long requestCount();
}
