package dev.fasthttp.spring.boot.autoconfigure.test;

import java.util.List;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * In {@code @SpringBootTest}'s MOCK environment (its default) the fasthttp server binds no port,
 * as Boot's servlet and reactive servers are not started there: {@code fasthttp.server.listen}
 * is turned off, and tests reach the handlers in memory through {@code RestTestClient}
 * ({@code @AutoConfigureRestTestClient}). Found by Spring's test support through
 * {@code spring.factories}.
 */
class MockEnvironmentContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        SpringBootTest test = TestContextAnnotationUtils.findMergedAnnotation(testClass, SpringBootTest.class);
        return test != null && test.webEnvironment() == WebEnvironment.MOCK ? new NoPort() : null;
    }

    /** Equal to every other, so tests sharing a configuration share a cached context. */
    private static final class NoPort implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of("fasthttp.server.listen=false").applyTo(context);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoPort;
        }

        @Override
        public int hashCode() {
            return NoPort.class.hashCode();
        }
    }
}
