package dev.fasthttp.benchmarks.load;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run printed: throughput, latency percentiles (from {@code --latency}), the number
 * of requests completed and every kind of error wrk counts.
 */
record WrkResult(double requestsPerSecond, double p50Micros, double p99Micros, long requests, long errors) {

    private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern SOCKET_ERRORS = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    static WrkResult parse(String output) {
        double rps = Double.parseDouble(find(RPS, output, "Requests/sec"));
        long requests = Long.parseLong(find(REQUESTS, output, "requests in"));
        long errors = 0;
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return new WrkResult(rps, percentile(output, "50%"), percentile(output, "99%"), requests, errors);
    }

    /**
     * A line of wrk's latency distribution, such as {@code 99%    1.22ms}, in microseconds; NaN
     * when wrk prints 0, which it does for high percentiles of pipelined runs (it cannot place
     * them), so that no table shows a latency of zero.
     */
    private static double percentile(String output, String label) {
        Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)\\s*$").matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no " + label + " latency in wrk output (run with --latency):\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        if (value == 0) {
            return Double.NaN;
        }
        return switch (m.group(2)) {
            case "us" -> value;
            case "ms" -> value * 1_000;
            default -> value * 1_000_000;
        };
    }

    private static String find(Pattern p, String output, String what) {
        Matcher m = p.matcher(output);
        if (!m.find()) {
            throw new IllegalArgumentException("no '" + what + "' in wrk output:\n" + output);
        }
        return m.group(1);
    }
}
