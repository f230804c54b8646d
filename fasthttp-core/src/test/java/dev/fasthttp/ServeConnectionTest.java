package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.client.ClientRequest;
import dev.fasthttp.client.ClientResponse;
import dev.fasthttp.client.HostClient;
import dev.fasthttp.testing.ConcurrentCallers;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.ScriptedChannel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * {@link Server#serveConnection} on the caller's thread, over an in-memory channel that hands the
 * server its input in every kind of split: the same behaviour as over a socket.
 */
class ServeConnectionTest {

    private static final String CONVERSATION =
            "GET /a?x=1 HTTP/1.1\r\nHost: t\r\n\r\n"
            + "POST /b HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world"
            + "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\nX-Trailer: x\r\n\r\n"
            + "GET /blocking HTTP/1.1\r\nHost: t\r\n\r\n"
            + "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n"
            + "HEAD /a HTTP/1.1\r\nHost: t\r\n\r\n"
            + "GET /last HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
            + "GET /never HTTP/1.1\r\nHost: t\r\n\r\n";

    private final Server server = Server.builder().handler(ctx -> {
        switch (ctx.path().toString()) {
            case "/blocking" -> ctx.runBlocking(c -> c.success("text/plain",
                    "blocking on caller thread, virtual=" + Thread.currentThread().isVirtual()));
            case "/stream" -> ctx.setBodyStreamWriter(out -> {
                out.write("s1;".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                out.write("s2".getBytes(StandardCharsets.US_ASCII));
            });
            default -> ctx.success("text/plain", ctx.method() + " " + ctx.path() + " q=" + ctx.queryArgs().get("x")
                    + " body=" + ctx.body());
        }
    }).build();

    private List<RawResponse> serve(ScriptedChannel.Splits splits) throws IOException {
        byte[] input = CONVERSATION.getBytes(StandardCharsets.US_ASCII);
        ScriptedChannel channel = new ScriptedChannel(input, splits);
        server.serveConnection(channel);
        InputStream out = new ByteArrayInputStream(channel.output());
        List<RawResponse> responses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            responses.add(RawResponse.read(out, i == 5));
        }
        assertThat(out.available()).as("nothing after the last response: /never is not answered").isZero();
        return responses;
    }

    private static void assertConversation(List<RawResponse> r) {
        assertThat(r).extracting(RawResponse::status).containsOnly(200);
        assertThat(r.get(0).bodyText()).isEqualTo("GET /a q=1 body=");
        assertThat(r.get(1).bodyText()).isEqualTo("POST /b q=null body=hello world");
        assertThat(r.get(2).bodyText()).isEqualTo("POST /c q=null body=abcdefg");
        assertThat(r.get(3).bodyText()).isEqualTo("blocking on caller thread, virtual=false");
        assertThat(r.get(4).header("Transfer-Encoding")).isEqualTo("chunked");
        assertThat(r.get(4).bodyText()).isEqualTo("s1;s2");
        assertThat(r.get(5).header("Content-Length")).isEqualTo(String.valueOf("HEAD /a q=null body=".length()));
        assertThat(r.get(6).bodyText()).isEqualTo("GET /last q=null body=");
        assertThat(r.get(6).closes()).isTrue();
    }

    @Test
    void wholeInputAtOnce() throws Exception {
        assertConversation(serve(ScriptedChannel.Splits.whole()));
    }

    @Test
    void oneByteAtATime() throws Exception {
        assertConversation(serve(ScriptedChannel.Splits.byteByByte()));
    }

    @Test
    void randomSplits() throws Exception {
        for (long seed = 0; seed < 50; seed++) {
            assertConversation(serve(ScriptedChannel.Splits.random(seed)));
        }
    }

    /**
     * Connections served on a hundred virtual threads at once share the workers they borrow for
     * each request: every caller must still get its own answers, and the shared counters must
     * count every response.
     */
    @Test
    void connectionsOnManyVirtualThreadsEachGetTheirOwnAnswers() throws Exception {
        int callers = 100;
        int requestsEach = 100;
        RequestHandler answer = ctx -> ctx.success("text/plain", ctx.path() + " " + ctx.body());
        // Half the requests block (inline, on the connection's thread), holding their worker while
        // other connections run: several workers are lent at once.
        Server echo = Server.builder()
                .handler(ctx -> {
                    if (ctx.path().toString().matches(".*[13579]")) { // odd request numbers
                        ctx.runBlocking(c -> {
                            Thread.yield();
                            answer.handle(c);
                        });
                    } else {
                        answer.handle(ctx);
                    }
                })
                .build();
        // Closed in reverse: the client, then the listener (ending the accept loop), then the threads.
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
                ServerSocketChannel listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                HostClient client = HostClient.builder("127.0.0.1:" + ((InetSocketAddress) listener.getLocalAddress()).getPort())
                        .maxConnections(callers).build()) {
            threads.submit(() -> {
                while (true) {
                    SocketChannel connection = listener.accept();
                    threads.submit(() -> {
                        echo.serveConnection(connection);
                        return null;
                    });
                }
            });
            ConcurrentCallers.run(threads, callers, id -> {
                ClientRequest req = new ClientRequest();
                ClientResponse resp = new ClientResponse();
                for (int i = 0; i < requestsEach; i++) {
                    String body = "x".repeat((id * 7 + i * 13) % 300); // answers of many lengths
                    req.reset().setRequestUri("/" + id + "/" + i).setMethod("POST").setBodyString(body);
                    client.doRequest(req, resp);
                    assertThat(resp.statusCode()).isEqualTo(200);
                    assertThat(resp.body().toString()).isEqualTo("/" + id + "/" + i + " " + body);
                }
            });
            assertThat(echo.stats().requests(2)).isEqualTo((long) callers * requestsEach);
        }
    }
}
