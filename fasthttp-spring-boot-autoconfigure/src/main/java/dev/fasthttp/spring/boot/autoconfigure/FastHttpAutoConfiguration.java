package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.ErrorHandler;
import dev.fasthttp.MultipartLimits;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.ResponseObserver;
import dev.fasthttp.Server;
import dev.fasthttp.routing.Route;
import dev.fasthttp.spring.boot.FastHttpRoutes;
import dev.fasthttp.spring.boot.FastHttpServerCustomizer;
import dev.fasthttp.spring.boot.autoconfigure.binding.TypedHandlers;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.thread.Threading;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.Environment;
import org.springframework.validation.Validator;
import org.springframework.web.method.ControllerAdviceBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fasthttp server, configured from {@code fasthttp.server.*} and Boot's own {@code server.*}
 * names ({@link BootServerProperties}), serving the routes declared
 * with {@link dev.fasthttp.spring.boot.FastHttpRoute} and {@link Route} beans, started and
 * stopped with the application context.
 *
 * <p>Backs off when the application defines its own {@link Server} bean (which is then still
 * started and stopped with the context), and when {@code fasthttp.server.enabled=false}. Fails
 * start-up when Boot runs a web server of its own here (Tomcat, Jetty, Netty), unless told to run
 * beside it: {@code fasthttp.server.enabled=true} and a {@code fasthttp.server.port}.
 */
@AutoConfiguration
@ConditionalOnClass(Server.class)
@ConditionalOnBooleanProperty(name = "fasthttp.server.enabled", matchIfMissing = true)
@EnableConfigurationProperties(FastHttpProperties.class)
public class FastHttpAutoConfiguration {

    /** Static: a bean post-processor must exist before the beans it inspects. */
    @Bean
    static RouteDiscovery fastHttpRouteDiscovery() {
        return new RouteDiscovery();
    }

    /** Boot's names for what every web server has, where fasthttp's own are silent. */
    @Bean
    BootServerProperties fastHttpBootServerProperties(Environment environment, FastHttpProperties properties,
                                                      ApplicationContext context) {
        return new BootServerProperties(environment, properties, OtherWebServer.in(context));
    }

    /** Error bodies as Boot's servers write them. */
    @Bean
    ErrorResponses fastHttpErrorResponses(BootServerProperties boot) {
        return new ErrorResponses(boot.errorIncludesMessage(), boot.problemDetails(), Clock.systemUTC());
    }

    /** Off by default: then no observer runs on the request path for it. */
    @Bean
    @ConditionalOnBooleanProperty("fasthttp.server.accesslog.enabled")
    AccessLog fastHttpAccessLog(FastHttpProperties properties, Environment environment) {
        return new AccessLog(AccessLogFormat.of(properties.getAccesslog().getPattern()), properties.getAccesslog().getQueueSize(),
                Threading.VIRTUAL.isActive(environment));
    }

    /** An {@link ErrorHandler} bean of the application's replaces {@link ErrorResponses}: for failed handlers, 404 and 405. */
    @Bean
    @ConditionalOnMissingBean
    Server fastHttpServer(FastHttpProperties properties, BootServerProperties boot, RouteDiscovery routes,
                          ObjectProvider<FastHttpServerCustomizer> customizers, ObjectProvider<ResponseObserver> responseObservers,
                          ObjectProvider<ErrorHandler> errorHandler, ErrorResponses errorResponses,
                          ObjectProvider<HandlerWrapper> wrapper) {
        boot.checkNoOtherServerUnlessToldToRunBeside();
        boot.checkSupported(LogFactory.getLog(FastHttpAutoConfiguration.class));
        HandlerWrapper around = wrapper.getIfAvailable();
        RequestHandler handler = around == null ? routes : around.wrapRouter(routes);
        Server.Builder builder = Server.builder().handler(handler).requestBodyStreaming(routes)
                .logger(new CommonsLogger(Server.class.getName()));
        apply(properties, boot, builder);
        builder.errorHandler(errorHandler(errorHandler, errorResponses)).trustedProxies(boot.trustedProxies());
        builder.responseObserver(allOf(responseObservers.orderedStream().toList()));
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    FastHttpServerLifecycle fastHttpServerLifecycle(Server server, RouteDiscovery routes, ObjectProvider<Route> routeBeans,
                                                    ObjectProvider<FastHttpRoutes> routeGroups, FastHttpProperties properties,
                                                    BootServerProperties boot, ConfigurableApplicationContext context,
                                                    ErrorResponses errorResponses, ObjectProvider<ErrorHandler> errorHandler,
                                                    ObjectProvider<HandlerWrapper> wrapper, ObjectProvider<JsonMapper> jsonMapper,
                                                    ObjectProvider<Validator> validator) {
        ErrorHandler errors = errorHandler(errorHandler, errorResponses);
        // Asked for only if a handler method takes typed arguments, when the server starts.
        Supplier<TypedHandlers> binder = () -> new TypedHandlers(jsonMapper.getIfAvailable(JsonMapper::new),
                conversionService(context), validator.getIfUnique(), errors, ControllerAdviceBean.findAnnotatedBeans(context));
        HandlerWrapper around = wrapper.getIfAvailable();
        UnaryOperator<RequestHandler> wrapBlocking = around == null ? UnaryOperator.identity() : around::wrapBlocking;
        // The router is built when the server starts: by then every bean, and every route it declares, exists.
        Runnable buildRouter = () -> routes.build(Stream.concat(routeBeans.orderedStream(),
                        routeGroups.orderedStream().flatMap(group -> group.routes().stream())).toList(),
                properties.isRedirectTrailingSlash(), errors, wrapBlocking, binder);
        return new FastHttpServerLifecycle(new FastHttpWebServer(server, boot.shutdownTimeout()), buildRouter, "server", context,
                properties.isListen());
    }

    /** Boot's conversions and the application's {@code Converter} and {@code Formatter} beans, as Spring MVC's binding has them. */
    private static ConversionService conversionService(ConfigurableApplicationContext context) {
        ApplicationConversionService conversions = new ApplicationConversionService();
        ApplicationConversionService.addBeans(conversions, context.getBeanFactory());
        return conversions;
    }

    /** The application's {@link ErrorHandler} bean, else Boot's bodies ({@link ErrorResponses}, itself an ErrorHandler bean). */
    private static ErrorHandler errorHandler(ObjectProvider<ErrorHandler> handlers, ErrorResponses errorResponses) {
        List<ErrorHandler> own = handlers.orderedStream().filter(handler -> handler != errorResponses).toList();
        if (own.size() > 1) {
            throw new IllegalStateException("more than one ErrorHandler bean: " + own);
        }
        return own.isEmpty() ? errorResponses : own.get(0);
    }

    /** The observers (request timers, access log) as one, or null when there is none: nothing then runs per response. */
    private static ResponseObserver allOf(List<ResponseObserver> observers) {
        if (observers.size() <= 1) {
            return observers.isEmpty() ? null : observers.get(0);
        }
        return (ctx, durationNanos, failure) -> {
            for (ResponseObserver observer : observers) {
                observer.onResponse(ctx, durationNanos, failure);
            }
        };
    }

    static void apply(FastHttpProperties p, BootServerProperties boot, Server.Builder b) {
        if (boot.address() != null) {
            b.host(boot.address().getHostAddress());
        }
        b.port(boot.port())
                .name(p.getName())
                .readBufferSize(bytes(p.getReadBufferSize().toBytes(), "read-buffer-size"))
                .writeBufferSize(bytes(p.getWriteBufferSize().toBytes(), "write-buffer-size"))
                .maxRequestHeaderSize(bytes(boot.maxRequestHeaderSize().toBytes(), "max-request-header-size"))
                .maxRequestUriLength(bytes(p.getMaxRequestUriLength().toBytes(), "max-request-uri-length"))
                .maxRequestBodySize(p.getMaxRequestBodySize().toBytes())
                .maxStreamedRequestBodySize(p.getMaxStreamedRequestBodySize().toBytes())
                .requestBodyStreamBufferSize(bytes(p.getRequestBodyStreamBufferSize().toBytes(), "request-body-stream-buffer-size"))
                .maxMultipartParts(p.getMaxMultipartParts())
                .maxMultipartPartHeaderSize(bytes(p.getMaxMultipartPartHeaderSize().toBytes(), "max-multipart-part-header-size"))
                .multipartLimits(p.getMultipart().applyTo(MultipartLimits.defaults()))
                .maxConnections(p.getMaxConnections())
                .maxConnectionsPerIp(p.getMaxConnectionsPerIp())
                .maxRequestsPerConnection(p.getMaxRequestsPerConnection())
                .readTimeout(p.getReadTimeout())
                .writeTimeout(p.getWriteTimeout())
                .idleTimeout(p.getIdleTimeout())
                .keepAlive(p.isKeepAlive())
                .noDefaultServerHeader(p.isNoDefaultServerHeader())
                .noDefaultDate(p.isNoDefaultDate())
                .noDefaultContentType(p.isNoDefaultContentType())
                .normalizePath(p.isNormalizePath())
                .backlog(p.getBacklog())
                .stallWarningThreshold(p.getStallWarningThreshold());
        if (p.getEventLoops() != null) {
            b.eventLoops(p.getEventLoops());
        }
    }

    private static int bytes(long value, String property) {
        if (value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("fasthttp.server." + property + " is too large: " + value + " bytes");
        }
        return (int) value;
    }
}
