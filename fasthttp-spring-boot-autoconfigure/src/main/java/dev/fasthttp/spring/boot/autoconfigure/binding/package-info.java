/**
 * Typed handler methods: {@code @FastHttpRoute} methods that take Spring's {@code @PathVariable},
 * {@code @RequestParam}, {@code @RequestHeader}, {@code @CookieValue} and {@code @RequestBody}
 * arguments and return values written as text, bytes or JSON, with Spring's
 * {@code @ExceptionHandler} and {@code @ControllerAdvice}. Everything is decided when the server
 * starts: one method-handle chain per method, nothing reflective per request.
 */
package dev.fasthttp.spring.boot.autoconfigure.binding;
