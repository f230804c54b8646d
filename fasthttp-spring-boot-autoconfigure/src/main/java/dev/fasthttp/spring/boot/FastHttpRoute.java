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
 * On a method: either the plain form, one {@link dev.fasthttp.RequestCtx} and no result, called
 * through a generated {@code RequestHandler};
 * <pre>{@code
 * @Component
 * class Users {
 *     @FastHttpRoute("/users/{id}")
 *     void show(RequestCtx ctx) { ctx.setBodyString("user " + ctx.pathParam("id")); }
 * }
 * }</pre>
 * or, as a Spring controller method reads, with Spring's {@code @PathVariable},
 * {@code @RequestParam}, {@code @RequestHeader}, {@code @CookieValue} and {@code @RequestBody}
 * arguments (and the {@code RequestCtx}), returning text, bytes, a {@code ByteView}, a
 * {@code ResponseEntity}, a {@code CompletionStage} of those, or any object, written as JSON;
 * {@code @ResponseStatus}, {@code @ExceptionHandler} and {@code @ControllerAdvice} apply as in
 * Spring MVC. Each such method is bound once, when the server starts; per request it costs no
 * reflection, and primitives are not boxed.
 * <pre>{@code
 * @FastHttpRoute(value = "/todos/{id}", method = "PUT")
 * Todo update(@PathVariable long id, @Valid @RequestBody Todo todo) { ... }
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

    /**
     * Give the handler the request body as it arrives, never whole in memory: a {@code RequestCtx}
     * reads it with {@code ctx.requestBodyStream()}, a typed method takes it as an
     * {@code @RequestBody InputStream} (or has its JSON read from the stream). Implies
     * {@link #blocking()}; limited by {@code fasthttp.server.max-streamed-request-body-size}
     * instead of {@code max-request-body-size}. Default: the body is buffered.
     */
    boolean streaming() default false;

    /**
     * A time limit for the handler, as Spring Boot writes durations: {@code "2s"},
     * {@code "500ms"}, {@code "PT2S"} (a bare number is milliseconds). The handler then runs on a
     * virtual thread (as {@link #blocking()} would) and, if it runs longer, the client gets 503
     * through the error responses, the handler's virtual thread is interrupted and its
     * {@code RequestCtx.isDone()} turns true ({@link dev.fasthttp.TimeoutHandler}). A malformed or
     * non-positive value fails start-up, naming the bean. Default: none.
     */
    String timeout() default "";

    /**
     * The request media types a typed method takes ({@code application/json}); a request with
     * another Content-Type gets 415. Default: any.
     */
    String[] consumes() default {};

    /**
     * The media types a typed method answers in, the first being the default; a request whose
     * Accept allows none of them gets 406. Default: the type of what the method returns.
     */
    String[] produces() default {};
}
