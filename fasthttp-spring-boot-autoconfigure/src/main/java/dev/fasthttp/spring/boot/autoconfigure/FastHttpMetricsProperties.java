package dev.fasthttp.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Metrics of the fasthttp server ({@code fasthttp.metrics.*}). */
@ConfigurationProperties("fasthttp.metrics")
public class FastHttpMetricsProperties {

    /** Whether to publish the server's counters (requests, connections, bytes, errors) to Micrometer. */
    private boolean enabled = true;

    private final Requests requests = new Requests();

    private final Prometheus prometheus = new Prometheus();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Requests getRequests() { return requests; }
    public Prometheus getPrometheus() { return prometheus; }

    /** The per-route request timer. */
    public static class Requests {

        /**
         * Whether to time every request as http.server.requests, tagged by method, route template,
         * status, outcome and exception, as Spring MVC does. Costs a clock read and a timer update per request.
         */
        private boolean enabled = false;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
    }

    /** The Prometheus scrape route, mounted when a PrometheusMeterRegistry exists. */
    public static class Prometheus {

        /** Whether to mount the scrape route. */
        private boolean enabled = true;

        /** Path of the scrape route. */
        private String path = "/metrics";

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getPath() { return path; }
        public void setPath(String path) { this.path = path; }
    }
}
