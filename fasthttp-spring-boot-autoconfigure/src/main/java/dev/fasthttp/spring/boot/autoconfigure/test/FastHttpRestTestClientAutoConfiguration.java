package dev.fasthttp.spring.boot.autoconfigure.test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
 * the local test web server the starter provides, with the same builder customizers.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.resttestclient.autoconfigure.RestTestClientTestAutoConfiguration")
@ConditionalOnClass({RestTestClient.class, RestTestClientBuilderCustomizer.class})
@ConditionalOnNotWebApplication
public final class FastHttpRestTestClientAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RestTestClient restTestClient(ApplicationContext context, ObjectProvider<RestTestClientBuilderCustomizer> customizers) {
        RestTestClient.Builder<?> builder = RestTestClient.bindToServer()
                .uriBuilderFactory(LocalTestWebServer.obtain(context).uriBuilderFactory());
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }
}
