package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.ResponseObserver;
import dev.fasthttp.spring.boot.observation.DefaultFastHttpServerRequestObservationConvention;
import dev.fasthttp.spring.boot.observation.FastHttpServerRequestObservationContext;
import dev.fasthttp.spring.boot.observation.FastHttpServerRequestObservationConvention;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Observes every routed request through Micrometer's {@link ObservationRegistry}: the
 * observation starts before the router, is in scope while the handler runs (on the event loop,
 * or on the virtual thread of a blocking route), and stops when the response is written, with
 * its status and what the handler threw. With a tracer, the incoming {@code traceparent} or
 * {@code b3} is continued and the span is current in the handler.
 *
 * <p>With no observation handler registered, a request costs one check and allocates nothing.
 */
final class ObservedRequests implements HandlerWrapper, ResponseObserver {

    /** The ctx user value the request's observation is kept under. */
    private static final Object OBSERVATION = new Object() {
        @Override
        public String toString() {
            return "fasthttp observation";
        }
    };

    private static final FastHttpServerRequestObservationConvention DEFAULT = new DefaultFastHttpServerRequestObservationConvention();

    private final ObjectProvider<ObservationRegistry> registryProvider;
    private final FastHttpServerRequestObservationConvention convention;
    private volatile ObservationRegistry registry;

    /**
     * @param registry   asked for on the first request: the registry's handlers (metrics) may need
     *                   the server's own beans, so it cannot be a dependency of the server
     * @param convention the application's, or null for the default
     */
    ObservedRequests(ObjectProvider<ObservationRegistry> registry, FastHttpServerRequestObservationConvention convention) {
        this.registryProvider = registry;
        this.convention = convention;
    }

    private ObservationRegistry registry() {
        ObservationRegistry current = registry;
        if (current == null) {
            current = registryProvider.getIfAvailable(() -> ObservationRegistry.NOOP);
            registry = current;
        }
        return current;
    }

    @Override
    public RequestHandler wrapRouter(RequestHandler router) {
        return ctx -> {
            ObservationRegistry registry = registry();
            if (registry.isNoop()) {
                router.handle(ctx);
                return;
            }
            FastHttpServerRequestObservationContext context = new FastHttpServerRequestObservationContext(ctx);
            Observation observation = Observation.createNotStarted(convention, DEFAULT, () -> context, registry).start();
            ctx.setUserValue(OBSERVATION, observation);
            try (Observation.Scope scope = observation.openScope()) {
                router.handle(ctx);
            }
        };
    }

    @Override
    public RequestHandler wrapBlocking(RequestHandler handler) {
        return ctx -> {
            if (!(ctx.userValue(OBSERVATION) instanceof Observation observation)) {
                handler.handle(ctx);
                return;
            }
            try (Observation.Scope scope = observation.openScope()) {
                handler.handle(ctx);
            }
        };
    }

    @Override
    public void onResponse(RequestCtx ctx, long durationNanos, Throwable failure) {
        if (ctx.userValue(OBSERVATION) instanceof Observation observation) {
            ((FastHttpServerRequestObservationContext) observation.getContext()).setResponse(ctx);
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        }
    }
}
