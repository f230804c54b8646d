package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.internal.http1.RequestParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequestHeadersTest {

    private final Request request = new Request();

    /** Parses {@code head} into the request, as the connection does, and returns its headers. */
    private RequestHeaders parse(String head) {
        request.reset();
        byte[] buf = ("junk" + head + "body").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(new RequestParser(8192).parse(buf, 4, 4 + head.length(), request.head)).isNull();
        return request.headers();
    }

    private RequestHeaders withCookies(String... cookieHeaders) {
        StringBuilder sb = new StringBuilder("GET / HTTP/1.1\r\nHost: h\r\n");
        for (String c : cookieHeaders) {
            sb.append("Cookie: ").append(c).append("\r\n");
        }
        return parse(sb.append("\r\n").toString());
    }

    /** Every cookie as "name=value". */
    private static List<String> cookies(RequestHeaders h) {
        List<String> out = new ArrayList<>();
        h.visitCookies((k, v) -> out.add(k + "=" + v));
        return out;
    }

    static Stream<Arguments> cookieHeaders() {
        return Stream.of(
                Arguments.of("a=1", List.of("a=1")),
                Arguments.of("a=1; b=2", List.of("a=1", "b=2")),
                Arguments.of("a=1;b=2", List.of("a=1", "b=2")),
                Arguments.of("a=1;  b=2 ;c=3", List.of("a=1", "b=2", "c=3")),
                Arguments.of("a = 1", List.of("a=1")), // names and values are trimmed (RFC 6265 5.2)
                Arguments.of("a=1;\tb=2\t", List.of("a=1", "b=2")),
                Arguments.of("a=", List.of("a=")),
                Arguments.of("a=; b=2", List.of("a=", "b=2")),
                Arguments.of("=v", List.of("=v")),
                Arguments.of("novalue", List.of("=novalue")),
                Arguments.of("a=b=c", List.of("a=b=c")),
                Arguments.of("a=\"quoted\"", List.of("a=quoted")),
                Arguments.of("a=\"\"", List.of("a=")),
                Arguments.of("a=\"", List.of("a=\"")),
                Arguments.of("a=\"x", List.of("a=\"x")),
                Arguments.of("a=x y", List.of("a=x y")),
                Arguments.of(";;a=1;;", List.of("a=1")),
                Arguments.of("; ; ", List.of()),
                Arguments.of("", List.of()),
                Arguments.of("a=1; a=2", List.of("a=1", "a=2")),
                Arguments.of("SID=31d4d96e407aad42; lang=en-US", List.of("SID=31d4d96e407aad42", "lang=en-US")),
                Arguments.of("caf\u00e9=\u00ff", List.of("caf\u00e9=\u00ff")));
    }

    @ParameterizedTest(name = "[{index}] Cookie: {0}")
    @MethodSource("cookieHeaders")
    void parsesCookiePairs(String header, List<String> expected) {
        RequestHeaders h = withCookies(header);
        List<String> actual = new ArrayList<>();
        h.visitCookies((k, v) -> actual.add(k.toString(StandardCharsets.ISO_8859_1) + "=" + v.toString(StandardCharsets.ISO_8859_1)));
        assertThat(actual).isEqualTo(expected);
        assertThat(h.cookieCount()).isEqualTo(expected.size());
    }

    @Test
    void lookupByName() {
        RequestHeaders h = withCookies("a=1; B=2; a=3; empty=; q=\"v\"");
        assertThat(h.cookie("a").toString()).isEqualTo("1"); // the first
        assertThat(h.cookie("B").toString()).isEqualTo("2");
        assertThat(h.cookie("b")).isNull(); // names are case-sensitive
        assertThat(h.cookie("empty").isEmpty()).isTrue();
        assertThat(h.cookie("q").toString()).isEqualTo("v");
        assertThat(h.cookie("missing")).isNull();
        assertThat(h.cookie("")).isNull();
    }

    @Test
    void severalCookieHeadersAreCombined() {
        RequestHeaders h = parse("GET / HTTP/1.1\r\nCookie: a=1\r\nHost: h\r\ncookie: b=2; c=3\r\nX: y\r\nCOOKIE: d=4\r\n\r\n");
        assertThat(cookies(h)).containsExactly("a=1", "b=2", "c=3", "d=4");
        assertThat(h.cookie("d").toString()).isEqualTo("4");
    }

    @Test
    void noCookieHeader() {
        RequestHeaders h = parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(h.cookieCount()).isZero();
        assertThat(h.cookie("a")).isNull();
        assertThat(cookies(h)).isEmpty();
    }

    @Test
    void manyCookies() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append(i == 0 ? "" : "; ").append("c").append(i).append('=').append(i);
        }
        RequestHeaders h = withCookies(sb.toString());
        assertThat(h.cookieCount()).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            assertThat(h.cookie("c" + i).toString()).isEqualTo(Integer.toString(i));
        }
    }

    @Test
    void cookiesAreParsedAgainForTheNextRequest() {
        RequestHeaders h = withCookies("a=1");
        assertThat(h.cookie("a").toString()).isEqualTo("1");
        h = withCookies("b=2");
        assertThat(h.cookie("a")).isNull();
        assertThat(h.cookie("b").toString()).isEqualTo("2");
        h = parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThat(h.cookieCount()).isZero();
    }

    @Test
    void clearedRequestHasNoCookiesAndNoHeaders() {
        withCookies("a=1");
        request.reset();
        RequestHeaders h = request.headers();
        assertThat(h.cookieCount()).isZero();
        assertThat(h.cookie("a")).isNull();
        assertThat(h.size()).isZero();
        assertThat(h.peek("Cookie")).isNull();
        assertThat(h.host()).isNull();
        assertThat(h.contentLength()).isEqualTo(-1);
        assertThat(h.isChunked()).isFalse();
        assertThat(h.connectionClose()).isFalse();
    }

    // ---------------------------------------------------------------- plain headers

    @Test
    void headerLookups() {
        RequestHeaders h = parse("POST /p HTTP/1.1\r\nHost: example.com\r\nContent-Type: text/plain\r\n"
                + "User-Agent: test/1.0\r\nReferer: /from\r\nX-Multi: one\r\nx-multi: two\r\nX-Pad:   v  \r\n"
                + "Content-Length: 12\r\nConnection: close\r\n\r\n");
        assertThat(h.size()).isEqualTo(9);
        assertThat(h.name(0).toString()).isEqualTo("Host");
        assertThat(h.value(0).toString()).isEqualTo("example.com");
        assertThat(h.host().toString()).isEqualTo("example.com");
        assertThat(h.contentType().toString()).isEqualTo("text/plain");
        assertThat(h.userAgent().toString()).isEqualTo("test/1.0");
        assertThat(h.referer().toString()).isEqualTo("/from");
        assertThat(h.get("x-multi")).isEqualTo("one");
        assertThat(h.peek("X-MULTI").toString()).isEqualTo("one");
        assertThat(h.get("X-Pad")).isEqualTo("v");
        assertThat(h.contains("content-length")).isTrue();
        assertThat(h.contains("Missing")).isFalse();
        assertThat(h.get("Missing")).isNull();
        assertThat(h.contentLength()).isEqualTo(12);
        assertThat(h.connectionClose()).isTrue();
        assertThat(h.isChunked()).isFalse();
        List<String> seen = new ArrayList<>();
        h.visitAll((k, v) -> seen.add(k + ":" + v));
        assertThat(seen).hasSize(9).contains("X-Multi:one", "x-multi:two", "X-Pad:v");
    }

    @Test
    void absentKnownHeadersAreNull() {
        RequestHeaders h = parse("GET / HTTP/1.0\r\n\r\n");
        assertThat(h.host()).isNull();
        assertThat(h.contentType()).isNull();
        assertThat(h.userAgent()).isNull();
        assertThat(h.referer()).isNull();
        assertThat(h.contentLength()).isEqualTo(-1);
    }

    @Test
    void chunkedRequest() {
        RequestHeaders h = parse("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n");
        assertThat(h.isChunked()).isTrue();
        assertThat(h.contentLength()).isEqualTo(-1);
    }

    @Test
    void indexOutsideTheHeadersIsRefused() {
        RequestHeaders h = parse("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        assertThatThrownBy(() -> h.name(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> h.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
