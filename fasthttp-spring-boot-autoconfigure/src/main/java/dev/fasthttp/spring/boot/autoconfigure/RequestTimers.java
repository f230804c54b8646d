package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.ResponseObserver;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.spring.boot.observation.RequestTags;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Times every response as {@code http.server.requests}, with Spring's tags: {@code method},
 * {@code uri} (the route template, never the raw path, whose values are unbounded),
 * {@code status}, {@code outcome}, {@code exception}.
 *
 * <p>Each timer is built once, the first time its combination of tags occurs, and found again
 * through arrays indexed by method and status: recording allocates nothing.
 */
class RequestTimers implements ResponseObserver {

    private static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"};
    private static final int STATUSES = 1000;

    private final MeterRegistry registry;
    /** Route template (or NOT_FOUND, REDIRECTION, UNKNOWN) → that route's timers. */
    private final ConcurrentHashMap<String, RouteTimers> routes = new ConcurrentHashMap<>();
    /** Timers of requests whose handler threw, or with unusual methods: rare, so built per call. */
    private final ConcurrentHashMap<String, Timer> others = new ConcurrentHashMap<>();

    RequestTimers(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void onResponse(RequestCtx ctx, long durationNanos, Throwable failure) {
        int status = ctx.statusCode();
        String uri = RequestTags.uri(ctx.routeTemplate(), status);
        int method = methodIndex(ctx.method());
        Timer timer;
        if (failure == null && method >= 0) {
            RouteTimers route = routes.get(uri); // get first: computeIfAbsent would build its lambda every time
            if (route == null) {
                route = routes.computeIfAbsent(uri, RouteTimers::new);
            }
            timer = route.timer(method, status);
        } else {
            String methodName = ctx.method().toString();
            String exception = failure == null ? "none" : failure.getClass().getSimpleName();
            timer = others.computeIfAbsent(methodName + " " + uri + " " + status + " " + exception,
                    k -> build(methodName, uri, status, exception));
        }
        timer.record(durationNanos, TimeUnit.NANOSECONDS);
    }

    private static int methodIndex(ByteView method) {
        for (int i = 0; i < METHODS.length; i++) {
            if (method.contentEquals(METHODS[i])) {
                return i;
            }
        }
        return -1;
    }

    private Timer build(String method, String uri, int status, String exception) {
        return Timer.builder("http.server.requests")
                .description("Duration of HTTP server request handling")
                .tag("method", method)
                .tag("uri", uri)
                .tag("status", Integer.toString(status))
                .tag("outcome", RequestTags.outcome(status))
                .tag("exception", exception)
                .register(registry);
    }

    /** The timers of one route, by method and status, created on first use. */
    private final class RouteTimers {

        private final String uri;
        private final AtomicReferenceArray<AtomicReferenceArray<Timer>> byMethod = new AtomicReferenceArray<>(METHODS.length);

        RouteTimers(String uri) {
            this.uri = uri;
        }

        Timer timer(int method, int status) {
            AtomicReferenceArray<Timer> byStatus = byMethod.get(method);
            if (byStatus == null) {
                byMethod.compareAndSet(method, null, new AtomicReferenceArray<>(STATUSES));
                byStatus = byMethod.get(method);
            }
            Timer timer = byStatus.get(status);
            if (timer == null) {
                byStatus.compareAndSet(status, null, build(METHODS[method], uri, status, "none"));
                timer = byStatus.get(status);
            }
            return timer;
        }
    }
}
