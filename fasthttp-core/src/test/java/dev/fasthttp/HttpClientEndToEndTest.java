package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.testing.TestServers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK's own HTTP client, forced to HTTP/1.1, against a real server: what an ordinary client sees. */
class HttpClientEndToEndTest {

    private Server server;
    private HttpClient client;

    /** One handler with a route per feature under test. */
    static void route(RequestCtx ctx) {
        String path = ctx.path().toString();
        switch (path) {
            case "/hello" -> ctx.success("text/plain; charset=utf-8", "hello");
            case "/echo" -> {
                ctx.response().headers().set("X-Method", ctx.method());
                ctx.response().headers().setLong("X-Body-Length", ctx.body().length());
                ctx.setContentType("application/octet-stream");
                ctx.write(ctx.body());
            }
            case "/query" -> {
                Args q = ctx.queryArgs();
                ctx.success("text/plain; charset=utf-8",
                        "a=" + q.get("a") + ";name=" + q.get("name") + ";plus=" + q.get("plus")
                                + ";empty=" + q.get("empty") + ";missing=" + q.get("missing") + ";size=" + q.size());
            }
            case "/form" -> {
                ctx.success("text/plain; charset=utf-8",
                        "city=" + ctx.postArgs().get("city")
                                + ";note=" + ctx.postArgs().get("note")
                                + ";formValue(city)=" + ctx.formValue("city")
                                + ";formValue(q)=" + ctx.formValue("q")
                                + ";formValue(none)=" + ctx.formValue("none"));
            }
            case "/request-headers" -> ctx.success("text/plain; charset=utf-8",
                    "x-custom=" + ctx.headers().get("X-Custom")
                            + ";user-agent=" + ctx.userAgent()
                            + ";referer=" + ctx.referer()
                            + ";session=" + ctx.cookie("session")
                            + ";theme=" + ctx.cookie("theme")
                            + ";nocookie=" + ctx.cookie("nocookie")
                            + ";host=" + ctx.host());
            case "/response-headers" -> {
                ResponseHeaders h = ctx.response().headers();
                h.set("X-Single", "one");
                h.add("X-Multi", "first");
                h.add("X-Multi", "second");
                h.set("X-Replaced", "old");
                h.set("X-Replaced", "new");
                h.set("X-Deleted", "soon gone");
                h.del("X-Deleted");
                ctx.success("text/plain; charset=utf-8", "headers");
            }
            case "/cookies" -> {
                ctx.response().setCookie(new Cookie("session", "abc123").setPath("/").setHttpOnly(true)
                        .setMaxAge(3600).setSameSite(Cookie.SameSite.LAX));
                ctx.response().setCookie(new Cookie("theme", "dark").setSecure(true));
                ctx.success("text/plain; charset=utf-8", "cookies set");
            }
            case "/redirect" -> ctx.redirect("/hello", 302);
            case "/redirect-301" -> ctx.redirect("/hello", 301);
            case "/error" -> {
                ctx.response().headers().set("X-Before-Error", "dropped");
                ctx.error("custom failure", 503);
            }
            case "/success-json" -> ctx.success("application/json", "{\"ok\":true}");
            case "/connection" -> ctx.success("text/plain; charset=utf-8",
                    ctx.connectionId() + "/" + ctx.connectionRequestNumber());
            default -> ctx.notFound();
        }
    }

    @BeforeEach
    void start() {
        server = TestServers.start(HttpClientEndToEndTest::route);
        client = newClient(HttpClient.Redirect.NEVER);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdown(Duration.ofSeconds(5));
    }

    static HttpClient newClient(HttpClient.Redirect redirect) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(redirect)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, BodyHandlers.ofString());
    }

    @Test
    void getReturnsBodyWithEngineHeaders() throws Exception {
        HttpResponse<String> r = send(request("/hello").GET().build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).isEqualTo("hello");
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Length")).hasValue("5");
        assertThat(r.headers().firstValue("Server")).hasValue("fasthttp");
        assertThat(r.headers().firstValue("Date")).isPresent();
    }

    @Test
    void postPutAndDeleteReachTheHandlerWithTheirBodies() throws Exception {
        byte[] binary = new byte[300];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        HttpResponse<byte[]> post = client.send(request("/echo").POST(BodyPublishers.ofByteArray(binary)).build(),
                BodyHandlers.ofByteArray());
        assertThat(post.statusCode()).isEqualTo(200);
        assertThat(post.headers().firstValue("X-Method")).hasValue("POST");
        assertThat(post.headers().firstValue("X-Body-Length")).hasValue("300");
        assertThat(post.body()).isEqualTo(binary);

        HttpResponse<String> put = send(request("/echo").PUT(BodyPublishers.ofString("put body äö", StandardCharsets.UTF_8)).build());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("X-Method")).hasValue("PUT");
        assertThat(put.body()).isEqualTo("put body äö");

        HttpResponse<String> delete = send(request("/echo").DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(200);
        assertThat(delete.headers().firstValue("X-Method")).hasValue("DELETE");
        assertThat(delete.headers().firstValue("X-Body-Length")).hasValue("0");
        assertThat(delete.body()).isEmpty();

        HttpResponse<String> custom = send(request("/echo").method("PATCH", BodyPublishers.ofString("patch")).build());
        assertThat(custom.headers().firstValue("X-Method")).hasValue("PATCH");
        assertThat(custom.body()).isEqualTo("patch");
    }

    @Test
    void queryArgumentsAreDecoded() throws Exception {
        HttpResponse<String> r = send(request("/query?a=1&name=J%C3%BCrgen%20M&plus=x+y&empty=&a=2").build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("a=1;name=Jürgen M;plus=x y;empty=;missing=null;size=5");
    }

    @Test
    void urlencodedPostArgumentsAndFormValue() throws Exception {
        HttpResponse<String> r = send(request("/form?q=from-query&city=query-city")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("city=K%C3%B6ln&note=a+b%26c"))
                .build());

        assertThat(r.statusCode()).isEqualTo(200);
        // formValue prefers the query string, then the form body
        assertThat(r.body()).isEqualTo("city=Köln;note=a b&c;formValue(city)=query-city;formValue(q)=from-query;formValue(none)=null");

        HttpResponse<String> bodyOnly = send(request("/form")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(BodyPublishers.ofString("city=Bonn"))
                .build());
        assertThat(bodyOnly.body()).startsWith("city=Bonn;note=null;formValue(city)=Bonn;");

        HttpResponse<String> notAForm = send(request("/form")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString("city=Bonn"))
                .build());
        assertThat(notAForm.body()).startsWith("city=null;");
    }

    @Test
    void requestHeadersAndCookiesReachTheHandler() throws Exception {
        HttpResponse<String> r = send(request("/request-headers")
                .header("X-Custom", "  custom value  ")
                .header("User-Agent", "e2e-agent/1.0")
                .header("Referer", "http://example.test/from")
                .header("Cookie", "session=s3cr3t; theme=\"dark\"")
                .build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("x-custom=custom value;user-agent=e2e-agent/1.0;referer=http://example.test/from"
                + ";session=s3cr3t;theme=dark;nocookie=null;host=127.0.0.1:" + server.port());
    }

    @Test
    void responseHeadersSetAddAndDelete() throws Exception {
        HttpResponse<String> r = send(request("/response-headers").build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("X-Single")).containsExactly("one");
        assertThat(r.headers().allValues("X-Multi")).containsExactly("first", "second");
        assertThat(r.headers().allValues("X-Replaced")).containsExactly("new");
        assertThat(r.headers().firstValue("X-Deleted")).isEmpty();
        assertThat(r.headers().allValues("Server")).containsExactly("fasthttp");
    }

    @Test
    void serverAndDateAddedByTheHandlerReplaceTheEngineDefaults() throws Exception {
        Server custom = TestServers.start(ctx -> {
            ctx.response().headers().add("Server", "added-server");
            ctx.response().headers().add("Date", "Thu, 01 Jan 2015 00:00:00 GMT");
            ctx.success("text/plain; charset=utf-8", "x");
        });
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + custom.port() + "/")).build(), BodyHandlers.ofString());
            assertThat(r.headers().allValues("Server")).containsExactly("added-server");
            assertThat(r.headers().allValues("Date")).containsExactly("Thu, 01 Jan 2015 00:00:00 GMT");
        } finally {
            custom.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void serverAndDateSetByTheHandlerReplaceTheEngineDefaults() throws Exception {
        Server custom = TestServers.start(ctx -> {
            ctx.response().headers().set("Server", "set-server");
            ctx.response().headers().set("Date", "Thu, 01 Jan 2015 00:00:00 GMT");
            ctx.success("text/plain; charset=utf-8", "x");
        });
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + custom.port() + "/")).build(), BodyHandlers.ofString());
            assertThat(r.headers().allValues("Server")).containsExactly("set-server");
            assertThat(r.headers().allValues("Date")).containsExactly("Thu, 01 Jan 2015 00:00:00 GMT");
        } finally {
            custom.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void noDefaultHeadersLeavesServerDateAndContentTypeOut() throws Exception {
        Server bare = TestServers.start(ctx -> ctx.write("plain"),
                b -> b.noDefaultServerHeader(true).noDefaultDate(true).noDefaultContentType(true));
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + bare.port() + "/")).build(), BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("plain");
            assertThat(r.headers().firstValue("Server")).isEmpty();
            assertThat(r.headers().firstValue("Date")).isEmpty();
            assertThat(r.headers().firstValue("Content-Type")).isEmpty();
            assertThat(r.headers().firstValue("Content-Length")).hasValue("5");
        } finally {
            bare.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void setCookieHeaders() throws Exception {
        HttpResponse<String> r = send(request("/cookies").build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).containsExactly(
                "session=abc123; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax",
                "theme=dark; Secure");
    }

    @Test
    void redirectIsReportedAndFollowed() throws Exception {
        HttpResponse<String> r = send(request("/redirect").build());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("/hello");

        HttpResponse<String> permanent = send(request("/redirect-301").build());
        assertThat(permanent.statusCode()).isEqualTo(301);

        try (HttpClient following = newClient(HttpClient.Redirect.NORMAL)) {
            HttpResponse<String> followed = following.send(request("/redirect").build(), BodyHandlers.ofString());
            assertThat(followed.statusCode()).isEqualTo(200);
            assertThat(followed.body()).isEqualTo("hello");
            assertThat(followed.uri()).isEqualTo(uri("/hello"));
            assertThat(followed.previousResponse()).hasValueSatisfying(p -> assertThat(p.statusCode()).isEqualTo(302));
        }
    }

    @Test
    void errorNotFoundAndSuccess() throws Exception {
        HttpResponse<String> error = send(request("/error").build());
        assertThat(error.statusCode()).isEqualTo(503);
        assertThat(error.body()).isEqualTo("custom failure");
        assertThat(error.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
        assertThat(error.headers().firstValue("X-Before-Error")).as("error() replaces the response").isEmpty();

        HttpResponse<String> missing = send(request("/no/such/page").build());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("404 Page not found");

        HttpResponse<String> json = send(request("/success-json").build());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.body()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void sequentialRequestsReuseOneKeptAliveConnection() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        Server counted = TestServers.start(HttpClientEndToEndTest::route, b -> b.connectionStateListener((c, s) -> {
            if (s == ConnectionState.NEW) {
                opened.incrementAndGet();
            }
        }));
        try (HttpClient fresh = newClient(HttpClient.Redirect.NEVER)) {
            Set<String> connectionIds = new HashSet<>();
            int requests = 50;
            for (int i = 1; i <= requests; i++) {
                HttpRequest req = i % 2 == 0
                        ? HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + counted.port() + "/connection")).build()
                        : HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + counted.port() + "/echo"))
                                .POST(BodyPublishers.ofString("request " + i)).build();
                HttpResponse<String> r = fresh.send(req, BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.headers().firstValue("Connection")).isEmpty();
                if (i % 2 == 0) {
                    String[] idAndNumber = r.body().split("/");
                    connectionIds.add(idAndNumber[0]);
                    assertThat(Long.parseLong(idAndNumber[1])).isEqualTo(i);
                } else {
                    assertThat(r.body()).isEqualTo("request " + i);
                }
            }
            assertThat(connectionIds).hasSize(1);
            assertThat(counted.stats().connectionsAccepted()).isEqualTo(1);
            assertThat(opened).hasValue(1);
            assertThat(counted.stats().requests(2)).isEqualTo(requests);
        } finally {
            counted.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void concurrentRequestsAreAllAnswered() throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            futures.add(client.sendAsync(request("/echo").POST(BodyPublishers.ofString("n" + i)).build(),
                    BodyHandlers.ofString()));
        }
        for (int i = 0; i < futures.size(); i++) {
            HttpResponse<String> r = futures.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("n" + i);
        }
    }
}
