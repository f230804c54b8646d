package dev.fasthttp.spring.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.boot.test.http.server.LocalTestWebServer.BaseUriDetails;
import org.springframework.boot.test.http.server.LocalTestWebServer.Scheme;
import org.springframework.context.ApplicationContext;

/**
 * Points Boot's test clients ({@code TestRestTemplate}, {@code WebTestClient}, ...) at the fasthttp
 * server of a {@code RANDOM_PORT} or {@code DEFINED_PORT} test, as Boot's servlet and reactive
 * contexts do for Tomcat and Netty. Found by Boot's test support through {@code spring.factories};
 * offers nothing where the context runs no fasthttp server, or one that binds no port (MOCK).
 */
class FastHttpLocalTestWebServerProvider implements LocalTestWebServer.Provider {

    private final ApplicationContext context;

    FastHttpLocalTestWebServerProvider(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public @Nullable LocalTestWebServer getLocalTestWebServer() {
        if (context.getBeanNamesForType(FastHttpServerLifecycle.class, false, false).length == 0
                || !context.getEnvironment().getProperty("fasthttp.server.listen", Boolean.class, true)) {
            return null;
        }
        // Read when a client first builds a URI: by then the server runs and its port is published.
        return LocalTestWebServer.of(Scheme.HTTP,
                () -> new BaseUriDetails(context.getEnvironment().getRequiredProperty("local.fasthttp.port", Integer.class), ""));
    }
}
