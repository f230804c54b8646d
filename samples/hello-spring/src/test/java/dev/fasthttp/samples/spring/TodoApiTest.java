package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sample's JSON API through a real client over a socket: create, read, list, update, delete, and the errors. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "server.address=127.0.0.1")
class TodoApiTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Test
    void aTodoGoesThroughItsWholeLife() throws Exception {
        HttpResponse<String> created = send("POST", "/todos", "{\"title\":\"write the sample\",\"done\":false}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.substring("/todos/".length()));
        assertThat(created.body()).isEqualTo("{\"id\":" + id + ",\"title\":\"write the sample\",\"done\":false}");

        assertThat(send("GET", location, null).body()).isEqualTo(created.body());
        assertThat(send("GET", "/todos", null).body()).contains(created.body());

        HttpResponse<String> updated = send("PUT", location, "{\"title\":\"write the sample\",\"done\":true}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.body()).isEqualTo("{\"id\":" + id + ",\"title\":\"write the sample\",\"done\":true}");
        assertThat(send("GET", "/todos?openOnly=true", null).body()).doesNotContain("\"id\":" + id + ",");

        assertThat(send("DELETE", location, null).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = send("GET", location, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"error\":\"no todo " + id + "\"}");
        assertThat(send("DELETE", location, null).statusCode()).isEqualTo(404);
    }

    @Test
    void invalidRequestsAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> blank = send("POST", "/todos", "{\"title\":\" \",\"done\":false}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("\"message\":\"Validation failed: title: must not be blank\"");

        HttpResponse<String> malformed = send("POST", "/todos", "{\"title\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("JSON parse error");

        HttpResponse<String> badId = send("GET", "/todos/seven", null);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("Invalid path variable 'id': 'seven' is not a number");

        HttpResponse<String> notJson = client.send(HttpRequest.newBuilder(uri("/todos")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("buy milk")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notJson.statusCode()).isEqualTo(415);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
