package dev.fasthttp.spring.boot.autoconfigure.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.spring.boot.FastHttpRoute;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/** Typed handler methods through a real Boot application and the JDK's HTTP client: binding, JSON, results, exceptions. */
class TypedHandlersTest {

    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        app = start(App.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            /long/42                                  | 200 | long 42
            /long/-9223372036854775808                | 200 | long -9223372036854775808
            /long/9223372036854775808                 | 400 | Invalid path variable 'id': '9223372036854775808' is not a number in range
            /long/4x2                                 | 400 | Invalid path variable 'id': '4x2' is not a number
            /types?i=-1&l=2&s=3&b=4&flag=YES&d=0.5&f=1.5&boxed=6&color=GREEN&uuid=3f1c2b7e-8a4d-4c2e-9b1a-0d5e6f7a8b9c&date=2026-12-05&duration=PT5S | 200 | -1 2 3 4 true 0.5 1.5 6 GREEN 3f1c2b7e-8a4d-4c2e-9b1a-0d5e6f7a8b9c 2026-12-05 PT5S
            /types?i=1&l=2&s=40000&b=4&flag=no&d=1&f=1&boxed=6&color=RED&uuid=3f1c2b7e-8a4d-4c2e-9b1a-0d5e6f7a8b9c&date=2026-12-05&duration=PT5S | 400 | Invalid request parameter 's': '40000' is not a number in range
            /types?i=1&l=2&s=4&b=4&flag=maybe&d=1&f=1&boxed=6&color=RED&uuid=3f1c2b7e-8a4d-4c2e-9b1a-0d5e6f7a8b9c&date=2026-12-05&duration=PT5S | 400 | Invalid request parameter 'flag': 'maybe' is not true or false
            /types?i=1&l=2&s=4&b=4&flag=on&d=1&f=1&boxed=6&color=PURPLE&uuid=3f1c2b7e-8a4d-4c2e-9b1a-0d5e6f7a8b9c&date=2026-12-05&duration=PT5S | 400 | Invalid request parameter 'color': 'PURPLE' is not one of [RED, GREEN]
            /types?i=1&l=2&s=4&b=4&flag=on&d=1&f=1&boxed=6&color=RED&uuid=nope&date=2026-12-05&duration=PT5S | 400 | Invalid request parameter 'uuid': 'nope' is not a UUID
            /types?i=1&l=2&s=4&b=4&flag=on&d=1&f=1&boxed=6&color=RED&uuid=3f1c2b7e-8a4d-4c2e-9b1a-0d5e6f7a8b9c&date=yesterday&duration=PT5S | 400 | Invalid request parameter 'date': 'yesterday' is not a valid LocalDate
            /types?l=2                                | 400 | Required request parameter 'i' is not present
            /optional                                 | 200 | n=Optional.empty q=null d=7
            /optional?n=5&q=&d=8                      | 200 | n=Optional[5] q= d=8
            /optional?n=&d=                           | 200 | n=Optional.empty q=null d=7
            /list?n=1&n=2&n=3                         | 200 | [1, 2, 3]
            /list?n=4,5                               | 200 | [4, 5]
            /list                                     | 400 | Required request parameter 'n' is not present
            /list?n=1&n=x                             | 400 | Invalid request parameter 'n': 'x' is not a number
            /params?a=1&b=2&a=3                       | 200 | {a=1, b=2} {a=[1, 3], b=[2]}
            /params?caf%C3%A9=cr%C3%A8me              | 200 | {café=crème} {café=[crème]}
            /params                                   | 200 | {} {}
            /view/caf%C3%A9                           | 200 | café
            /status                                   | 202 | accepted
            /rse                                      | 409 | already there
            /annotated                                | 418 | short and stout
            /boom                                     | 500 | `{"status":500,"error":"Internal Server Error","path":"/boom"}`
            /todos/404                                | 404 | `{"missing":404}`
            /local                                    | 200 | handled by the bean
            /advised                                  | 400 | handled by the advice
            /async?fail=false                         | 200 | `{"id":1,"title":"later","done":true}`
            /async?fail=true                          | 404 | `{"missing":2}`
            """)
    void get(String path, int status, String body) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Cookie", "session=s1"));
        assertThat(response.statusCode()).isEqualTo(status);
        if (status >= 400 && status != 404 && status != 500 && !body.startsWith("{") && !path.equals("/advised")) {
            assertThat(response.body()).contains("\"message\":\"" + body.replace("\"", "\\\""));
        } else if (status == 500) {
            assertThat(response.body()).startsWith("{\"timestamp\":").endsWith(body.substring(1));
        } else {
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @Test
    void anExceptionHandlerAnswersInsteadOfWhatTheHandlerHadSet() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/local")));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Half")).isEmpty();
        assertThat(response.body()).isEqualTo("handled by the bean");
    }

    @Test
    void headersAndCookies() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/header")).header("X-Trace", "t-1")
                .header("Cookie", "session=s1"));
        assertThat(response.body()).isEqualTo("t-1 s1 1");
        assertThat(send(HttpRequest.newBuilder(uri("/header")).header("X-Trace", "t-1").header("X-Count", "3")
                .header("Cookie", "session=s1")).body()).isEqualTo("t-1 s1 3");
        HttpResponse<String> missing = send(HttpRequest.newBuilder(uri("/header")).header("Cookie", "session=s1"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Required request header 'X-Trace' is not present");
        assertThat(send(HttpRequest.newBuilder(uri("/header")).header("X-Trace", "t")).body())
                .contains("Required cookie 'session' is not present");
    }

    @Test
    void everyHeaderAsAMap() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/headers")).header("X-Trace", "t-1")
                .header("X-Tag", "a").header("X-Tag", "b"));
        assertThat(response.body()).isEqualTo("t-1 [a, b] t-1 [a, b]");
    }

    @Test
    void jsonInAndOut() throws Exception {
        HttpResponse<String> created = post("/todos", "application/json", "{\"id\":7,\"title\":\"write tests\",\"done\":false}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/todos/7");
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(created.body()).isEqualTo("{\"id\":7,\"title\":\"write tests\",\"done\":false}");

        HttpResponse<String> list = send(HttpRequest.newBuilder(uri("/todos")));
        assertThat(list.body()).isEqualTo("[{\"id\":1,\"title\":\"one\",\"done\":false},{\"id\":2,\"title\":\"two\",\"done\":true}]");
        assertThat(send(HttpRequest.newBuilder(uri("/todos/3"))).body()).isEqualTo("{\"id\":3,\"title\":\"todo 3\",\"done\":false}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            malformed             | application/json  | `{"id":7,"title":`           | 400 | JSON parse error
            wrong type            | application/json  | `{"id":"seven","title":"x","done":true}` | 400 | JSON parse error: Cannot deserialize value of type `long` from String
            a primitive missing   | application/json  | `{"id":7,"title":"x"}`        | 400 | JSON parse error: Cannot map `null` into type `boolean`
            violated constraint   | application/json  | `{"id":7,"title":" ","done":false}` | 400 | Validation failed: title: must not be blank
            two violations        | application/json  | `{"id":7,"title":"","done":false}`  | 400 | Validation failed: title: must not be blank; title: size must be between 1 and 100
            null body             | application/json  | null                         | 400 | Required request body is missing
            empty body            | application/json  | ``                           | 400 | Required request body is missing
            not JSON              | text/plain        | `{"id":7,"title":"x","done":false}` | 415 | Content-Type 'text/plain' is not supported
            """)
    void badJsonBodies(String name, String contentType, String body, int status, String message) throws Exception {
        HttpResponse<String> response = post("/todos", contentType, body);
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(message);
    }

    @Test
    void genericAndOptionalBodies() throws Exception {
        assertThat(post("/todos/bulk", "application/json", "[{\"id\":1,\"title\":\"a\",\"done\":false},"
                + "{\"id\":2,\"title\":\"b\",\"done\":true}]").body()).isEqualTo("2 todos, 1 done");
        assertThat(post("/maybe", "application/json", "{\"id\":1,\"title\":\"a\",\"done\":false}").body()).isEqualTo("a");
        assertThat(post("/maybe", "application/json", "").body()).isEqualTo("none");
        assertThat(post("/stream", "application/octet-stream", "streamed").body()).isEqualTo("8 bytes");
    }

    @Test
    void aRejectionFromTheEngineKeepsItsStatus() throws Exception {
        HttpResponse<String> form = post("/form", "application/json", "{}");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(post("/form", "multipart/form-data; boundary=B", "--B\r\nContent-Disposition: form-data; name=\"who\"\r\n\r\n"
                + "ada\r\n--B--\r\n").body()).isEqualTo("ada");
    }

    @Test
    void textAndBytesBodies() throws Exception {
        assertThat(post("/echo", "text/plain", "héllo").body()).isEqualTo("héllo");
        HttpResponse<String> bytes = post("/bytes", "application/octet-stream", "raw");
        assertThat(bytes.body()).isEqualTo("raw");
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    }

    @Test
    void producesAndConsumesAreNegotiated() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/produces"))).headers().firstValue("Content-Type")).hasValue("application/json");
        HttpResponse<String> text = send(HttpRequest.newBuilder(uri("/produces")).header("Accept", "text/plain"));
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain");
        assertThat(send(HttpRequest.newBuilder(uri("/produces")).header("Accept", "image/png")).statusCode()).isEqualTo(406);
        assertThat(post("/consumes", "application/json", "{\"id\":1,\"title\":\"x\",\"done\":false}").body()).isEqualTo("consumed x");
        HttpResponse<String> refused = post("/consumes", "application/xml", "<todo/>");
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("Content-Type 'application/xml' is not supported: send application/json");
    }

    @Test
    void problemDetailsNameTheParameterToo() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/long/x")).header("Accept", "application/problem+json"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"Invalid path variable 'id': 'x' is not a number\",\"instance\":\"/long/x\"}");
    }

    @Test
    void methodsThatCannotBeBoundFailStartUpNamingTheMethodAndParameter() {
        assertThatThrownBy(() -> start(Unannotated.class)).rootCause().hasMessageContaining(
                "method Unannotated.get(String), parameter 0 (String name): fasthttp binds RequestCtx and parameters annotated");
        assertThatThrownBy(() -> start(MissingVariable.class)).rootCause().hasMessageContaining(
                "parameter 0 (long id): the path variable 'id' is not in the template /items/{name}");
        assertThatThrownBy(() -> start(OptionalPrimitive.class)).rootCause().hasMessageContaining(
                "parameter 0 (int n): a int cannot be absent: make it required, give it a defaultValue");
        assertThatThrownBy(() -> start(Unconvertible.class)).rootCause().hasMessageContaining(
                "parameter 0 (Opaque o): nothing converts text to " + Opaque.class.getName());
    }

    // ---- the application ------------------------------------------------------------------------

    enum Color { RED, GREEN }

    record Todo(long id, @NotBlank @Size(min = 1, max = 100) String title, boolean done) {
    }

    static class TodoNotFound extends RuntimeException {
        final long id;

        TodoNotFound(long id) {
            this.id = id;
        }
    }

    static class LocalProblem extends RuntimeException {
    }

    static class AdviceOnly extends RuntimeException {
    }

    @ResponseStatus(code = HttpStatus.I_AM_A_TEAPOT, reason = "short and stout")
    static class Teapot extends RuntimeException {
    }

    static class Api {

        @FastHttpRoute("/long/{id}")
        String longPath(@PathVariable long id) {
            return "long " + id;
        }

        @FastHttpRoute("/types")
        String types(@RequestParam int i, @RequestParam long l, @RequestParam short s, @RequestParam byte b,
                     @RequestParam boolean flag, @RequestParam double d, @RequestParam float f, @RequestParam Integer boxed,
                     @RequestParam Color color, @RequestParam UUID uuid, @RequestParam LocalDate date,
                     @RequestParam Duration duration) {
            return i + " " + l + " " + s + " " + b + " " + flag + " " + d + " " + f + " " + boxed + " " + color + " " + uuid + " "
                    + date + " " + duration;
        }

        @FastHttpRoute("/optional")
        String optional(@RequestParam Optional<Integer> n, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "7") int d) {
            return "n=" + n + " q=" + q + " d=" + d;
        }

        @FastHttpRoute("/list")
        String list(@RequestParam List<Integer> n) {
            return n.toString();
        }

        @FastHttpRoute("/params")
        String params(@RequestParam Map<String, String> first, @RequestParam MultiValueMap<String, String> all) {
            return first + " " + all;
        }

        @FastHttpRoute("/headers")
        String headers(@RequestHeader HttpHeaders headers, @RequestHeader Map<String, String> first,
                       @RequestHeader MultiValueMap<String, String> all) {
            return headers.getFirst("x-trace") + " " + headers.get("x-tag") + " " + ignoringCase(first, "X-Trace") + " "
                    + ignoringCase(all, "X-Tag");
        }

        /** Header names come as the client wrote them, as from Tomcat. */
        private static <V> V ignoringCase(Map<String, V> map, String name) {
            return map.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }

        @FastHttpRoute("/header")
        String header(@RequestHeader("X-Trace") String trace, @CookieValue("session") String session,
                      @RequestHeader(name = "X-Count", defaultValue = "1") int count) {
            return trace + " " + session + " " + count;
        }

        @FastHttpRoute("/view/{name}")
        ByteView view(@PathVariable ByteView name, RequestCtx ctx) {
            ctx.setContentType("text/plain; charset=utf-8");
            return name;
        }

        @FastHttpRoute(value = "/todos", method = "POST")
        ResponseEntity<Todo> create(@Valid @RequestBody Todo todo) {
            return ResponseEntity.status(201).header("Location", "/todos/" + todo.id()).body(todo);
        }

        @FastHttpRoute("/todos")
        List<Todo> todos() {
            return List.of(new Todo(1, "one", false), new Todo(2, "two", true));
        }

        @FastHttpRoute("/todos/{id}")
        Todo todo(@PathVariable long id) {
            if (id == 404) {
                throw new TodoNotFound(id);
            }
            return new Todo(id, "todo " + id, false);
        }

        @FastHttpRoute(value = "/todos/bulk", method = "POST")
        String bulk(@RequestBody List<Todo> todos) {
            return todos.size() + " todos, " + todos.stream().filter(Todo::done).count() + " done";
        }

        @FastHttpRoute(value = "/maybe", method = "POST")
        String maybe(@RequestBody(required = false) Optional<Todo> todo) {
            return todo.map(Todo::title).orElse("none");
        }

        @FastHttpRoute(value = "/stream", method = "POST")
        String stream(@RequestBody InputStream body) throws IOException {
            return body.readAllBytes().length + " bytes";
        }

        @FastHttpRoute(value = "/form", method = "POST")
        String form(RequestCtx ctx) {
            return ctx.multipartForm().get("who");
        }

        @FastHttpRoute(value = "/echo", method = "POST")
        String echo(@RequestBody String body) {
            return body;
        }

        @FastHttpRoute(value = "/bytes", method = "POST")
        byte[] bytes(@RequestBody byte[] body) {
            return body;
        }

        @FastHttpRoute("/async")
        CompletionStage<Todo> async(@RequestParam boolean fail) {
            return CompletableFuture.supplyAsync(() -> {
                if (fail) {
                    throw new TodoNotFound(2);
                }
                return new Todo(1, "later", true);
            }, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        }

        @FastHttpRoute("/status")
        @ResponseStatus(HttpStatus.ACCEPTED)
        void accepted(RequestCtx ctx) {
            ctx.setBodyString("accepted");
        }

        @FastHttpRoute("/rse")
        String rse() {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "already there");
        }

        @FastHttpRoute("/annotated")
        String annotated() {
            throw new Teapot();
        }

        @FastHttpRoute("/boom")
        String boom(RequestCtx ctx) {
            ctx.response().headers().set("X-Half", "written");
            throw new IllegalStateException("a secret the client must not see");
        }

        @FastHttpRoute("/local")
        String local(RequestCtx ctx) {
            ctx.response().headers().set("X-Half", "written");
            ctx.setStatusCode(503);
            throw new LocalProblem();
        }

        @FastHttpRoute("/advised")
        String advised() {
            throw new AdviceOnly();
        }

        @FastHttpRoute(value = "/produces", produces = {"application/json", "text/plain"})
        Object produces(RequestCtx ctx) {
            return ctx.headers().get("Accept") != null && ctx.headers().get("Accept").equals("text/plain") ? "text" : new Todo(1, "x", false);
        }

        @FastHttpRoute(value = "/consumes", method = "POST", consumes = "application/json")
        String consumes(@RequestBody Todo todo) {
            return "consumed " + todo.title();
        }

        @ExceptionHandler
        @ResponseStatus(HttpStatus.NOT_FOUND)
        Map<String, Object> notFound(TodoNotFound e) {
            return Map.of("missing", e.id);
        }

        @ExceptionHandler(LocalProblem.class)
        String localProblem() {
            return "handled by the bean";
        }
    }

    @RestControllerAdvice
    static class Advice {

        @ExceptionHandler(LocalProblem.class)
        String localProblem() {
            return "handled by the advice";
        }

        @ExceptionHandler
        ResponseEntity<String> adviceOnly(AdviceOnly e, RequestCtx ctx) {
            return ResponseEntity.badRequest().body("handled by the advice");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        Api api() {
            return new Api();
        }

        @Bean
        Advice advice() {
            return new Advice();
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Unannotated {

        @FastHttpRoute("/items")
        String get(String name) {
            return name;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class MissingVariable {

        @FastHttpRoute("/items/{name}")
        String get(@PathVariable long id) {
            return "x";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class OptionalPrimitive {

        @FastHttpRoute("/items")
        String get(@RequestParam(required = false) int n) {
            return "x";
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Unconvertible {

        @FastHttpRoute("/items")
        String get(@RequestParam Opaque o) {
            return "x";
        }
    }

    /** A type Spring cannot make from text: no String constructor, no valueOf, of or from. */
    static class Opaque {
    }

    // ---- plumbing --------------------------------------------------------------------------------

    private static ConfigurableApplicationContext start(Class<?> application) {
        return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
                .properties("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
                        "spring.jackson.default-property-inclusion=non_null").run();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getRequiredProperty("local.server.port") + path);
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : body)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
