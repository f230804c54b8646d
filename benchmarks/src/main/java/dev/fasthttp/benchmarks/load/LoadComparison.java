package dev.fasthttp.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the load comparison: every server in turn, pinned to CPU 0, driven by wrk pinned to CPU 1,
 * in interleaved rounds (A B C ... A B C ...), then writes the report. Started by
 * {@code benchmarks/load/run.sh}, which builds what is needed first.
 *
 * <p>With {@code --typed-route}, the contenders are those of {@link TypedRoute} (one route,
 * {@code GET .../users/42}, served several ways) instead of the servers' {@code /plaintext}: each
 * contender's answer is checked against the same JSON before it is measured, and the figures go to
 * their own raw file and their own section of BENCHMARKS.md.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.load.LoadComparison
 *      [--typed-route] [--rounds 3] [--duration 8] [--warmup 3] [--startup-warmup 90] [--servers a,b] [--scenarios x,y]
 *      [--report-only]
 * </pre>
 */
public final class LoadComparison {

    private static final int PORT = 18_400;
    private static final long IDLE_OPEN_TIMEOUT_MILLIS = 60_000;

    private final Path repo;
    private final Path work;
    private final Path jdkBin;
    private final Options options;

    private LoadComparison(Path repo, Options options) {
        this.repo = repo;
        this.work = repo.resolve("benchmarks/load/target");
        this.jdkBin = Path.of(ProcessHandle.current().info().command().orElseThrow()).getParent();
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadComparison comparison = new LoadComparison(Path.of("").toAbsolutePath(), options);
        if (!options.reportOnly) {
            comparison.run();
        }
        comparison.report();
    }

    /** What one server start measures: a server of the catalogue, the path wrk asks for, and the name its figures go under. */
    private record Target(String name, ServerSpec spec, String path) {
    }

    private List<Target> targets(Map<String, ServerSpec> catalogue) {
        if (options.typedRoute) {
            Map<String, TypedRoute.Contender> contenders = TypedRoute.contenders();
            return options.names(contenders.keySet()).stream().map(name -> {
                TypedRoute.Contender c = contenders.get(name);
                if (c == null) {
                    throw new IllegalArgumentException("unknown contender " + name + "; known: " + contenders.keySet());
                }
                return new Target(name, catalogue.get(c.server()).withArguments(c.arguments()), c.path());
            }).toList();
        }
        return options.names(catalogue.keySet()).stream().map(name -> new Target(name, catalogue.get(name), "/plaintext")).toList();
    }

    private Map<String, ServerSpec> servers(Path repo, String java) {
        return options.typedRoute ? TypedRoute.servers(repo, java) : ServerSpec.catalogue(repo, java);
    }

    private Path rawFile() {
        return work.resolve(options.typedRoute ? "typed-route.tsv" : "raw.tsv");
    }

    private Path settingsFile() {
        return work.resolve(options.typedRoute ? "typed-route.properties" : "run.properties");
    }

    /** Where the typed-route comparison keeps each contender's last checked response, as it came off the wire. */
    private Path responseFile(String contender) {
        return work.resolve("typed-route-responses").resolve(contender + ".http");
    }

    private void run() throws IOException, InterruptedException {
        Files.createDirectories(work.resolve("logs"));
        Path raw = rawFile();
        Files.writeString(raw, Measurement.HEADER + "\n");
        Properties settings = new Properties();
        options.describe().forEach(settings::setProperty);
        try (var out = Files.newBufferedWriter(settingsFile())) {
            settings.store(out, options.typedRoute ? "typed-route comparison settings" : "load comparison settings");
        }
        Map<String, ServerSpec> catalogue = servers(repo, jdkBin.resolve("java").toString());
        List<Target> targets = targets(catalogue);
        if (options.typedRoute) {
            // Responses of an earlier run must not be reported as this one's.
            for (String contender : TypedRoute.contenders().keySet()) {
                Files.deleteIfExists(responseFile(contender));
            }
        }
        for (int round = 1; round <= options.rounds; round++) {
            for (Target target : targets) {
                ServerSpec spec = target.spec();
                System.out.printf("round %d: %s%s%n", round, spec.label(), options.typedRoute ? " " + target.path() : "");
                try (ServerProcess server = ServerProcess.start(spec, PORT, work.resolve("logs/" + target.name() + ".log"), jdkBin)) {
                    if (options.typedRoute) {
                        check(target, server);
                    }
                    warmUp(server, target.path());
                    for (Scenario scenario : options.scenarios) {
                        Measurement m = scenario.usesWrk()
                                ? measureWrk(target, server, scenario, round)
                                : measureIdle(spec, server, scenario, round);
                        System.out.println("  " + m.toTsv());
                        Files.writeString(raw, m.toTsv() + "\n", StandardOpenOption.APPEND);
                    }
                }
            }
        }
    }

    /**
     * Before a typed-route contender is measured: its answer to {@code GET path} must be the JSON
     * every contender answers, or the run stops. The response is kept for the report.
     */
    private void check(Target target, ServerProcess server) throws IOException {
        ProbedResponse response = server.probe(target.path());
        String mismatch = TypedRoute.mismatch(response);
        if (mismatch != null) {
            throw new IOException(target.name() + " answered GET " + target.path() + " with " + mismatch + ":\n"
                    + new String(response.wire(), java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.createDirectories(responseFile(target.name()).getParent());
        Files.write(responseFile(target.name()), response.wire());
        System.out.println("  GET " + target.path() + " -> " + response.bodyText() + " (" + response.wireBytes() + " bytes)");
    }

    /**
     * A JIT-compiled JVM server is several times faster than a fresh one (Spring on one core takes
     * tens of seconds), so every server first gets plain load in 5-second runs until two runs in a
     * row agree within 5% (at most {@code --startup-warmup} seconds), then pipelined load.
     */
    private void warmUp(ServerProcess server, String path) throws IOException, InterruptedException {
        String script = repo.resolve("benchmarks/load/pipeline.lua").toString();
        double previous = 0;
        for (int spent = 0; spent < options.startupWarmupSeconds; spent += 5) {
            double rps = WrkResult.parse(wrk(Scenario.KEEPALIVE_50.wrkCommand(server.url(path), 5, script))).requestsPerSecond();
            if (previous > 0 && Math.abs(rps - previous) <= 0.05 * previous) {
                break;
            }
            previous = rps;
        }
        wrk(Scenario.PIPELINED_16.wrkCommand(server.url(path), 5, script));
    }

    private Measurement measureWrk(Target target, ServerProcess server, Scenario scenario, int round)
            throws IOException, InterruptedException {
        ServerSpec spec = target.spec();
        String url = server.url(target.path());
        String script = repo.resolve("benchmarks/load/pipeline.lua").toString();
        wrk(scenario.wrkCommand(url, options.warmupSeconds, script)); // warm-up, not counted
        server.resetPeakResident();
        long allocatedBefore = spec.jvm() ? server.allocatedBytes() : 0;
        ServerProcess.CpuTime cpuBefore = server.cpu();
        WrkResult wrk = WrkResult.parse(wrk(scenario.wrkCommand(url, options.durationSeconds, script)));
        ServerProcess.CpuTime cpu = server.cpu().minus(cpuBefore);
        double heapPerRequest = spec.jvm() ? (double) (server.allocatedBytes() - allocatedBefore) / wrk.requests() : Double.NaN;
        return new Measurement(target.name(), scenario.id, round, wrk.requestsPerSecond(), wrk.p50Micros(), wrk.p99Micros(),
                wrk.errors(), wrk.requests(), server.peakResidentKb(), (double) cpu.totalMicros() / wrk.requests(),
                (double) cpu.userMicros() / wrk.requests(), heapPerRequest, Double.NaN, Double.NaN);
    }

    private Measurement measureIdle(ServerSpec spec, ServerProcess server, Scenario scenario, int round)
            throws IOException, InterruptedException {
        server.resetPeakResident();
        if (spec.jvm()) {
            server.collectGarbage();
        }
        long heapBefore = spec.jvm() ? server.heapUsedBytes() : 0;
        long rssBefore = server.residentKb();
        try (IdleConnections idle = IdleConnections.open(server.port(), scenario.connections, IDLE_OPEN_TIMEOUT_MILLIS)) {
            if (spec.jvm()) {
                server.collectGarbage();
            }
            long heapAfter = spec.jvm() ? server.heapUsedBytes() : 0;
            long rssAfter = server.residentKb();
            int held = Math.max(1, idle.answered());
            return new Measurement(spec.name(), scenario.id, round, Double.NaN, Double.NaN, Double.NaN,
                    scenario.connections - idle.answered(), idle.answered(), server.peakResidentKb(), Double.NaN, Double.NaN,
                    Double.NaN, (rssAfter - rssBefore) * 1024.0 / held, spec.jvm() ? (double) (heapAfter - heapBefore) / held : Double.NaN);
        }
    }

    private static String wrk(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    private void report() throws IOException, InterruptedException {
        List<Measurement> all = new ArrayList<>();
        for (String line : Files.readAllLines(rawFile())) {
            if (!line.startsWith("server\t") && !line.isBlank()) {
                all.add(Measurement.fromTsv(line));
            }
        }
        // Paths relative to the repository, as a reader would type them.
        Map<String, ServerSpec> catalogue = servers(Path.of(""), "java");
        if (options.typedRoute) {
            Map<String, ProbedResponse> responses = new LinkedHashMap<>();
            for (String contender : TypedRoute.contenders().keySet()) {
                Path file = responseFile(contender);
                if (Files.exists(file)) {
                    responses.put(contender, ProbedResponse.read(new java.io.ByteArrayInputStream(Files.readAllBytes(file))));
                }
            }
            new TypedRouteReport(all, catalogue, responses, Environment.describe(jdkBin, false), runSettings())
                    .writeInto(repo.resolve("BENCHMARKS.md"));
            System.out.println("wrote BENCHMARKS.md (typed route)");
            return;
        }
        Report report = new Report(all, catalogue, Environment.describe(jdkBin), runSettings());
        Path chart = repo.resolve("benchmarks/load/results/requests-per-second.svg");
        Files.createDirectories(chart.getParent());
        Files.writeString(chart, report.requestsChart());
        report.writeInto(repo.resolve("BENCHMARKS.md"), repo.relativize(chart).toString());
        System.out.println("wrote BENCHMARKS.md and " + repo.relativize(chart));
    }

    /** The settings the raw figures were measured with, as recorded by the run. */
    private Map<String, String> runSettings() throws IOException {
        Properties recorded = new Properties();
        try (var in = Files.newBufferedReader(settingsFile())) {
            recorded.load(in);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        options.describe().keySet().forEach(k -> settings.put(k, recorded.getProperty(k, "?")));
        return settings;
    }

    /** Command-line options. */
    private static final class Options {
        int rounds = 3;
        int durationSeconds = 8;
        int warmupSeconds = 3;
        int startupWarmupSeconds = 90;
        List<String> servers = List.of();
        List<Scenario> scenarios;
        boolean reportOnly;
        boolean typedRoute;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> o.rounds = Integer.parseInt(args[++i]);
                    case "--duration" -> o.durationSeconds = Integer.parseInt(args[++i]);
                    case "--warmup" -> o.warmupSeconds = Integer.parseInt(args[++i]);
                    case "--startup-warmup" -> o.startupWarmupSeconds = Integer.parseInt(args[++i]);
                    case "--servers" -> o.servers = List.of(args[++i].split(","));
                    case "--scenarios" -> o.scenarios = Arrays.stream(args[++i].split(",")).map(Scenario::byId).toList();
                    case "--report-only" -> o.reportOnly = true;
                    case "--typed-route" -> o.typedRoute = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (o.scenarios == null) {
                o.scenarios = o.typedRoute ? TypedRoute.SCENARIOS : List.of(Scenario.values());
            }
            if (o.typedRoute && !o.scenarios.stream().allMatch(Scenario::usesWrk)) {
                throw new IllegalArgumentException("--typed-route measures wrk scenarios only, not " + Scenario.IDLE_10K.id);
            }
            return o;
        }

        /** The servers (or typed-route contenders) asked for, all of them by default. */
        List<String> names(java.util.Set<String> all) {
            return servers.isEmpty() ? List.copyOf(all) : servers;
        }

        Map<String, String> describe() {
            Map<String, String> d = new LinkedHashMap<>();
            d.put("rounds", Integer.toString(rounds));
            d.put("measured seconds per scenario", Integer.toString(durationSeconds));
            d.put("warm-up after each server start", "5 s runs at 50 connections" + (typedRoute ? " on the route measured" : "")
                    + " until two agree within 5% (at most " + startupWarmupSeconds + " s), then 5 s pipelined");
            d.put("warm-up seconds per scenario", Integer.toString(warmupSeconds));
            return d;
        }
    }
}
