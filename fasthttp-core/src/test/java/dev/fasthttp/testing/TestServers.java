package dev.fasthttp.testing;

import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import java.util.function.Consumer;

/** Servers for tests: loopback, a port the OS picks, quiet logs. */
public final class TestServers {

    /**
     * A logger for servers started by the hundred (table-driven tests): start and stop lines are
     * dropped, warnings and errors still reach the default logger.
     */
    public static final System.Logger QUIET = new System.Logger() {
        private final System.Logger delegate = System.getLogger("dev.fasthttp.Server");

        @Override
        public String getName() {
            return delegate.getName();
        }

        @Override
        public boolean isLoggable(Level level) {
            return level.getSeverity() >= Level.WARNING.getSeverity() && delegate.isLoggable(level);
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                delegate.log(level, bundle, msg, thrown);
            }
        }

        @Override
        public void log(Level level, java.util.ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                delegate.log(level, bundle, format, params);
            }
        }
    };

    private TestServers() {
    }

    public static Server start(RequestHandler handler) {
        return start(handler, b -> { });
    }

    public static Server start(RequestHandler handler, Consumer<Server.Builder> settings) {
        Server.Builder builder = Server.builder().handler(handler).host("127.0.0.1").port(0);
        settings.accept(builder);
        return builder.build().start();
    }

    /**
     * A handler that describes the request it got, one {@code key: value} per line, so tests can
     * check what the engine parsed: method, path, query, host, body length and body.
     */
    public static RequestHandler describing() {
        return ctx -> {
            StringBuilder sb = new StringBuilder();
            sb.append("method: ").append(ctx.method()).append('\n');
            sb.append("path: ").append(ctx.path()).append('\n');
            sb.append("uri: ").append(ctx.requestUri()).append('\n');
            sb.append("query: ").append(ctx.uri().queryString()).append('\n');
            sb.append("host: ").append(ctx.host()).append('\n');
            sb.append("version: ").append(ctx.request().protocol()).append('\n');
            sb.append("body-length: ").append(ctx.body().length()).append('\n');
            sb.append("body: ").append(ctx.body()).append('\n');
            ctx.success("text/plain; charset=utf-8", sb);
        };
    }
}
