package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.ServerStats;
import dev.fasthttp.TimeoutKind;
import dev.fasthttp.http.ProtocolError;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;

/**
 * Publishes the server's own counters to Micrometer. The meters read {@link ServerStats} when the
 * registry is scraped; the request path never calls Micrometer, so it stays free of garbage and
 * of contention.
 *
 * <pre>
 * fasthttp.server.requests{status="2xx",outcome="SUCCESS"}   counter: rate() is requests per second
 * fasthttp.server.connections.active                          gauge
 * fasthttp.server.connections.accepted / .rejected            counters
 * fasthttp.server.bytes.received / .sent                      counters
 * fasthttp.server.errors{kind=...}                            counter: protocol errors, timeouts, handler failures
 * </pre>
 */
public class FastHttpMeterBinder implements MeterBinder {

    private static final String[] OUTCOMES = {"INFORMATIONAL", "SUCCESS", "REDIRECTION", "CLIENT_ERROR", "SERVER_ERROR"};

    private final ServerStats stats;

    public FastHttpMeterBinder(ServerStats stats) {
        this.stats = stats;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (int statusClass = 1; statusClass <= 5; statusClass++) {
            int c = statusClass;
            FunctionCounter.builder("fasthttp.server.requests", stats, s -> s.requests(c))
                    .description("Responses sent by the fasthttp server")
                    .tag("status", c + "xx")
                    .tag("outcome", OUTCOMES[c - 1])
                    .register(registry);
        }
        Gauge.builder("fasthttp.server.connections.active", stats, ServerStats::connectionsActive)
                .description("Connections open now")
                .register(registry);
        FunctionCounter.builder("fasthttp.server.connections.accepted", stats, ServerStats::connectionsAccepted)
                .description("Connections accepted")
                .register(registry);
        FunctionCounter.builder("fasthttp.server.connections.rejected", stats, ServerStats::connectionsRejected)
                .description("Connections refused by a connection limit (503 or 429)")
                .register(registry);
        FunctionCounter.builder("fasthttp.server.bytes.received", stats, ServerStats::bytesRead)
                .description("Bytes read from clients")
                .register(registry);
        FunctionCounter.builder("fasthttp.server.bytes.sent", stats, ServerStats::bytesWritten)
                .description("Bytes written to clients")
                .register(registry);
        errors(registry, "handler", s -> s.handlerErrors());
        errors(registry, "rejected", s -> s.requestsRejected());
        for (TimeoutKind kind : TimeoutKind.values()) {
            errors(registry, kind.name().toLowerCase(Locale.ROOT) + "_timeout", s -> s.timeouts(kind));
        }
        for (ProtocolError error : ProtocolError.values()) {
            errors(registry, error.name().toLowerCase(Locale.ROOT), s -> s.protocolErrors(error));
        }
    }

    private void errors(MeterRegistry registry, String kind, java.util.function.ToDoubleFunction<ServerStats> count) {
        FunctionCounter.builder("fasthttp.server.errors", stats, count)
                .description("Requests refused as malformed or rejected by a handler (4xx), connections cut by a timeout, and handlers that threw")
                .tag("kind", kind)
                .register(registry);
    }
}
