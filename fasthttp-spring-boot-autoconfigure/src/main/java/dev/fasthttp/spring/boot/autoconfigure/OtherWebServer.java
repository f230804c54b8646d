package dev.fasthttp.spring.boot.autoconfigure;

import org.springframework.boot.web.server.WebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Whether Boot runs a web server of its own in the application (Tomcat or Jetty for a servlet
 * application, Reactor Netty for a reactive one, because {@code spring-boot-starter-web} or
 * {@code -webflux} is on the class path), and its name.
 */
final class OtherWebServer {

    private static final String WEB_SERVER_CONTEXT = "org.springframework.boot.web.server.context.WebServerApplicationContext";

    private OtherWebServer() {
    }

    /** The other server's name ("Tomcat", "Jetty", "Netty", ...), or null if Boot runs none here. */
    static String in(ApplicationContext context) {
        if (!ClassUtils.isPresent(WEB_SERVER_CONTEXT, context.getClassLoader())) {
            return null;
        }
        return BootTypes.serverName(context);
    }

    /** Touches Boot's web server types only once they are known to be present. */
    private static final class BootTypes {

        static String serverName(ApplicationContext context) {
            if (!(context instanceof WebServerApplicationContext)) {
                return null;
            }
            for (String name : context.getBeanNamesForType(WebServerFactory.class, false, false)) {
                Class<?> type = context.getType(name);
                if (type != null) {
                    return type.getSimpleName().replaceFirst("(Servlet|Reactive)?WebServerFactory$", "");
                }
            }
            return "another web server";
        }
    }
}
