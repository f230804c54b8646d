package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathNormalizerTest {

    /** The normalized path, or null when refused. */
    private static String normalize(String raw) {
        byte[] src = raw.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf out = new ByteBuf(1);
        if (!PathNormalizer.normalize(src, 0, src.length, out)) {
            return null;
        }
        return new String(out.toByteArray(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // RFC 3986 5.2.4 and 5.4 examples, as absolute paths
            "/a/b/c/./../../g|/a/g",
            "/mid/content=5/../6|/mid/6",
            "/b/c/./g|/b/c/g",
            "/b/c/g/.|/b/c/g/",
            "/b/c/g/..|/b/c/",
            "/b/c/..|/b/",
            "/b/c/../..|/",
            "/b/c/../../..|/",
            "/b/c/../../../g|/g",
            "/b/c/../g|/b/g",
            "/b/c/./|/b/c/",
            "/b/c/../|/b/",
            "/b/c/g;x=1/./y|/b/c/g;x=1/y",
            "/b/c/g;x=1/../y|/b/c/y",
            // never above the root
            "/..|/",
            "/../|/",
            "/../..|/",
            "/../../a|/a",
            "/a/..|/",
            "/a/../|/",
            "/a/../..|/",
            "/a/b/../../..|/",
            "/.|/",
            "/./|/",
            "/./.|/",
            // trivial
            "/|/",
            "/a|/a",
            "/a/|/a/",
            "/a/b|/a/b",
            "/index.html|/index.html",
            // repeated slashes collapse
            "//|/",
            "///|/",
            "//a//b/|/a/b/",
            "/a//b|/a/b",
            "/a///|/a/",
            "//..//a|/a",
            // dots that are not dot segments
            "/...|/...",
            "/..a|/..a",
            "/a..|/a..",
            "/.a|/.a",
            "/a.|/a.",
            "/a/.../b|/a/.../b",
            "/.well-known/x|/.well-known/x",
            // percent-decoding happens first
            "/%2e%2e/x|/x",
            "/%2E%2E/x|/x",
            "/%2e/x|/x",
            "/a/%2e%2e|/",
            "/a/.%2e/b|/b",
            "/a/%2e./b|/b",
            "/a/b/%2e%2e/%2e%2e/%2e%2e/etc/passwd|/etc/passwd",
            "/a%2Fb|/a/b",
            "/a%2fb|/a/b",
            "/a%2F..%2Fb|/b",
            "/%2F%2Fa|/a",
            "/%61%62%63|/abc",
            "/a%20b|/a b",
            "/a+b|/a+b", // '+' is not a space in a path
            "/%25|/%",
            "/%252e%252e/x|/%2e%2e/x", // decoded once only
            "/caf%C3%A9|/caf\u00c3\u00a9",
            // not starting with '/'
            "''|/",
            "a|/a",
            "a/b|/a/b",
            "../x|/x",
            "..|/",
            ".|/",
            "%2Fa|/a",
            "%2e%2e|/"})
    void normalizes(String raw, String expected) {
        assertThat(normalize(raw)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "/%", "/%2", "/a%", "/a%2", "/%zz", "/%2z", "/%z2", "/%g0", "/%-1", "/% 2", "/a/%/b",
            "/%00", "/a%00b", "/%00/..", "/%2e%00", "%00", "/ok/%0"})
    void malformedEscapesAndNulAreRefused(String raw) {
        assertThat(normalize(raw)).isNull();
    }

    @Test
    void encodedControlBytesOtherThanNulPassThrough() {
        assertThat(normalize("/a%0Db%0Ac%01")).isEqualTo("/a\rb\nc\u0001");
    }

    @Test
    void appendsAfterExistingContentWithoutClimbingIntoIt() {
        ByteBuf out = new ByteBuf(4);
        out.appendLatin1("/p/q");
        byte[] src = "/../../x/..".getBytes(StandardCharsets.US_ASCII);
        assertThat(PathNormalizer.normalize(src, 0, src.length, out)).isTrue();
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("/p/q/");
    }

    @Test
    void readsOnlyItsRange() {
        byte[] src = "GET /a/./b/../c?x=/.. HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = new ByteBuf(4);
        assertThat(PathNormalizer.normalize(src, 4, 15, out)).isTrue();
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("/a/c");
    }

    @Test
    void normalizingIsIdempotent() {
        Random random = new Random(7);
        for (int i = 0; i < 5000; i++) {
            String once = normalize(randomPath(random));
            if (once != null && !once.contains("%")) {
                assertThat(normalize(once)).isEqualTo(once);
            }
        }
    }

    @Test
    void agreesWithAReferenceOnRandomPaths() {
        Random random = new Random(3986);
        for (int i = 0; i < 20_000; i++) {
            String raw = randomPath(random);
            assertThat(normalize(raw)).as("raw path %s", raw).isEqualTo(reference(raw));
        }
    }

    private static final String[] PIECES = {"/", "/", "/", ".", ".", "..", "a", "bc", "%2e", "%2E", "%2f", "%2F", "%41",
            "%", "%0", "%00", "%zz", "+", ";"};

    private static String randomPath(Random random) {
        StringBuilder sb = new StringBuilder();
        if (random.nextInt(10) > 0) sb.append('/');
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return sb.toString();
    }

    /**
     * An independent, allocation-happy model: decode, split on '/', drop empty and '.' segments,
     * let '..' pop, and keep a trailing slash when the last segment was empty, '.' or '..'.
     */
    private static String reference(String raw) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        byte[] b = raw.getBytes(StandardCharsets.ISO_8859_1);
        if (b.length == 0 || b[0] != '/') decoded.write('/');
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%') {
                if (i + 2 >= b.length) return null;
                int hi = Character.digit(b[i + 1], 16);
                int lo = Character.digit(b[i + 2], 16);
                if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return null;
                decoded.write(hi << 4 | lo);
                i += 2;
            } else {
                decoded.write(b[i]);
            }
        }
        String path = decoded.toString(StandardCharsets.ISO_8859_1);
        String[] segments = path.substring(1).split("/", -1);
        Deque<String> out = new ArrayDeque<>();
        boolean trailingSlash = false;
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            boolean last = i == segments.length - 1;
            trailingSlash = false;
            if (s.isEmpty() || s.equals(".")) {
                trailingSlash = last;
            } else if (s.equals("..")) {
                out.pollLast();
                trailingSlash = last;
            } else {
                out.addLast(s);
            }
        }
        if (out.isEmpty()) return "/";
        return "/" + String.join("/", out) + (trailingSlash ? "/" : "");
    }
}
