package dev.fasthttp;

/** Asks for the next piece of a body a {@link BodyReceiver} receives. */
@FunctionalInterface
public interface BodyDemand {

    /**
     * The receiver is ready for the next piece. May be called from any thread, once per piece
     * received; more calls than pieces are ignored.
     */
    void request();
}
