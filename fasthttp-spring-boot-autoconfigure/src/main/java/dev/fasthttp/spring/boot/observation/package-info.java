/**
 * Micrometer observations of the requests the auto-configured fasthttp server handles:
 * {@code http.server.requests}, named and tagged as Spring's own servers observe them, and
 * replaceable by a {@link dev.fasthttp.spring.boot.observation.FastHttpServerRequestObservationConvention} bean.
 */
package dev.fasthttp.spring.boot.observation;
