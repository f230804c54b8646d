package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promise behind the project: after warm-up, serving a keep-alive GET allocates nothing on
 * the event loop (or on the thread of a connection handed to {@link Server#serveConnection}).
 * Measured with the JVM's own per-thread allocation counter on that thread, through a real
 * socket, while the handler reads the request the way handlers do.
 */
class ZeroGarbageTest {

    /** fasthttp's benchmark request ({@code getRequest} in server_timing_test.go, fasthttp 1.31), 201 bytes. */
    private static final byte[] REQUEST = ("GET /foobar?baz HTTP/1.1\r\n"
            + "Host: google.com\r\n"
            + "User-Agent: aaa/bbb/ccc/ddd/eee Firefox Chrome MSIE Opera\r\n"
            + "Referer: http://xxx.com/aaa?bbb=ccc\r\n"
            + "Cookie: foo=bar; baz=baraz; aa=aakslsdweriwereowriewroire\r\n"
            + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY = "Hello, world!".getBytes(StandardCharsets.US_ASCII);
    private static final int WARMUP = 30_000;
    private static final int MEASURED = 20_000;

    private Server server;
    private long loopThreadId;
    /** What {@link #assertAllocationFree} sends, again and again. */
    private byte[] request = REQUEST;

    @BeforeEach
    void start() {
        start(ZeroGarbageTest::handle);
    }

    private void start(RequestHandler handler) {
        server = TestServers.start(handler, b -> b.eventLoops(1));
        loopThreadId = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fasthttp-loop-0"))
                .findFirst().orElseThrow().threadId();
    }

    @AfterEach
    void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    /** Reads what handlers typically read: method, path, query, headers, a cookie. */
    private static void handle(RequestCtx ctx) {
        if (!ctx.isGet() || !ctx.path().contentEquals("/foobar") || !ctx.queryArgs().has("baz")) {
            ctx.error("unexpected request", 400);
            return;
        }
        ByteView agent = ctx.userAgent();
        ByteView cookie = ctx.cookie("baz");
        if (agent == null || cookie == null || !cookie.contentEquals("baraz") || !ctx.host().contentEquals("google.com")) {
            ctx.error("unexpected headers", 400);
            return;
        }
        ctx.response().headers().set("X-Request", "ok");
        ctx.success("text/plain", BODY);
    }

    @Test
    void keepAliveGetAllocatesNothingOnTheEventLoop() throws Exception {
        assertAllocationFree(1);
    }

    @Test
    void pipelinedGetsAllocateNothingOnTheEventLoop() throws Exception {
        assertAllocationFree(16);
    }

    /**
     * Past 127 file descriptors the JDK selector boxes each ready one; the build runs tests with
     * -XX:AutoBoxCacheMax=65536, the setting README recommends, and then 300 connections cost nothing either.
     */
    @Test
    void manyConnectionsAllocateNothingWithAWideIntegerCache() throws Exception {
        assertThat(Server.integerCacheCoversFileDescriptors())
                .as("tests run with -XX:AutoBoxCacheMax=65536 (see the surefire argLine)").isTrue();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Socket[] sockets = new Socket[300];
        try {
            for (int i = 0; i < sockets.length; i++) {
                sockets[i] = new Socket();
                sockets[i].setTcpNoDelay(true);
                sockets[i].connect(new InetSocketAddress("127.0.0.1", server.port()));
                sockets[i].setSoTimeout(10_000);
            }
            int length = firstResponseLength(sockets[0].getOutputStream(), sockets[0].getInputStream());
            byte[] response = new byte[length];
            for (int round = 0; round < 100; round++) { // warm-up, and every connection served once
                for (Socket socket : sockets) {
                    exchange(socket, response);
                }
            }
            long before = threads.getThreadAllocatedBytes(loopThreadId);
            int measured = 0;
            for (int round = 0; round < 70; round++) {
                for (Socket socket : sockets) {
                    exchange(socket, response);
                    measured++;
                }
            }
            long allocated = threads.getThreadAllocatedBytes(loopThreadId) - before;
            System.out.printf("300 connections: %d bytes allocated on the event loop over %d requests (%.4f B/request)%n",
                    allocated, measured, (double) allocated / measured);
            assertThat((double) allocated / measured).isLessThan(1.0);
        } finally {
            for (Socket socket : sockets) {
                if (socket != null) {
                    socket.close();
                }
            }
        }
    }

    private static void exchange(Socket socket, byte[] response) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(REQUEST);
        out.flush();
        socket.getInputStream().readNBytes(response, 0, response.length);
    }

    @Test
    void routedRequestsWithPathParametersAllocateNothing() throws Exception {
        server.shutdown(Duration.ofSeconds(5));
        Router router = Router.builder()
                .get("/", ctx -> ctx.error("wrong route", 500))
                .get("/users/{id}", ctx -> ctx.error("wrong route", 500))
                .get("/{name}", ctx -> {
                    if (!ctx.pathParam("name").contentEquals("foobar") || !"/{name}".equals(ctx.routeTemplate())) {
                        ctx.error("unexpected match", 500);
                        return;
                    }
                    handle(ctx);
                })
                .build();
        start(router);
        assertAllocationFree(1);
    }

    /**
     * {@code formValue} looks in the query, then an urlencoded body, then a multipart body: a GET
     * has neither body, and looking costs nothing, the multipart parser included.
     */
    @Test
    void formValueOnAGetAllocatesNothing() throws Exception {
        server.shutdown(Duration.ofSeconds(5));
        start(ctx -> {
            if (ctx.formValue("baz") == null || ctx.formValue("absent") != null) {
                ctx.error("unexpected form value", 500);
                return;
            }
            handle(ctx);
        });
        assertAllocationFree(1);
    }

    /**
     * A handler that reads a multipart form through views (a field, a file, {@code formValue})
     * allocates nothing either, once the ctx's form and its tables have grown: the parser records
     * positions in the body and copies nothing.
     */
    @Test
    void aMultipartFormReadThroughViewsAllocatesNothing() throws Exception {
        server.shutdown(Duration.ofSeconds(5));
        String form = "--xyz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n"
                + "--xyz\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n\u0000\u0001\r\n\u0002\r\n--xyz--\r\n";
        request = ("POST /upload HTTP/1.1\r\nHost: google.com\r\nContent-Type: multipart/form-data; boundary=\"xyz\"\r\n"
                + "Content-Length: " + form.length() + "\r\n\r\n" + form).getBytes(StandardCharsets.ISO_8859_1);
        start(ctx -> {
            FormFile upload = ctx.formFile("upload");
            ByteView title = ctx.formValue("title");
            if (title == null || !title.contentEquals("hello") || upload == null || upload.size() != 5
                    || upload.content().byteAt(4) != 2 || ctx.multipartForm().fieldCount() != 1) {
                ctx.error("unexpected form", 500);
                return;
            }
            ctx.success("text/plain", BODY);
        });
        assertAllocationFree(1);
    }

    /**
     * {@link Server#serveConnection} on a thread of the caller's: the connection gives its worker
     * back before each blocking read and borrows one when bytes come, and that allocates nothing
     * either.
     */
    @Test
    void aConnectionServedOnTheCallersThreadAllocatesNothing() throws Exception {
        Server direct = Server.builder().handler(ZeroGarbageTest::handle).build();
        try (ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Thread serving = Thread.ofPlatform().name("serve-connection").start(() -> {
                try (SocketChannel connection = listener.accept()) {
                    connection.setOption(StandardSocketOptions.TCP_NODELAY, true);
                    direct.serveConnection(connection);
                } catch (IOException e) {
                    // the test's client hung up
                }
            });
            assertAllocationFree(1, ((InetSocketAddress) listener.getLocalAddress()).getPort(), serving.threadId(), "the serving thread");
            serving.join(10_000);
            assertThat(serving.isAlive()).as("serving ends when the client hangs up").isFalse();
        }
    }

    private void assertAllocationFree(int depth) throws Exception {
        assertAllocationFree(depth, server.port(), loopThreadId, "the event loop");
    }

    private void assertAllocationFree(int depth, int port, long threadId, String where) throws Exception {
        byte[] batch = new byte[request.length * depth];
        for (int i = 0; i < depth; i++) {
            System.arraycopy(request, 0, batch, i * request.length, request.length);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            int responseLength = firstResponseLength(out, in, request);
            byte[] responses = new byte[responseLength * depth];

            roundTrips(WARMUP / depth, batch, responses, out, in);
            long before = threads.getThreadAllocatedBytes(threadId);
            roundTrips(MEASURED / depth, batch, responses, out, in);
            long allocated = threads.getThreadAllocatedBytes(threadId) - before;

            double perRequest = (double) allocated / MEASURED;
            System.out.printf("pipeline depth %d: %d bytes allocated on %s over %d requests (%.4f B/request)%n",
                    depth, allocated, where, MEASURED, perRequest);
            assertThat(perRequest).as("bytes allocated per request on " + where).isLessThan(1.0);
        }
    }

    private static int firstResponseLength(OutputStream out, InputStream in) throws Exception {
        return firstResponseLength(out, in, REQUEST);
    }

    private static int firstResponseLength(OutputStream out, InputStream in, byte[] request) throws Exception {
        out.write(request);
        out.flush();
        RawResponse r = RawResponse.read(in, false);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(BODY);
        return r.head().length() + 2 + r.body().length;
    }

    private static void roundTrips(int count, byte[] batch, byte[] responses, OutputStream out, InputStream in) throws Exception {
        for (int i = 0; i < count; i++) {
            out.write(batch);
            out.flush();
            in.readNBytes(responses, 0, responses.length);
        }
        // Every response must have been a 200 of the same length; a different one would shift the framing.
        String last = new String(responses, responses.length - BODY.length, BODY.length, StandardCharsets.US_ASCII);
        assertThat(last).isEqualTo("Hello, world!");
        assertThat(Arrays.copyOf(responses, 12)).isEqualTo("HTTP/1.1 200".getBytes(StandardCharsets.US_ASCII));
    }
}
