package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.testing.CapturingLogger;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Multipart forms through a real server: what a handler reads from {@code ctx.multipartForm()},
 * {@code formFile} and {@code formValue}, and what a client gets for a form that is not one. Every
 * refusal leaves the connection usable, since the body was read whole.
 */
class MultipartFormTest {

    private static final CapturingLogger log = new CapturingLogger();
    private static Server server;
    @TempDir
    static Path uploads;

    @BeforeAll
    static void start() {
        server = TestServers.start(MultipartFormTest::route, b -> b.logger(log));
    }

    @AfterAll
    static void stop() {
        server.shutdown(Duration.ofSeconds(5));
    }

    private static void route(RequestCtx ctx) throws IOException {
        switch (ctx.path().toString()) {
            case "/form" -> ctx.success("text/plain; charset=utf-8", describe(ctx.multipartForm()));
            case "/blocking" -> ctx.runBlocking(c -> c.success("text/plain; charset=utf-8", describe(c.multipartForm())));
            case "/value" -> {
                StringBuilder sb = new StringBuilder();
                for (String key : ctx.queryArgs().get("keys").split(",")) {
                    sb.append(key).append('=').append(ctx.formValue(key)).append(' ');
                }
                ctx.success("text/plain; charset=utf-8", sb.toString().trim());
            }
            case "/file" -> {
                FormFile file = ctx.formFile(ctx.queryArgs().get("name"));
                boolean cached = ctx.multipartForm() == ctx.multipartForm()
                        && (file == null || file == ctx.multipartForm().file(file.fieldName()));
                ctx.success("text/plain; charset=utf-8", (file == null ? "none" : file.toString()) + " cached=" + cached);
            }
            case "/save" -> ctx.runBlocking(c -> {
                MultipartForm form = c.multipartForm();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < form.fileCount(); i++) {
                    FormFile file = form.file(i);
                    Path target = uploads.resolve("upload-" + c.connectionRequestNumber() + "-" + i); // never the filename
                    file.saveTo(target);
                    try (InputStream in = file.open()) {
                        sb.append(file.filename()).append(" -> ").append(target.getFileName()).append(' ')
                                .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                    }
                }
                c.success("text/plain; charset=utf-8", sb);
            });
            case "/digest" -> ctx.success("text/plain; charset=utf-8", digest(ctx.multipartForm()));
            default -> ctx.success("text/plain", "fine");
        }
    }

    /** Every field as {@code name=value <type>}, every file as {@code field[filename] <type> size=content}, joined by {@code &}. */
    static String describe(MultipartForm form) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < form.fieldCount(); i++) {
            sb.append(sb.isEmpty() ? "" : " & ").append(form.fieldName(i)).append('=').append(form.fieldValue(i))
                    .append(" <").append(form.fieldContentType(i)).append('>');
        }
        for (int i = 0; i < form.fileCount(); i++) {
            FormFile f = form.file(i);
            sb.append(sb.isEmpty() ? "" : " & ").append(f.fieldName()).append('[').append(f.filename()).append("] <")
                    .append(f.contentType()).append("> ").append(f.size()).append('=').append(f.content());
        }
        return sb.isEmpty() ? "(empty)" : sb.toString().replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String digest(MultipartForm form) {
        StringBuilder sb = new StringBuilder();
        form.visitFields((name, value) -> sb.append(name).append('=').append(value).append('\n'));
        for (int i = 0; i < form.fileCount(); i++) {
            FormFile f = form.file(i);
            sb.append(f.fieldName()).append(' ').append(f.filename()).append(' ').append(f.contentType()).append(' ')
                    .append(f.size()).append(' ').append(sha256(f.content())).append('\n');
        }
        return sb.toString();
    }

    private static String sha256(ByteView bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes.array(), bytes.offset(), bytes.length());
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unescape(String s) {
        return s.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
    }

    private static byte[] post(String path, String contentType, byte[] body) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: t\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** Sends the request, reads the answer, and checks that the connection still serves a request. */
    private static RawResponse exchange(byte[] request) throws IOException {
        try (RawConnection c = new RawConnection(server.port())) {
            RawResponse r = c.send(request).read();
            assertThat(r.closes()).as("the body was read whole: the connection stays").isFalse();
            assertThat(c.send("GET /ok HTTP/1.1\r\nHost: t\r\n\r\n").read().bodyText()).isEqualTo("fine");
            return r;
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            RFC 7578: _charset_, a text field, a file       | multipart/form-data; boundary=AaB03x | --AaB03x\\r\\ncontent-disposition: form-data; name="_charset_"\\r\\n\\r\\niso-8859-1\\r\\n--AaB03x\\r\\ncontent-disposition: form-data; name="field1"\\r\\ncontent-type: text/plain;charset=windows-1250\\r\\ncontent-transfer-encoding: quoted-printable\\r\\n\\r\\nJoe owes =E2=82=AC100.\\r\\n--AaB03x\\r\\nContent-Disposition: form-data; name="files"; filename="file1.txt"\\r\\nContent-Type: text/plain\\r\\n\\r\\n... contents of file1.txt ...\\r\\n--AaB03x-- | 200 _charset_=iso-8859-1 <text/plain> & field1=Joe owes =E2=82=AC100. <text/plain;charset=windows-1250> & files[file1.txt] <text/plain> 29=... contents of file1.txt ...
            RFC 7578: two files in one field                | multipart/form-data; boundary=AaB03x | --AaB03x\\r\\nContent-Disposition: form-data; name="files"; filename="file1.txt"\\r\\n\\r\\none\\r\\n--AaB03x\\r\\nContent-Disposition: form-data; name="files"; filename="file2.gif"\\r\\nContent-Type: image/gif\\r\\n\\r\\nGIF89a\\r\\n--AaB03x-- | 200 files[file1.txt] <application/octet-stream> 3=one & files[file2.gif] <image/gif> 6=GIF89a
            fields and files keep the order sent            | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="z"\\r\\n\\r\\n1\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="f"; filename="a"\\r\\n\\r\\nA\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n2\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="z"\\r\\n\\r\\n3\\r\\n--xyz-- | 200 z=1 <text/plain> & a=2 <text/plain> & z=3 <text/plain> & f[a] <application/octet-stream> 1=A
            quoted names with escaped quotes                | multipart/form-data; boundary="x y" | --x y\\r\\nContent-Disposition: form-data; name="say \\"hi\\""; filename="\\"q\\".txt"\\r\\n\\r\\nhi\\r\\n--x y-- | 200 say "hi"["q".txt] <application/octet-stream> 2=hi
            filename* decoded, over filename                | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="f"; filename="rates.txt"; filename*=UTF-8''%E2%82%AC%20rates.txt\\r\\n\\r\\nx\\r\\n--xyz-- | 200 f[€ rates.txt] <application/octet-stream> 1=x
            empty parts                                     | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="e"\\r\\n\\r\\n\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="f"; filename=""\\r\\nContent-Type: application/octet-stream\\r\\n\\r\\n\\r\\n--xyz-- | 200 e= <text/plain> & f[] <application/octet-stream> 0=
            an empty form                                   | multipart/form-data; boundary=xyz | --xyz--\\r\\n | 200 (empty)
            --boundary without a CRLF before it is content  | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\nbefore--xyz--after\\n--xyz\\r\\n--xyz-- | 200 a=before--xyz--after\\n--xyz <text/plain>
            CRLF at a part's end: the last is the delimiter's | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\nline\\r\\n\\r\\n\\r\\n--xyz-- | 200 a=line\\r\\n\\r\\n <text/plain>
            preamble and epilogue                           | multipart/form-data; boundary=xyz | preamble\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n--xyz--\\r\\nepilogue | 200 a=1 <text/plain>
            filenames with / .. and \\ are returned as sent | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"; filename="../../etc/passwd"\\r\\n\\r\\n1\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="b"; filename="..\\..\\Windows\\win.ini"\\r\\n\\r\\n2\\r\\n--xyz\\r\\nContent-Disposition: form-data; name="c"; filename="/abs/./x/../y"\\r\\n\\r\\n3\\r\\n--xyz-- | 200 a[../../etc/passwd] <application/octet-stream> 1=1 & b[..\\..\\Windows\\win.ini] <application/octet-stream> 1=2 & c[/abs/./x/../y] <application/octet-stream> 1=3
            not multipart                                   | text/plain | hello | 415 Content-Type must be multipart/form-data
            no Content-Type at all                          | - | hello | 415 Content-Type must be multipart/form-data
            missing boundary parameter                      | multipart/form-data | --xyz-- | 400 multipart/form-data needs a boundary parameter
            boundary too long                               | multipart/form-data; boundary=01234567890123456789012345678901234567890123456789012345678901234567890 | --01234567890123456789012345678901234567890123456789012345678901234567890-- | 400 the boundary must be 1 to 70 characters of RFC 2046 bchars, the last not a space
            missing final boundary                          | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data; name="a"\\r\\n\\r\\n1\\r\\n | 400 the body ends before the close delimiter --boundary--
            a body that is only a preamble                  | multipart/form-data; boundary=xyz | nothing but a preamble\\r\\n | 400 the body holds no delimiter line of the boundary
            a part without a name                           | multipart/form-data; boundary=xyz | --xyz\\r\\nContent-Disposition: form-data\\r\\n\\r\\n1\\r\\n--xyz-- | 400 a part's Content-Disposition has no name parameter
            a bare LF delimiter line                        | multipart/form-data; boundary=xyz | --xyz\\nContent-Disposition: form-data; name="a"\\n\\n1\\n--xyz--\\n | 400 a line starting with --boundary must be a delimiter line: --boundary, optional spaces or tabs and CRLF, or --boundary-- to close (a bare LF does not end it)
            """)
    void formsThroughTheServer(String name, String type, String body, String expected) throws IOException {
        RawResponse r = exchange(post("/form", type.equals("-") ? null : type, unescape(body).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status() + " " + r.bodyText()).isEqualTo(expected);
    }

    private static byte[] tinyParts(int count) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < count; i++) {
            body.append("--b\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\n").append(i % 10).append("\r\n");
        }
        return body.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void tenThousandTinyPartsAreOverTheDefaultLimit() throws IOException {
        RawResponse r = exchange(post("/form", "multipart/form-data; boundary=b", tinyParts(10_000)));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.bodyText()).isEqualTo("the form has more parts than the limit of 1000");
        assertThat(exchange(post("/form", "multipart/form-data; boundary=b", tinyParts(1000))).status()).isEqualTo(200);
    }

    @Test
    void tenThousandTinyPartsUnderARaisedLimit() throws Exception {
        Server raised = TestServers.start(ctx -> ctx.success("text/plain", ctx.multipartForm().fieldCount() + " fields, last "
                + ctx.multipartForm().fieldName(9999) + "=" + ctx.formValue("p9999")), b -> b.maxMultipartParts(10_000));
        try (RawConnection c = new RawConnection(raised.port())) {
            RawResponse r = c.send(post("/", "multipart/form-data; boundary=b", tinyParts(10_000))).read();
            assertThat(r.status() + " " + r.bodyText()).isEqualTo("200 10000 fields, last p9999=9");
            assertThat(c.send(post("/", "multipart/form-data; boundary=b", tinyParts(10_001))).read().status()).isEqualTo(413);
        } finally {
            raised.shutdown(Duration.ofSeconds(5));
        }
    }

    @Test
    void endlessPartHeadersAreRefusedAtTheLimit() throws Exception {
        byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Padding: " + "p".repeat(20_000) + "\r\n\r\n1\r\n--b--")
                .getBytes(StandardCharsets.US_ASCII);
        RawResponse r = exchange(post("/form", "multipart/form-data; boundary=b", body));
        assertThat(r.status() + " " + r.bodyText()).isEqualTo("400 the headers of a part are larger than the limit of 16384 bytes");

        Server raised = TestServers.start(ctx -> ctx.success("text/plain", describe(ctx.multipartForm())),
                b -> b.maxMultipartPartHeaderSize(32 * 1024));
        try (RawConnection c = new RawConnection(raised.port())) {
            assertThat(c.send(post("/", "multipart/form-data; boundary=b", body)).read().bodyText()).isEqualTo("a=1 <text/plain>");
        } finally {
            raised.shutdown(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            the query first                        | /value?keys=q,m,absent&q=query | multipart/form-data; boundary=b | --b\\r\\nContent-Disposition: form-data; name="q"\\r\\n\\r\\nmultipart\\r\\n--b\\r\\nContent-Disposition: form-data; name="m"\\r\\n\\r\\nmulti\\r\\n--b-- | 200 q=query m=multi absent=null
            an urlencoded body, never parsed as multipart | /value?keys=a,b                | application/x-www-form-urlencoded | a=1&b=%32 | 200 a=1 b=2
            a body of another type is not parsed   | /value?keys=a                  | text/plain                       | --b-- | 200 a=null
            no body                                | /value?keys=a                  | -                                | ``    | 200 a=null
            the query before a broken form         | /value?keys=q&q=query          | multipart/form-data; boundary=b | --b\\r\\n | 200 q=query
            a broken form when it must be looked at | /value?keys=m                 | multipart/form-data; boundary=b | --b\\r\\n | 400 the body ends before the close delimiter --boundary--
            a file is no value                     | /value?keys=f                  | multipart/form-data; boundary=b | --b\\r\\nContent-Disposition: form-data; name="f"; filename="f.txt"\\r\\n\\r\\nx\\r\\n--b-- | 200 f=null
            """)
    void formValueLooksInTheQueryThenUrlencodedThenMultipart(String name, String path, String type, String body, String expected)
            throws IOException {
        RawResponse r = exchange(post(path, type.equals("-") ? null : type, unescape(body).getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status() + " " + r.bodyText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "formFile({0})")
    @CsvSource(delimiter = '|', textBlock = """
            f     | 200 f: "first.txt" (text/plain, 5 bytes) cached=true
            g     | 200 g: "" (application/octet-stream, 0 bytes) cached=true
            a     | 200 none cached=true
            nope  | 200 none cached=true
            """)
    void formFileIsTheFirstFileOfItsField(String field, String expected) throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nnot a file\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"first.txt\"\r\nContent-Type: text/plain\r\n\r\nfirst\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"second.txt\"\r\n\r\nsecond\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"g\"; filename=\"\"\r\n\r\n\r\n--b--";
        RawResponse r = exchange(post("/file?name=" + field, "multipart/form-data; boundary=b", body.getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.status() + " " + r.bodyText()).isEqualTo(expected);
    }

    /** The form is the request's: the next request on the connection sees its own, or none. */
    @Test
    void theFormIsForgottenWithTheRequest() throws IOException {
        byte[] first = post("/form", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"a\"; filename=\"a.txt\"\r\n\r\nA\r\n--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--"
                        .getBytes(StandardCharsets.US_ASCII));
        byte[] second = post("/form", "multipart/form-data; boundary=c",
                "--c\r\nContent-Disposition: form-data; name=\"y\"\r\n\r\n2\r\n--c--".getBytes(StandardCharsets.US_ASCII));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(first).send(second).send("GET /value?keys=x,y HTTP/1.1\r\nHost: t\r\n\r\n")
                    .send("GET /file?name=a HTTP/1.1\r\nHost: t\r\n\r\n").send(first);
            assertThat(c.read(5)).extracting(r -> r.status() + " " + r.bodyText()).containsExactly(
                    "200 x=1 <text/plain> & a[a.txt] <application/octet-stream> 1=A",
                    "200 y=2 <text/plain>",
                    "200 x=null y=null",
                    "415 Content-Type must be multipart/form-data",
                    "200 x=1 <text/plain> & a[a.txt] <application/octet-stream> 1=A");
        }
    }

    @Test
    void aChunkedFormIsReadDechunked() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nchunked value\r\n--b--";
        String request = "POST /form HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(20) + "\r\n" + body.substring(0, 20) + "\r\n"
                + Integer.toHexString(body.length() - 20) + "\r\n" + body.substring(20) + "\r\n0\r\n\r\n";
        assertThat(exchange(request.getBytes(StandardCharsets.US_ASCII)).bodyText()).isEqualTo("a=chunked value <text/plain>");
    }

    @Test
    void aBlockingHandlerReadsTheFormToo() throws IOException {
        byte[] request = post("/blocking", "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b--".getBytes(StandardCharsets.US_ASCII));
        assertThat(exchange(request).bodyText()).isEqualTo("a=1 <text/plain>");
    }

    /** saveTo writes where the handler says; the filename, however hostile, is only data. */
    @Test
    void filesAreSavedWhereTheHandlerSaysNeverByTheirFilename() throws IOException {
        String body = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"../../escaped.txt\"\r\n\r\nfirst\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"..\\..\\escaped.bat\"\r\n\r\nsecond\r\n--b--";
        RawResponse r = exchange(post("/save", "multipart/form-data; boundary=b", body.getBytes(StandardCharsets.US_ASCII)));
        assertThat(r.bodyText()).isEqualTo("../../escaped.txt -> upload-1-0 first\n..\\..\\escaped.bat -> upload-1-1 second\n");
        assertThat(Files.readString(uploads.resolve("upload-1-0"))).isEqualTo("first");
        assertThat(Files.readString(uploads.resolve("upload-1-1"))).isEqualTo("second");
        try (Stream<Path> saved = Files.list(uploads)) {
            assertThat(saved.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("upload-1-0", "upload-1-1");
        }
        assertThat(uploads.resolve("../../escaped.txt").normalize()).doesNotExist();
        assertThat(uploads.getParent().resolve("escaped.bat")).doesNotExist();
    }

    /** The JDK's HttpClient sends a form built by hand: text in UTF-8, and a binary file holding every byte value. */
    @Test
    void aFormFromTheJdkHttpClient() throws Exception {
        byte[] binary = new byte[3 * 256 + 7];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        binary[100] = '\r';
        binary[101] = '\n';
        binary[102] = '-';
        binary[103] = '-'; // CRLF-- and then not the boundary: content
        String boundary = "----JavaHttpClientBoundary" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nZoë's report\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"data.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        form.writeBytes(binary);
        form.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/digest"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(binary));
        assertThat(response.body()).isEqualTo("title=Zoë's report\nnote=\nupload data.bin application/octet-stream "
                + binary.length + " " + sha + "\n");

        HttpResponse<String> refused = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/digest"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).isEqualTo("Content-Type must be multipart/form-data");
    }

    @Test
    void theLimitsAreSettingsWithDefaults() {
        assertThat(server.settings().maxMultipartParts()).isEqualTo(1000);
        assertThat(server.settings().maxMultipartPartHeaderSize()).isEqualTo(16 * 1024);
        Server.Builder builder = Server.builder().handler(ctx -> { });
        for (int bad : new int[] {0, -1}) {
            assertThatThrownBy(() -> builder.maxMultipartParts(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMultipartParts");
            assertThatThrownBy(() -> builder.maxMultipartPartHeaderSize(bad))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxMultipartPartHeaderSize");
        }
        ServerSettings raised = builder.maxMultipartParts(5).maxMultipartPartHeaderSize(64).build().settings();
        assertThat(raised.maxMultipartParts()).isEqualTo(5);
        assertThat(raised.maxMultipartPartHeaderSize()).isEqualTo(64);
    }

    @Test
    void refusalsAreCountedAsRejectionsAndNotLoggedAsErrors() throws IOException {
        long before = server.stats().requestsRejected();
        long errorsBefore = server.stats().handlerErrors();
        exchange(post("/form", "multipart/form-data; boundary=b", "--b\r\n".getBytes(StandardCharsets.US_ASCII)));
        exchange(post("/form", "text/plain", "x".getBytes(StandardCharsets.US_ASCII)));
        assertThat(server.stats().requestsRejected() - before).isEqualTo(2);
        assertThat(server.stats().handlerErrors()).isEqualTo(errorsBefore);
        List<CapturingLogger.Entry> errors = log.entries(System.Logger.Level.ERROR);
        assertThat(errors).isEmpty();
    }
}
