package dev.fasthttp.spring.boot.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** How requests to the fasthttp server are named and tagged; a bean of this type replaces the default. */
public interface FastHttpServerRequestObservationConvention extends ObservationConvention<FastHttpServerRequestObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof FastHttpServerRequestObservationContext;
    }
}
