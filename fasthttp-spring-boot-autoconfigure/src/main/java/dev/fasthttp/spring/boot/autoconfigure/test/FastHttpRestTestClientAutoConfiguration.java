package dev.fasthttp.spring.boot.autoconfigure.test;

import dev.fasthttp.Server;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpAutoConfiguration;
import dev.fasthttp.spring.boot.autoconfigure.FastHttpProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.boot.resttestclient.autoconfigure.RestTestClientBuilderCustomizer;
import org.springframework.boot.test.http.server.LocalTestWebServer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A {@link RestTestClient} for {@code @AutoConfigureRestTestClient} in a fasthttp application.
 * Boot's own binds to a servlet web application context, which a fasthttp application does not
 * have (Boot sees it as not a web application); this one binds to the running server through
 * the local test web server the starter provides, with the same builder customizers; or, in
 * the MOCK environment, where the server binds no port, to the server in memory
 * ({@link InMemoryClientHttpRequestFactory}).
 */
@AutoConfiguration(after = FastHttpAutoConfiguration.class,
        beforeName = "org.springframework.boot.resttestclient.autoconfigure.RestTestClientTestAutoConfiguration")
@ConditionalOnClass({RestTestClient.class, RestTestClientBuilderCustomizer.class})
@ConditionalOnNotWebApplication
@ConditionalOnBean(Server.class)
public final class FastHttpRestTestClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RestTestClient restTestClient(ApplicationContext context, FastHttpProperties properties, Server server,
                                  ObjectProvider<RestTestClientBuilderCustomizer> customizers) {
        RestTestClient.Builder<?> builder = properties.isListen()
                ? RestTestClient.bindToServer().uriBuilderFactory(LocalTestWebServer.obtain(context).uriBuilderFactory())
                : RestTestClient.bindToServer(new InMemoryClientHttpRequestFactory(server)).baseUrl("http://localhost");
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
