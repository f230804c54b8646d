package dev.fasthttp.client;

import static dev.fasthttp.client.ScriptedServer.readHead;
import static dev.fasthttp.client.ScriptedServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.Server;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.TestServers;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server that answers before it has taken the whole body, and closes (a 413 for an upload too
 * large): the client, whose write of the body fails, returns that answer rather than the failure.
 */
class EarlyAnswerTest {

    private static final int MIB = 1024 * 1024;
    private static final int UPLOAD = 64 * MIB;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private HostClient client(int port) {
        HostClient c = HostClient.builder("127.0.0.1:" + port).build();
        toClose.add(c);
        return c;
    }

    private static ClientRequest upload(String kind) {
        ClientRequest req = new ClientRequest().setMethod("POST").setRequestUri("/upload");
        return switch (kind) {
            case "sized stream" -> req.setBodyStream(new PatternStream(UPLOAD), UPLOAD);
            case "chunked stream" -> req.setBodyStream(new PatternStream(UPLOAD), -1);
            default -> req.setBody(new byte[UPLOAD]);
        };
    }

    /**
     * Answers the head, then stops reading and closes, as a server refusing an upload does. The
     * answer must get to the client before the reset that closing on unread bytes causes, which
     * would make the client's kernel drop it: so the answer and a FIN go first (shutdownOutput),
     * and the server reads a little more of the body, giving them time to arrive, before it closes.
     */
    private ScriptedServer refusing(String answer) throws IOException {
        ScriptedServer s = new ScriptedServer((socket, in) -> {
            readHead(in);
            if (answer != null) {
                write(socket, answer);
            }
            socket.shutdownOutput();
            in.readNBytes(MIB);
        });
        toClose.add(s);
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sized stream", "chunked stream", "bytes"})
    void anAnswerBeforeTheWholeBodyIsReturned(String kind) throws Exception {
        ScriptedServer server = refusing("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 7\r\nConnection: close\r\n\r\ntoo big");
        HostClient client = client(server.port());
        ClientResponse resp = new ClientResponse();

        client.doRequest(upload(kind), resp);

        assertThat(resp.statusCode()).isEqualTo(413);
        assertThat(resp.bodyString()).isEqualTo("too big");
        assertThat(client.openConnections()).isZero();
    }

    @Test
    void withoutAnAnswerTheWriteFailureIsTheCallsFailure() throws Exception {
        ScriptedServer server = refusing(null);
        HostClient client = client(server.port());
        assertThatThrownBy(() -> client.doRequest(upload("sized stream"), new ClientResponse()))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(ClientException.class) // the write's own failure: broken pipe, reset
                .satisfies(e -> assertThat(e.getSuppressed()).as("why no answer was read").hasSize(1));
        assertThat(client.openConnections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sized stream", "chunked stream"})
    void ourServersAnswerToABodyTooLarge(String kind) throws Exception {
        Router router = Router.builder().post("/upload", ctx -> ctx.setBodyString("taken")).build();
        Server server = TestServers.start(router, b -> b.logger(TestServers.QUIET).maxRequestBodySize(MIB));
        toClose.add(() -> server.shutdown(Duration.ofSeconds(5)));
        HostClient client = client(server.port());
        ClientResponse resp = new ClientResponse();

        client.doRequest(upload(kind), resp);

        assertThat(resp.statusCode()).isEqualTo(413);
        assertThat(client.openConnections()).isZero();
    }
}
