package dev.fasthttp.internal.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * A lingering close: our side is shut for writing, and what the client still sends is read and
 * discarded until it closes too, {@link #MAX_BYTES} have come, or {@link #NANOS} pass. Closing at
 * once with unread input makes the kernel answer with a reset, which can destroy the last
 * response before the client reads it.
 */
public final class Linger {

    /** How long a closing connection waits for the client to read the last response and close. */
    public static final long NANOS = 2_000_000_000L;
    /** How much a closing connection reads and discards before giving up on the client. */
    private static final int MAX_BYTES = 1024 * 1024;

    private int discarded;

    public void reset() {
        discarded = 0;
    }

    /** Reads once into {@code buffer} and forgets it; true when the connection should close now. */
    public boolean discard(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        int n = channel.read(buffer);
        discarded += Math.max(n, 0);
        return n < 0 || discarded > MAX_BYTES;
    }
}
