package dev.fasthttp.spring.boot.autoconfigure;

/**
 * Thrown at start-up when Boot also runs a web server of its own in the application, and fasthttp
 * was not told to run beside it on a port of its own.
 */
public class FastHttpWithAnotherWebServerException extends RuntimeException {

    private final String otherServer;
    private final boolean enabledWithoutPort;

    FastHttpWithAnotherWebServerException(String otherServer, boolean enabledWithoutPort) {
        super("fasthttp and " + otherServer + " would both serve this application"
                + (enabledWithoutPort ? " on the same port" : ""));
        this.otherServer = otherServer;
        this.enabledWithoutPort = enabledWithoutPort;
    }

    /** The other server's name: Tomcat, Jetty, Netty, ... */
    public String getOtherServer() {
        return otherServer;
    }

    /** True when fasthttp.server.enabled=true was set but fasthttp.server.port was not. */
    public boolean isEnabledWithoutPort() {
        return enabledWithoutPort;
    }
}
