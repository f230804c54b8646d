package dev.fasthttp.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Value;

/**
 * Injects the port the fasthttp server actually listens on, which is what tests need when
 * {@code fasthttp.server.port=0} lets the system pick a free one. Shorthand for
 * {@code @Value("${local.fasthttp.port}")}.
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Value("${local.fasthttp.port}")
public @interface LocalFastHttpPort {
}
