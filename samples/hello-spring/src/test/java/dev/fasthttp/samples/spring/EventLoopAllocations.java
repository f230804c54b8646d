package dev.fasthttp.samples.spring;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Bytes the server's event loop allocates per keep-alive request, after warm-up: the JVM's count
 * of the loop thread's allocations around a run of round trips on one connection. The server must
 * run a single event loop ({@code fasthttp.server.event-loops=1}).
 */
final class EventLoopAllocations {

    private static final int WARM_UP = 30_000;
    private static final int MEASURED = 20_000;

    /** The measurement and the last response, for the caller to check it was the one expected. */
    record Result(double bytesPerRequest, String response) {
    }

    private EventLoopAllocations() {
    }

    static Result perRequest(int port, String path) throws Exception {
        return measure(port, "GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n");
    }

    /** @param rawRequest a whole request, head and body, as sent on the connection */
    static Result perRequestOf(int port, String rawRequest) throws Exception {
        return measure(port, rawRequest);
    }

    private static Result measure(int port, String rawRequest) throws Exception {
        long loop = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fasthttp-loop-0")).findFirst().orElseThrow().threadId();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        byte[] request = rawRequest.getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            byte[] response = new byte[responseLength(out, in, request)];
            roundTrips(WARM_UP, request, response, out, in);
            long before = threads.getThreadAllocatedBytes(loop);
            roundTrips(MEASURED, request, response, out, in);
            long allocated = threads.getThreadAllocatedBytes(loop) - before;
            return new Result((double) allocated / MEASURED, new String(response, StandardCharsets.US_ASCII));
        }
    }

    private static int responseLength(OutputStream out, InputStream in, byte[] request) throws Exception {
        out.write(request);
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.read());
        }
        String lengthHeader = head.toString().lines().filter(l -> l.startsWith("Content-Length:")).findFirst().orElseThrow();
        int body = Integer.parseInt(lengthHeader.substring("Content-Length:".length()).trim());
        in.readNBytes(body);
        return head.length() + body;
    }

    private static void roundTrips(int count, byte[] request, byte[] response, OutputStream out, InputStream in) throws Exception {
        for (int i = 0; i < count; i++) {
            out.write(request);
            out.flush();
            in.readNBytes(response, 0, response.length);
        }
    }
}
