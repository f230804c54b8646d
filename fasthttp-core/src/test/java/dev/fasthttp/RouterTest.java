package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.routing.Route;
import dev.fasthttp.routing.Router;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.ScriptedChannel;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Routing as a table: request in, status and what the handler saw out. */
class RouterTest {

    /** Answers "<template> <param=value ...>" so each row shows which route matched and what it bound. */
    private static RequestHandler echo(String name) {
        return ctx -> {
            StringBuilder sb = new StringBuilder(name).append(' ').append(ctx.routeTemplate());
            PathParams params = ctx.pathParams();
            for (int i = 0; i < params.size(); i++) {
                sb.append(' ').append(params.name(i)).append('=').append(params.value(i));
            }
            ctx.setBodyString(sb);
        };
    }

    private static final Router ROUTER = Router.builder()
            .get("/", echo("root"))
            .get("/users", echo("list"))
            .post("/users", echo("create"))
            .get("/users/new", echo("form"))
            .get("/users/{id}", echo("show"))
            .put("/users/{id}", echo("update"))
            .delete("/users/{id}", echo("delete"))
            .get("/users/{id}/posts/{post}", echo("post"))
            .get("/users/{id}/edit", echo("edit"))
            .get("/files/{*path}", echo("file"))
            .get("/static/app.js", echo("appjs"))
            .get("/static/{*rest}", echo("static"))
            .head("/ping", echo("ping-head"))
            .get("/ping", echo("ping"))
            .get("/slash/", echo("slash"))
            .get("/caf\u00e9", echo("cafe"))
            .build();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("GET /", 200, "root /"),
                Arguments.of("GET /users", 200, "list /users"),
                Arguments.of("POST /users", 200, "create /users"),
                Arguments.of("GET /users/new", 200, "form /users/new"),
                Arguments.of("GET /users/42", 200, "show /users/{id} id=42"),
                Arguments.of("PUT /users/42", 200, "update /users/{id} id=42"),
                Arguments.of("DELETE /users/42", 200, "delete /users/{id} id=42"),
                Arguments.of("GET /users/42/posts/7", 200, "post /users/{id}/posts/{post} id=42 post=7"),
                Arguments.of("GET /users/new/edit", 200, "edit /users/{id}/edit id=new"),  // backtracks from the static /users/new
                Arguments.of("GET /users/new/posts/1", 200, "post /users/{id}/posts/{post} id=new post=1"),
                Arguments.of("GET /users/42/", 404, ""),
                Arguments.of("GET /users/42/nope", 404, ""),
                Arguments.of("GET /files/a/b/c.txt", 200, "file /files/{*path} path=a/b/c.txt"),
                Arguments.of("GET /files/", 200, "file /files/{*path} path="),
                Arguments.of("GET /static/app.js", 200, "appjs /static/app.js"),
                Arguments.of("GET /static/app.jsx", 200, "static /static/{*rest} rest=app.jsx"),
                Arguments.of("GET /static/css/site.css", 200, "static /static/{*rest} rest=css/site.css"),
                Arguments.of("GET /users/caf%C3%A9", 200, "show /users/{id} id=caf\u00e9"),       // decoded path
                Arguments.of("GET /caf%C3%A9", 200, "cafe /caf\u00e9"),
                Arguments.of("GET /users/a/../42", 200, "show /users/{id} id=42"),               // normalized first
                Arguments.of("GET /nope", 404, ""),
                Arguments.of("GET /user", 404, ""),
                Arguments.of("GET /usersx", 404, ""),
                Arguments.of("PATCH /users/42", 405, ""),
                Arguments.of("POST /users/new", 405, ""),
                Arguments.of("HEAD /users/42", 200, ""),                                          // GET serves HEAD, no body
                Arguments.of("HEAD /ping", 200, ""),
                Arguments.of("GET /ping", 200, "ping /ping"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("cases")
    void routes(String request, int status, String body) throws Exception {
        RawResponse r = send(ROUTER, request);
        assertThat(r.status()).isEqualTo(status);
        if (status == 200) {
            assertThat(r.bodyText()).isEqualTo(body);
        }
    }

    @Test
    void methodNotAllowedListsTheAllowedMethods() throws Exception {
        assertThat(send(ROUTER, "PATCH /users/42").header("Allow")).isEqualTo("GET, PUT, DELETE, HEAD");
        assertThat(send(ROUTER, "DELETE /users").header("Allow")).isEqualTo("GET, POST, HEAD");
        assertThat(send(ROUTER, "POST /ping").header("Allow")).isEqualTo("HEAD, GET");
    }

    @Test
    void headIsAnsweredWithTheGetContentLengthAndNoBody() throws Exception {
        RawResponse head = send(ROUTER, "HEAD /users/42");
        RawResponse get = send(ROUTER, "GET /users/42");
        assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void trailingSlashRedirectsOnlyWhenEnabled() throws Exception {
        Router redirecting = Router.builder().redirectTrailingSlash(true)
                .get("/a", echo("a")).get("/b/", echo("b")).post("/c", echo("c")).build();
        RawResponse toA = send(redirecting, "GET /a/?x=1");
        assertThat(toA.status()).isEqualTo(301);
        assertThat(toA.header("Location")).isEqualTo("/a?x=1");
        RawResponse toB = send(redirecting, "GET /b");
        assertThat(toB.status()).isEqualTo(301);
        assertThat(toB.header("Location")).isEqualTo("/b/");
        assertThat(send(redirecting, "POST /c/").status()).isEqualTo(308); // keeps the method and body
        assertThat(send(redirecting, "GET /d/").status()).isEqualTo(404);
        assertThat(send(ROUTER, "GET /slash").status()).isEqualTo(404);   // off by default
    }

    @Test
    void notFoundHandlerIsUsedForMisses() throws Exception {
        Router router = Router.builder().get("/a", echo("a")).notFound(ctx -> ctx.error("nothing here", 404)).build();
        assertThat(send(router, "GET /b").bodyText()).isEqualTo("nothing here");
    }

    @Test
    void methodNotAllowedHandlerAnswersAndTheRouterStillSaysWhatIsAllowed() throws Exception {
        Router router = Router.builder().get("/a", echo("a")).post("/a", echo("a"))
                .methodNotAllowed(ctx -> ctx.error("not with " + ctx.method(), 405)).build();
        RawResponse response = send(router, "DELETE /a");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.bodyText()).isEqualTo("not with DELETE");
        assertThat(response.header("Allow")).isEqualTo("GET, POST, HEAD");
    }

    static Stream<Arguments> conflicts() {
        return Stream.of(
                Arguments.of(Router.builder().get("/a/{id}", echo("x")).get("/a/{id}", echo("y")),
                        "conflicting routes: GET /a/{id} is already registered as GET /a/{id}"),
                Arguments.of(Router.builder().get("/a/{id}", echo("x")).get("/a/{name}/b", echo("y")),
                        "conflicting routes: /a/{name}/b names the parameter {name} where /a/{id} names it {id}"),
                Arguments.of(Router.builder().get("/f/{*p}", echo("x")).get("/f/{*q}", echo("y")),
                        "names the catch-all {*q} where /f/{*p} names it {*p}"));
    }

    @ParameterizedTest
    @MethodSource("conflicts")
    void conflictingRoutesFailAtBuildNamingBoth(Router.Builder builder, String message) {
        assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"users", "/users/{id", "/users/id}", "/users/x{id}",
            "/users/{id}x", "/files/{*path}/more", "/a/{id}/{id}", "/a/{}", "/a/{1x}"})
    void invalidTemplatesFailWhenRegistered(String template) {
        assertThatThrownBy(() -> Route.get(template, echo("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(template);
    }

    @Test
    void blockingRoutesRunOnVirtualThreads() throws Exception {
        Router router = Router.builder()
                .route(Route.get("/blocking", ctx -> ctx.setBodyString("virtual=" + Thread.currentThread().isVirtual())).blocking())
                .get("/inline", ctx -> ctx.setBodyString("virtual=" + Thread.currentThread().isVirtual()))
                .build();
        Server server = TestServers.start(router, b -> b.logger(TestServers.QUIET));
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (String path : new String[] {"/blocking", "/inline"}) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.body()).isEqualTo("virtual=" + path.equals("/blocking"));
            }
        } finally {
            server.shutdown(Duration.ofSeconds(5));
        }
    }

    private static RawResponse send(Router router, String requestLine) throws Exception {
        String request = requestLine + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n";
        Server server = Server.builder().handler(router).logger(TestServers.QUIET).build();
        ScriptedChannel channel = new ScriptedChannel(request.getBytes(StandardCharsets.UTF_8), ScriptedChannel.Splits.whole());
        server.serveConnection(channel);
        return RawResponse.read(new ByteArrayInputStream(channel.output()), requestLine.startsWith("HEAD"));
    }
}
