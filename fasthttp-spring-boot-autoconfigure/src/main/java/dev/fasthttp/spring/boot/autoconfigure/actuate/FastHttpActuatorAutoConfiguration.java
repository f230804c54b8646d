package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.RequestHandler;
import dev.fasthttp.Server;
import dev.fasthttp.ServerSettings;
import dev.fasthttp.spring.boot.FastHttpRoutes;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpAutoConfiguration;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpProperties;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpServerLifecycle;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpWebServer;
import dev.fasthttp.spring.boot.autoconfigure.RouteDiscovery;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.CorsEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.actuate.endpoint.EndpointAccessResolver;
import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.EndpointsSupplier;
import org.springframework.boot.actuate.endpoint.OperationFilter;
import org.springframework.boot.actuate.endpoint.invoke.ParameterValueMapper;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.jackson.EndpointJsonMapper;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.EndpointMediaTypes;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.PathMapper;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpointDiscoverer;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.IncludeExcludeEndpointFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actuator's web endpoints served by the fasthttp server, as Boot serves them on Tomcat, Jetty
 * and Netty: those {@code management.endpoints.web.exposure.*} exposes, under
 * {@code management.endpoints.web.base-path} (default {@code /actuator}), with
 * {@code management.endpoints.web.cors.*}. On the application's port; or, with a
 * {@code management.server.port} of its own ({@code 0} for any free port, published as
 * {@code local.management.port}), on a second fasthttp server bound to that port (and
 * {@code management.server.address}) with one event loop, started before the application's and
 * stopped after it.
 *
 * <p>Boot's own web endpoint support is conditional on a servlet or reactive application, which an
 * application served by fasthttp is not; the discovery beans it would define are defined here,
 * in the same way and replaceable in the same way.
 */
@AutoConfiguration(after = {EndpointAutoConfiguration.class, FastHttpAutoConfiguration.class},
        afterName = "org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration")
@ConditionalOnClass({WebEndpointDiscoverer.class, Server.class, JsonMapper.class})
@ConditionalOnNotWebApplication
@ConditionalOnBean(FastHttpServerLifecycle.class)
@Import(FastHttpHealthEndpointConfiguration.class)
@EnableConfigurationProperties({WebEndpointProperties.class, CorsEndpointProperties.class, ManagementServerProperties.class})
public class FastHttpActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EndpointMediaTypes endpointMediaTypes() {
        return EndpointMediaTypes.DEFAULT;
    }

    /** {@code management.endpoints.web.path-mapping.<id>}: an endpoint's path other than its id. */
    @Bean
    PathMapper webEndpointPathMapper(WebEndpointProperties properties) {
        Map<String, String> mapping = properties.getPathMapping();
        return endpointId -> mapping.get(endpointId.toString());
    }

    @Bean
    @ConditionalOnMissingBean(WebEndpointsSupplier.class)
    WebEndpointDiscoverer webEndpointDiscoverer(ApplicationContext context, ParameterValueMapper parameterValueMapper,
                                                EndpointMediaTypes mediaTypes, ObjectProvider<PathMapper> pathMappers,
                                                ObjectProvider<AdditionalPathsMapper> additionalPathsMappers,
                                                ObjectProvider<OperationInvokerAdvisor> invokerAdvisors,
                                                ObjectProvider<EndpointFilter<ExposableWebEndpoint>> endpointFilters,
                                                ObjectProvider<OperationFilter<WebOperation>> operationFilters) {
        return new WebEndpointDiscoverer(context, parameterValueMapper, mediaTypes, pathMappers.orderedStream().toList(),
                additionalPathsMappers.orderedStream().toList(), invokerAdvisors.orderedStream().toList(),
                endpointFilters.orderedStream().toList(), operationFilters.orderedStream().toList());
    }

    /** {@code management.endpoints.web.exposure.include/exclude}; by default only health. */
    @Bean
    IncludeExcludeEndpointFilter<ExposableWebEndpoint> webExposeExcludePropertyEndpointFilter(WebEndpointProperties properties) {
        WebEndpointProperties.Exposure exposure = properties.getExposure();
        return new IncludeExcludeEndpointFilter<>(ExposableWebEndpoint.class, exposure.getInclude(), exposure.getExclude(),
                EndpointExposure.WEB.getDefaultIncludes());
    }

    /** {@code management.endpoint.<id>.access}: read-only endpoints lose their write operations. */
    @Bean
    OperationFilter<WebOperation> webAccessPropertiesOperationFilter(EndpointAccessResolver accessResolver) {
        return OperationFilter.byAccess(accessResolver);
    }

    @Bean
    @ConditionalOnMissingBean
    PathMappedEndpoints pathMappedEndpoints(Collection<EndpointsSupplier<?>> suppliers, WebEndpointProperties properties) {
        return new PathMappedEndpoints(properties.getBasePath(), suppliers);
    }

    @Bean
    EndpointResponses fastHttpEndpointResponses(ObjectProvider<EndpointJsonMapper> endpointMapper,
                                                ObjectProvider<JsonMapper> applicationMapper) {
        EndpointJsonMapper isolated = endpointMapper.getIfAvailable();
        JsonMapper forEndpoints = isolated != null ? isolated.get() : new JsonMapper();
        return new EndpointResponses(forEndpoints, applicationMapper.getIfAvailable(() -> forEndpoints));
    }

    /** The routes in Actuator's {@code mappings} endpoint. */
    @Bean
    FastHttpMappingDescriptionProvider fastHttpMappingDescriptionProvider(RouteDiscovery routes) {
        return new FastHttpMappingDescriptionProvider(routes);
    }

    /** The endpoints on the application's own port, when the management port is not another. */
    @Bean
    FastHttpRoutes fastHttpActuatorRoutes(WebEndpointsSupplier endpoints, WebEndpointProperties properties,
                                          CorsEndpointProperties cors, EndpointResponses responses,
                                          EndpointMediaTypes mediaTypes, ApplicationContext context) {
        return () -> switch (ManagementPortType.get(context.getEnvironment())) {
            case SAME -> ActuatorRoutes.of(endpoints.getEndpoints(), properties.getBasePath(), WebServerNamespace.SERVER,
                    responses, ActuatorCors.of(cors),
                    properties.getDiscovery().isEnabled() && StringUtils.hasText(properties.getBasePath()), mediaTypes);
            case DIFFERENT, DISABLED -> List.of();
        };
    }

    /** The second listener, for a {@code management.server.port} other than the application's. */
    @Bean
    @Conditional(OnDifferentManagementPort.class)
    FastHttpServerLifecycle fastHttpManagementServerLifecycle(WebEndpointsSupplier endpoints, WebEndpointProperties properties,
                                                              ManagementServerProperties management, CorsEndpointProperties cors,
                                                              EndpointResponses responses, EndpointMediaTypes mediaTypes,
                                                              Server applicationServer, FastHttpProperties fasthttp,
                                                              ConfigurableApplicationContext context) {
        String basePath = management.getBasePath() + properties.getBasePath();
        // Routed when it starts, as the application's server is: every endpoint bean exists by then.
        DeferredRouter router = new DeferredRouter(() -> ActuatorRoutes.of(endpoints.getEndpoints(), basePath,
                WebServerNamespace.MANAGEMENT, responses, ActuatorCors.of(cors), properties.getDiscovery().isEnabled(), mediaTypes));
        Server server = managementServer(applicationServer.settings(), management, router);
        return new FastHttpServerLifecycle(new FastHttpWebServer(server, Duration.ZERO), router::build, "management", context,
                fasthttp.isListen());
    }

    /**
     * The management server takes the application server's limits and timeouts, as Boot's
     * management server takes the application's server settings, with one event loop: its
     * traffic is probes and scrapes.
     */
    private static Server managementServer(ServerSettings application, ManagementServerProperties management,
                                           RequestHandler handler) {
        Server.Builder builder = Server.builder().handler(handler)
                .port(management.getPort())
                .eventLoops(1)
                .name(application.name())
                .maxRequestHeaderSize(application.maxRequestHeaderSize())
                .maxRequestUriLength(application.maxRequestUriLength())
                .maxRequestBodySize(application.maxRequestBodySize())
                .readTimeout(application.readTimeout())
                .writeTimeout(application.writeTimeout())
                .idleTimeout(application.idleTimeout())
                .logger(application.logger());
        if (management.getAddress() != null) {
            builder.host(management.getAddress().getHostAddress());
        }
        return builder.build();
    }

    /** Boot's {@code ManagementPortType.DIFFERENT}, which Boot's own condition reports only in servlet and reactive applications. */
    static final class OnDifferentManagementPort extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            ManagementPortType type = ManagementPortType.get(context.getEnvironment());
            ConditionMessage.Builder message = ConditionMessage.forCondition("Management Port");
            return type == ManagementPortType.DIFFERENT ? ConditionOutcome.match(message.because("it is a port of its own"))
                    : ConditionOutcome.noMatch(message.because("its type is " + type));
        }
    }
}
