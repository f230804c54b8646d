package dev.fasthttp.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/** The load scenarios, each a wrk command line (the idle one is run by {@link IdleConnections}). */
enum Scenario {
    KEEPALIVE_50("keepalive-50", "50 keep-alive connections", 50, false, false),
    KEEPALIVE_256("keepalive-256", "256 keep-alive connections", 256, false, false),
    PIPELINED_16("pipelined-16", "50 connections, 16 requests pipelined per write", 50, true, false),
    CLOSE("close", "1 request per connection (Connection: close), 50 at a time", 50, false, true),
    IDLE_10K("idle-10k", "10,000 idle keep-alive connections", 10_000, false, false);

    final String id;
    final String label;
    final int connections;
    private final boolean pipelined;
    private final boolean close;

    Scenario(String id, String label, int connections, boolean pipelined, boolean close) {
        this.id = id;
        this.label = label;
        this.connections = connections;
        this.pipelined = pipelined;
        this.close = close;
    }

    boolean usesWrk() {
        return this != IDLE_10K;
    }

    /** wrk pinned to CPU 1, one thread, latency percentiles on. */
    List<String> wrkCommand(String url, int seconds, String pipelineScript) {
        List<String> cmd = new ArrayList<>(List.of("taskset", "-c", "1", "wrk", "-t1", "-c" + connections,
                "-d" + seconds + "s", "--timeout", "10s", "--latency"));
        if (close) {
            cmd.add("-H");
            cmd.add("Connection: close");
        }
        if (pipelined) {
            cmd.add("-s");
            cmd.add(pipelineScript);
        }
        cmd.add(url);
        if (pipelined) {
            cmd.add("--");
            cmd.add("16");
        }
        return cmd;
    }

    static Scenario byId(String id) {
        for (Scenario s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario " + id);
    }
}
