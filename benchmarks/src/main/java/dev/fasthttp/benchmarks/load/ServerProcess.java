package dev.fasthttp.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test: started pinned to CPU 0, probed through /proc (CPU time, resident memory)
 * and, for JVMs, through the JDK's jstat and jcmd.
 */
final class ServerProcess implements AutoCloseable {

    private static final long CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

    private final ServerSpec spec;
    private final Process process;
    private final int port;
    private final Path log;
    private final Path jdkBin;
    private javax.management.remote.JMXConnector jmx;
    private com.sun.management.ThreadMXBean threads;

    private ServerProcess(ServerSpec spec, Process process, int port, Path log, Path jdkBin) {
        this.spec = spec;
        this.process = process;
        this.port = port;
        this.log = log;
        this.jdkBin = jdkBin;
    }

    static ServerProcess start(ServerSpec spec, int port, Path log, Path jdkBin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", "0"));
        command.addAll(spec.command());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(spec.env());
        builder.environment().put("PORT", Integer.toString(port));
        ServerProcess server = new ServerProcess(spec, builder.start(), port, log, jdkBin);
        server.awaitReady();
        return server;
    }

    /** Polls {@code GET /plaintext} until it answers, for up to 90 s (Spring Boot on one core is slow to start). */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(spec.name() + " exited at start:\n" + Files.readString(log));
            }
            if (answers()) {
                return;
            }
            Thread.sleep(100); // polling a process we do not control; not a test synchronization
        }
        throw new IOException(spec.name() + " did not answer within 90 s:\n" + Files.readString(log));
    }

    private boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(2000);
            OutputStream out = s.getOutputStream();
            out.write("GET /plaintext HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.startsWith("HTTP/1.1 200") && response.endsWith("Hello, World!");
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process.pid();
    }

    String url() {
        return url("/plaintext");
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /**
     * {@code GET path} twice on one keep-alive connection, as wrk sends it; the second response,
     * after checking that the first one is the same apart from its headers.
     */
    ProbedResponse probe(String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            out.write(request);
            out.flush();
            ProbedResponse first = ProbedResponse.read(in);
            out.write(request);
            out.flush();
            ProbedResponse second = ProbedResponse.read(in);
            if (first.status() != second.status() || !java.util.Arrays.equals(first.body(), second.body())) {
                throw new IOException(spec.name() + " answered GET " + path + " differently on the same connection");
            }
            return second;
        }
    }

    int port() {
        return port;
    }

    /** CPU time of all the server's threads so far, in microseconds: in user space, and in the kernel on its behalf. */
    record CpuTime(long userMicros, long systemMicros) {
        long totalMicros() {
            return userMicros + systemMicros;
        }

        CpuTime minus(CpuTime earlier) {
            return new CpuTime(userMicros - earlier.userMicros, systemMicros - earlier.systemMicros);
        }
    }

    CpuTime cpu() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, fields 14 and 15 of /proc/pid/stat, in clock ticks
        return new CpuTime(Long.parseLong(fields[11]) * 1_000_000 / CLOCK_TICKS_PER_SECOND,
                Long.parseLong(fields[12]) * 1_000_000 / CLOCK_TICKS_PER_SECOND);
    }

    long residentKb() throws IOException {
        return statusKb("VmRSS:");
    }

    long peakResidentKb() throws IOException {
        return statusKb("VmHWM:");
    }

    /** Resets the peak resident size, so the next scenario's peak is its own. */
    void resetPeakResident() throws IOException {
        Files.writeString(Path.of("/proc", Long.toString(pid()), "clear_refs"), "5");
    }

    private long statusKb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(field + " not in /proc status");
    }

    /**
     * Heap in use now, from {@code jcmd GC.heap_info}: the sum of the "used" of its top-level lines
     * (young and old generations, or G1's single heap). Unlike jstat's counters, which some
     * collectors refresh only at a collection, this is computed when asked.
     */
    long heapUsedBytes() throws IOException, InterruptedException {
        return heapUsedBytes(run(jdkBin.resolve("jcmd").toString(), Long.toString(pid()), "GC.heap_info"));
    }

    static long heapUsedBytes(String heapInfo) {
        long kb = 0;
        for (String line : heapInfo.split("\n")) {
            Matcher m = HEAP_LINE.matcher(line);
            if (m.find()) {
                kb += Long.parseLong(m.group(1));
            }
        }
        return kb * 1024;
    }

    private static final Pattern HEAP_LINE = Pattern.compile("total \\d+K, used (\\d+)K");

    /**
     * Bytes allocated on the heap by all the server's threads since it started, from the JVM's
     * own exact counter ({@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}),
     * read over JMX after attaching to the process once. More precise than heap-used deltas,
     * which count whole thread-local allocation buffers and so carry megabytes of noise.
     */
    long allocatedBytes() throws IOException {
        if (threads == null) {
            try {
                com.sun.tools.attach.VirtualMachine vm = com.sun.tools.attach.VirtualMachine.attach(Long.toString(pid()));
                String address = vm.startLocalManagementAgent();
                vm.detach();
                jmx = javax.management.remote.JMXConnectorFactory.connect(new javax.management.remote.JMXServiceURL(address));
                threads = java.lang.management.ManagementFactory.newPlatformMXBeanProxy(jmx.getMBeanServerConnection(),
                        java.lang.management.ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
            } catch (com.sun.tools.attach.AttachNotSupportedException e) {
                throw new IOException("cannot attach to " + spec.name(), e);
            }
        }
        return threads.getTotalThreadAllocatedBytes();
    }

    /** Runs a full collection, so the heap in use is what is live. */
    void collectGarbage() throws IOException, InterruptedException {
        run(jdkBin.resolve("jcmd").toString(), Long.toString(pid()), "GC.run");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + out);
        }
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (jmx != null) {
            try {
                jmx.close();
            } catch (IOException ignored) {
                // the process goes away next anyway
            }
        }
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
