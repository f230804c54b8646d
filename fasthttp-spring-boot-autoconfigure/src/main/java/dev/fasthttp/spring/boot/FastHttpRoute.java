package dev.fasthttp.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes requests to a handler bean, or to a method of a bean.
 *
 * <p>On a class: the bean must implement {@link dev.fasthttp.RequestHandler}.
 * <pre>{@code
 * @Component
 * @FastHttpRoute("/plaintext")
 * class Plaintext implements RequestHandler {
 *     public void handle(RequestCtx ctx) { ctx.success("text/plain", HELLO); }
 * }
 * }</pre>
 *
 * On a method: the method takes one {@link dev.fasthttp.RequestCtx} and returns nothing. It is
 * called through a generated {@code RequestHandler}, not by reflection.
 * <pre>{@code
 * @Component
 * class Users {
 *     @FastHttpRoute("/users/{id}")
 *     void show(RequestCtx ctx) { ctx.setBodyString("user " + ctx.pathParam("id")); }
 * }
 * }</pre>
 *
 * Two beans claiming the same method and path make the application fail to start, naming both.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FastHttpRoute {

    /** The path template: static segments, {@code {name}} parameters, a trailing {@code {*name}} catch-all. */
    String value();

    /** The methods served. Default: GET (which also answers HEAD). */
    String[] method() default "GET";

    /** Run the handler on a virtual thread, where it may block. Default: inline on the event loop. */
    boolean blocking() default false;
}
