package dev.fasthttp.spring.boot.autoconfigure;

/** The auto-configured server could not listen on its port because something else does. */
public class FastHttpPortInUseException extends RuntimeException {

    private final int port;

    public FastHttpPortInUseException(int port, Throwable cause) {
        super("fasthttp could not listen on port " + port + ": " + cause.getMessage(), cause);
        this.port = port;
    }

    public int getPort() {
        return port;
    }
}
