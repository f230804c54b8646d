package dev.fasthttp.benchmarks.load;

import java.util.Locale;

/**
 * One server in one scenario in one round. NaN where a figure does not apply (requests/s of the
 * idle scenario, heap of a non-JVM server).
 */
record Measurement(String server, String scenario, int round, double requestsPerSecond, double p50Micros,
                   double p99Micros, long errors, long requests, long peakRssKb, double cpuMicrosPerRequest,
                   double userCpuMicrosPerRequest, double heapBytesPerRequest, double rssBytesPerConnection,
                   double heapBytesPerConnection) {

    static final String HEADER = "server\tscenario\tround\trps\tp50_us\tp99_us\terrors\trequests\tpeak_rss_kb"
            + "\tcpu_us_per_request\tuser_cpu_us_per_request\theap_bytes_per_request\trss_bytes_per_connection\theap_bytes_per_connection";

    String toTsv() {
        return String.join("\t", server, scenario, Integer.toString(round), f(requestsPerSecond), f(p50Micros),
                f(p99Micros), Long.toString(errors), Long.toString(requests), Long.toString(peakRssKb),
                f(cpuMicrosPerRequest), f(userCpuMicrosPerRequest), f(heapBytesPerRequest), f(rssBytesPerConnection),
                f(heapBytesPerConnection));
    }

    static Measurement fromTsv(String line) {
        String[] c = line.split("\t");
        return new Measurement(c[0], c[1], Integer.parseInt(c[2]), d(c[3]), d(c[4]), d(c[5]), Long.parseLong(c[6]),
                Long.parseLong(c[7]), Long.parseLong(c[8]), d(c[9]), d(c[10]), d(c[11]), d(c[12]), d(c[13]));
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static double d(String s) {
        return Double.parseDouble(s);
    }
}
