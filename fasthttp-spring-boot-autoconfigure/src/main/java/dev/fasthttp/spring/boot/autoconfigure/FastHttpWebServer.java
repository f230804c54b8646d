package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.Server;
import dev.fasthttp.ShutdownResult;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.WebServer;

/**
 * A fasthttp {@link Server} as Boot sees a web server: started, stopped at once or drained
 * gracefully, asked for its port; logging start and shutdown in the words Boot's servers use.
 */
public final class FastHttpWebServer implements WebServer {

    private static final Log logger = LogFactory.getLog(FastHttpWebServer.class);

    private final Server server;
    private final Duration shutdownTimeout;

    /** @param shutdownTimeout how long a graceful shutdown waits for requests in flight; zero for none */
    public FastHttpWebServer(Server server, Duration shutdownTimeout) {
        this.server = server;
        this.shutdownTimeout = shutdownTimeout;
    }

    @Override
    public void start() {
        if (server.isRunning()) {
            return;
        }
        try {
            server.start();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new FastHttpPortInUseException(server.settings().address().getPort(), e.getCause());
            }
            throw e;
        }
        int loops = server.settings().eventLoops();
        logger.info("fasthttp started on port " + server.port() + " (http) with " + loops + " event loop" + (loops == 1 ? "" : "s"));
    }

    /** Closes every connection now. */
    @Override
    public void stop() {
        server.shutdown(Duration.ZERO);
    }

    /**
     * Stops accepting, lets requests in flight finish for at most the shutdown timeout, then closes
     * what is left; the callback hears whether every request finished.
     */
    @Override
    public void shutDownGracefully(GracefulShutdownCallback callback) {
        if (shutdownTimeout.isZero()) {
            stop();
            callback.shutdownComplete(GracefulShutdownResult.IMMEDIATE);
            return;
        }
        logger.info("Commencing graceful shutdown. Waiting for active requests to complete");
        ShutdownResult result = server.shutdown(shutdownTimeout);
        if (result.drained()) {
            logger.info("Graceful shutdown complete");
            callback.shutdownComplete(GracefulShutdownResult.IDLE);
        } else {
            logger.info("Graceful shutdown aborted with one or more requests still active");
            callback.shutdownComplete(GracefulShutdownResult.REQUESTS_ACTIVE);
        }
    }

    @Override
    public int getPort() {
        return server.isRunning() ? server.port() : -1;
    }

    public Server getServer() {
        return server;
    }
}
