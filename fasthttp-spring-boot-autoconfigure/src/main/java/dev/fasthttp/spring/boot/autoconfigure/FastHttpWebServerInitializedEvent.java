package dev.fasthttp.spring.boot.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Published when a fasthttp server has started: what Boot's servlet and reactive servers publish,
 * so listeners of {@link WebServerInitializedEvent} (Boot's own, which publishes
 * {@code local.server.port}, and the application's) hear of fasthttp too.
 *
 * <p>The event's type asks for a {@link WebServerApplicationContext}, which an application served
 * by fasthttp does not run: {@link #getApplicationContext()} is the application's context seen as
 * one, answering {@code getWebServer()} and {@code getServerNamespace()} for this server and
 * passing every other call to the context.
 */
public final class FastHttpWebServerInitializedEvent extends WebServerInitializedEvent {

    private final WebServerApplicationContext context;

    FastHttpWebServerInitializedEvent(WebServer webServer, String namespace, ConfigurableApplicationContext context) {
        super(webServer);
        this.context = asWebServerContext(context, webServer, namespace);
    }

    @Override
    public WebServerApplicationContext getApplicationContext() {
        return context;
    }

    private static WebServerApplicationContext asWebServerContext(ConfigurableApplicationContext context, WebServer server,
                                                                  String namespace) {
        Class<?>[] views = {WebServerApplicationContext.class, ConfigurableApplicationContext.class};
        return (WebServerApplicationContext) Proxy.newProxyInstance(FastHttpWebServerInitializedEvent.class.getClassLoader(), views,
                (proxy, method, args) -> switch (method.getName()) {
                    case "getWebServer" -> server;
                    case "getServerNamespace" -> "server".equals(namespace) ? null : namespace;
                    default -> {
                        try {
                            yield method.invoke(context, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                });
    }
}
