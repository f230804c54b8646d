package dev.fasthttp;

import static dev.fasthttp.ProtocolCase.head;
import static dev.fasthttp.ProtocolCase.repeat;
import static dev.fasthttp.ProtocolCase.row;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.http.ProtocolError;
import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.RawResponse;
import dev.fasthttp.testing.TestServers;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP/1.1 conformance as a table of raw-byte rows (RFC 9110, RFC 9112): what a valid request
 * turns into for the handler, and how each kind of malformed request is refused. Framing
 * attacks (Content-Length, Transfer-Encoding, chunked) are in {@link SmugglingCasesTest}.
 *
 * <p>Each row runs in memory in every split (whole, byte by byte, seeded random) with one
 * outcome required of all, then once over a real socket; see {@link ProtocolCase}.
 */
class ProtocolCasesTest {

    private static final String GET = head("GET / HTTP/1.1", "Host: x");

    static Stream<ProtocolCase> rows() {
        return Stream.of(valid(), requestLine(), headers(), limits(), paths()).flatMap(s -> s);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rows")
    void inMemoryInEverySplit(ProtocolCase c) throws Exception {
        c.runInMemory();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("rows")
    void overSocket(ProtocolCase c) throws Exception {
        c.runOverSocket();
    }

    // ---- valid requests ----------------------------------------------------------------------

    static Stream<ProtocolCase> valid() {
        return Stream.of(
                row("simple GET", GET)
                        .responds(200, "method: GET\n", "path: /\n", "host: x\n", "version: HTTP/1.1\n")
                        .header("Connection", null)
                        .keepsAlive().handled("GET /"),
                row("GET with query", head("GET /a/b?c=d&e HTTP/1.1", "Host: x"))
                        .responds(200, "path: /a/b\n", "uri: /a/b?c=d&e\n", "query: c=d&e\n")
                        .keepsAlive().handled("GET /a/b"),
                // RFC 9112 9.3: HTTP/1.0 closes unless the client asked to keep the connection.
                row("HTTP/1.0 GET closes", head("GET / HTTP/1.0"))
                        .responds(200, "version: HTTP/1.0\n").header("Connection", "close")
                        .closes().handled("GET /"),
                row("HTTP/1.0 GET with Connection: keep-alive stays open", head("GET / HTTP/1.0", "Connection: keep-alive"))
                        .responds(200, "version: HTTP/1.0\n").header("Connection", "keep-alive")
                        .keepsAlive().handled("GET /"),
                row("HTTP/1.0 GET with Connection: Keep-Alive (case-insensitive)", head("GET / HTTP/1.0", "Connection: Keep-Alive"))
                        .responds(200).header("Connection", "keep-alive").keepsAlive().handled("GET /"),
                row("HTTP/1.0 GET with Host", head("GET /h HTTP/1.0", "Host: x"))
                        .responds(200, "host: x\n").closes().handled("GET /h"),
                // RFC 9112 9.6: "close" means the sender will close after this response.
                row("Connection: close honoured", head("GET / HTTP/1.1", "Host: x", "Connection: close"))
                        .responds(200).header("Connection", "close").closes().handled("GET /"),
                row("Connection: keep-alive, close (close wins)", head("GET / HTTP/1.1", "Host: x", "Connection: keep-alive, close"))
                        .responds(200).header("Connection", "close").closes().handled("GET /"),
                row("Connection: CLOSE (case-insensitive)", head("GET / HTTP/1.1", "Host: x", "connection: CLOSE"))
                        .responds(200).header("Connection", "close").closes().handled("GET /"),
                row("keep-alive reuse: GET, POST with body, GET",
                        head("GET /1 HTTP/1.1", "Host: x")
                                + head("POST /2 HTTP/1.1", "Host: x", "Content-Length: 3") + "abc"
                                + head("GET /3 HTTP/1.1", "Host: x"))
                        .responds(200, "path: /1\n").responds(200, "path: /2\n", "body: abc\n").responds(200, "path: /3\n")
                        .keepsAlive().handled("GET /1", "POST /2", "GET /3"),
                row("pipelined: three requests in one input, answered in order",
                        head("GET /1 HTTP/1.1", "Host: x") + head("GET /2 HTTP/1.1", "Host: x") + head("GET /3 HTTP/1.1", "Host: x"))
                        .responds(200, "path: /1\n").responds(200, "path: /2\n").responds(200, "path: /3\n")
                        .keepsAlive().handled("GET /1", "GET /2", "GET /3"),
                row("pipelined: the last one asks to close",
                        head("GET /1 HTTP/1.1", "Host: x") + head("GET /2 HTTP/1.1", "Host: x", "Connection: close")
                                + head("GET /3 HTTP/1.1", "Host: x"))
                        .responds(200, "path: /1\n").responds(200, "path: /2\n").header("Connection", "close")
                        .closes().handled("GET /1", "GET /2"),
                // RFC 9112 2.2: a server SHOULD ignore at least one empty line before the request line.
                row("leading empty lines ignored", "\r\n\r\n\r\n" + GET)
                        .responds(200, "path: /\n").keepsAlive().handled("GET /"),
                row("empty lines between pipelined requests ignored",
                        head("GET /1 HTTP/1.1", "Host: x") + "\r\n\r\n" + head("GET /2 HTTP/1.1", "Host: x"))
                        .responds(200, "path: /1\n").responds(200, "path: /2\n").keepsAlive().handled("GET /1", "GET /2"),
                row("POST with Content-Length body", head("POST /p HTTP/1.1", "Host: x", "Content-Length: 11") + "hello world")
                        .responds(200, "method: POST\n", "body-length: 11\n", "body: hello world\n")
                        .keepsAlive().handled("POST /p"),
                // RFC 9112 6.3 (7): a request with neither Content-Length nor Transfer-Encoding has no body.
                row("POST without Content-Length has an empty body", head("POST /p HTTP/1.1", "Host: x"))
                        .responds(200, "body-length: 0\n").keepsAlive().handled("POST /p"),
                row("GET with Content-Length body: the body is not a request", head("GET / HTTP/1.1", "Host: x", "Content-Length: 4") + "GET ")
                        .responds(200, "body: GET \n").keepsAlive().handled("GET /"),
                row("Content-Length: 0", head("POST / HTTP/1.1", "Host: x", "Content-Length: 0"))
                        .responds(200, "body-length: 0\n").keepsAlive().handled("POST /"),
                // RFC 9112 6.2: Content-Length = 1*DIGIT, leading zeros are digits too.
                row("Content-Length with leading zeros", head("POST / HTTP/1.1", "Host: x", "Content-Length: 0000000000000000000000003") + "abc")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                row("Content-Length lower-case name, tab before value", head("POST / HTTP/1.1", "Host: x", "content-length:\t3") + "abc")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                // RFC 9110 8.6: identical values, as repeated lines or a list, MAY be taken as one.
                row("identical repeated Content-Length accepted",
                        head("POST / HTTP/1.1", "Host: x", "Content-Length: 3", "Content-Length: 3") + "abc")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                row("identical Content-Length list accepted", head("POST / HTTP/1.1", "Host: x", "Content-Length: 3, 3,3") + "abc")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                row("chunked body with extensions and trailers is decoded",
                        head("POST /c HTTP/1.1", "Host: x", "Transfer-Encoding: chunked")
                                + "5;name=value\r\nhello\r\n6 ; x ; y=\"q s\"\r\n world\r\n0;last\r\nX-Trailer: t\r\nX-Other: u\r\n\r\n")
                        .responds(200, "body-length: 11\n", "body: hello world\n").keepsAlive().handled("POST /c"),
                row("chunked body: hex sizes in both cases, leading zeros",
                        head("POST /c HTTP/1.1", "Host: x", "Transfer-Encoding: chunked")
                                + "0A\r\n0123456789\r\n00b\r\nabcdefghijk\r\n000\r\n\r\n")
                        .responds(200, "body-length: 21\n", "body: 0123456789abcdefghijk\n").keepsAlive().handled("POST /c"),
                // RFC 9112 7: transfer-coding names are case-insensitive.
                row("TRANSFER-ENCODING: CHUNKED (case-insensitive)",
                        head("POST /c HTTP/1.1", "Host: x", "TRANSFER-ENCODING: CHUNKED") + "3\r\nabc\r\n0\r\n\r\n")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /c"),
                row("chunked body with no data chunk", head("POST /c HTTP/1.1", "Host: x", "Transfer-Encoding: chunked") + "0\r\n\r\n")
                        .responds(200, "body-length: 0\n").keepsAlive().handled("POST /c"),
                // RFC 9112 3.2.2: with an absolute-form target the server uses its authority, not Host.
                row("absolute-form target: host taken from it", head("GET http://h/p?q HTTP/1.1", "Host: other"))
                        .responds(200, "host: h\n", "path: /p\n", "query: q\n").keepsAlive().handled("GET /p"),
                row("absolute-form target without path", head("GET http://h:8080 HTTP/1.1", "Host: h:8080"))
                        .responds(200, "host: h:8080\n", "path: /\n").keepsAlive().handled("GET /"),
                row("absolute-form target, scheme in capitals", head("GET HTTPS://h/p HTTP/1.1", "Host: h"))
                        .responds(200, "host: h\n", "path: /p\n").keepsAlive().handled("GET /p"),
                // RFC 9112 3.2.4: asterisk-form, for OPTIONS only.
                row("OPTIONS *", head("OPTIONS * HTTP/1.1", "Host: x"))
                        .responds(200, "method: OPTIONS\n", "path: *\n").keepsAlive().handled("OPTIONS *"),
                // RFC 9110 9.1: methods are case-sensitive tokens; unknown ones reach the handler.
                row("unknown method passed through", head("PURGE-ALL /x HTTP/1.1", "Host: x"))
                        .responds(200, "method: PURGE-ALL\n").keepsAlive().handled("PURGE-ALL /x"),
                row("lower-case method is another method", head("get /x HTTP/1.1", "Host: x"))
                        .responds(200, "method: get\n").keepsAlive().handled("get /x"),
                // RFC 9110 9.3.2: the same head as GET, without the body.
                row("HEAD answered without body, then the connection goes on",
                        head("HEAD /h HTTP/1.1", "Host: x") + head("GET /g HTTP/1.1", "Host: x"))
                        .respondsToHead(200).responds(200, "path: /g\n").keepsAlive().handled("HEAD /h", "GET /g"),
                // RFC 9110 2.5 / RFC 9112 2.3: a higher minor version is served as the highest we speak.
                row("HTTP/1.2 served as HTTP/1.1", head("GET / HTTP/1.2", "Host: x"))
                        .responds(200, "version: HTTP/1.1\n").keepsAlive().handled("GET /"),
                row("HTTP/1.9 without Host: treated as 1.1, so Host is required", head("GET / HTTP/1.9"))
                        .refused(ProtocolError.MISSING_HOST),
                // RFC 9110 10.1.1: 100 Continue, then the final response. The server MAY omit the
                // 100 when the body has already arrived, so it depends on the split.
                row("Expect: 100-continue", head("POST /e HTTP/1.1", "Host: x", "Expect: 100-continue", "Content-Length: 5") + "hello")
                        .mayContinue().responds(200, "body: hello\n").keepsAlive().handled("POST /e"),
                row("Expect: 100-Continue (case-insensitive), chunked body",
                        head("POST /e HTTP/1.1", "Host: x", "Expect: 100-Continue", "Transfer-Encoding: chunked") + "5\r\nhello\r\n0\r\n\r\n")
                        .mayContinue().responds(200, "body: hello\n").keepsAlive().handled("POST /e"),
                row("Expect: 100-continue with no body: no 100", head("GET / HTTP/1.1", "Host: x", "Expect: 100-continue"))
                        .responds(200).keepsAlive().handled("GET /"),
                // RFC 9110 10.1.1: an HTTP/1.0 request's 100-continue expectation is ignored.
                row("Expect: 100-continue in HTTP/1.0 ignored",
                        head("POST /e HTTP/1.0", "Expect: 100-continue", "Content-Length: 2") + "hi")
                        .responds(200, "body: hi\n").closes().handled("POST /e"),
                // Larger than the default read buffer: heads and bodies straddle reads and the
                // buffer is compacted or grown while a request is in it.
                row("POST with a 10000-byte body, then a pipelined GET",
                        head("POST /big HTTP/1.1", "Host: x", "Content-Length: 10000") + bigBody(10000)
                                + head("GET /after HTTP/1.1", "Host: x"))
                        .responds(200, "body-length: 10000\n", "body: " + bigBody(10000) + "\n")
                        .responds(200, "path: /after\n").keepsAlive().handled("POST /big", "GET /after"),
                row("chunked body of 3 x 3000 bytes, then a pipelined GET",
                        head("POST /big HTTP/1.1", "Host: x", "Transfer-Encoding: chunked")
                                + "bb8\r\n" + bigBody(3000) + "\r\nbb8;e=1\r\n" + bigBody(3000) + "\r\nBB8\r\n" + bigBody(3000)
                                + "\r\n0\r\nT: 1\r\n\r\n" + head("GET /after HTTP/1.1", "Host: x"))
                        .responds(200, "body-length: 9000\n", "body: " + bigBody(3000).repeat(3) + "\n")
                        .responds(200, "path: /after\n").keepsAlive().handled("POST /big", "GET /after"),
                row("60 pipelined requests with headers, bodies in between",
                        Stream.iterate(0, i -> i + 1).limit(60).map(i -> i % 3 == 0
                                ? head("POST /" + i + " HTTP/1.1", "Host: x", "X-Pad: " + repeat('p', i), "Content-Length: " + i)
                                        + repeat('b', i)
                                : head("GET /" + i + "?q=" + i + " HTTP/1.1", "Host: x", "X-Pad: " + repeat('p', i)))
                                .reduce("", String::concat))
                        .respondsInOrder(200, Stream.iterate(0, i -> i + 1).limit(60)
                                .map(i -> "path: /" + i + "\nuri: /" + i + (i % 3 == 0 ? "" : "?q=" + i) + "\n").toArray(String[]::new))
                        .keepsAlive().handled(Stream.iterate(0, i -> i + 1).limit(60)
                                .map(i -> (i % 3 == 0 ? "POST /" : "GET /") + i).toArray(String[]::new)),
                // RFC 9112 9.6: the server announces the close on the last response it sends.
                row("maxRequestsPerConnection=2: the second response closes",
                        head("GET /1 HTTP/1.1", "Host: x") + head("GET /2 HTTP/1.1", "Host: x") + head("GET /3 HTTP/1.1", "Host: x"))
                        .with("maxRequestsPerConnection=2", b -> b.maxRequestsPerConnection(2))
                        .responds(200, "path: /1\n").header("Connection", null)
                        .responds(200, "path: /2\n").header("Connection", "close")
                        .closes().handled("GET /1", "GET /2"),
                row("keepAlive=false: every connection closes after one response", GET + GET)
                        .with("keepAlive=false", b -> b.keepAlive(false))
                        .responds(200).header("Connection", "close").closes().handled("GET /"),
                row("absolute-form target with a query and no path", head("GET http://h?q=1 HTTP/1.1", "Host: h"))
                        .responds(200, "host: h\n", "path: /\n", "query: q=1\n").keepsAlive().handled("GET /"),
                row("100 header fields", head(Stream.concat(Stream.of("GET /many HTTP/1.1", "Host: x"),
                                Stream.iterate(0, i -> i + 1).limit(98).map(i -> "X-Field-" + i + ": value " + i)).toArray(String[]::new)))
                        .responds(200, "path: /many\n").keepsAlive().handled("GET /many"),
                row("empty query, '?' inside the query", head("GET /a? HTTP/1.1", "Host: x") + head("GET /b?c?d HTTP/1.1", "Host: x"))
                        .responds(200, "path: /a\n", "query: \n").responds(200, "path: /b\n", "query: c?d\n")
                        .keepsAlive().handled("GET /a", "GET /b"),
                row("Host: empty value allowed (RFC 9112 3.2)", head("GET / HTTP/1.1", "Host:"))
                        .responds(200, "host: \n").keepsAlive().handled("GET /"),
                row("Host with port, IPv6 literal", head("GET / HTTP/1.1", "Host: [::1]:8080"))
                        .responds(200, "host: [::1]:8080\n").keepsAlive().handled("GET /"),
                row("header value with obs-text, empty value, OWS trimmed",
                        head("GET / HTTP/1.1", "Host:   x  ", "X-Latin: caf\u00e9", "X-Empty:", "X-Tab:\tv\t"))
                        .responds(200, "host: x\n").keepsAlive().handled("GET /"));
    }

    // ---- request line (RFC 9112 3) --------------------------------------------------------------

    static Stream<ProtocolCase> requestLine() {
        ProtocolError bad = ProtocolError.MALFORMED_REQUEST_LINE;
        return Stream.of(
                row("missing version", head("GET /", "Host: x")).refused(bad),
                row("HTTP/0.9 style: method and path only", "GET /\r\n\r\n").refused(bad),
                row("missing target", head("GET HTTP/1.1", "Host: x")).refused(bad),
                row("two spaces after method", head("GET  / HTTP/1.1", "Host: x")).refused(bad),
                row("two spaces before version", head("GET /  HTTP/1.1", "Host: x")).refused(bad),
                row("trailing space after version", head("GET / HTTP/1.1 ", "Host: x")).refused(bad),
                row("leading space before method", head(" GET / HTTP/1.1", "Host: x")).refused(bad),
                row("tabs as separators", head("GET\t/\tHTTP/1.1", "Host: x")).refused(bad),
                row("space inside the target", head("GET /a b HTTP/1.1", "Host: x")).refused(bad),
                row("lower-case http/1.1", head("GET / http/1.1", "Host: x")).refused(bad),
                row("HTTP/1 without minor", head("GET / HTTP/1", "Host: x")).refused(bad),
                row("HTTP/1.x", head("GET / HTTP/1.x", "Host: x")).refused(bad),
                row("HTTP/1.10 (two-digit minor)", head("GET / HTTP/1.10", "Host: x")).refused(bad),
                row("HTTP/11.1 (two-digit major)", head("GET / HTTP/11.1", "Host: x")).refused(bad),
                row("HTTPS/1.1", head("GET / HTTPS/1.1", "Host: x")).refused(bad),
                // RFC 9110 15.6.6: 505 for a major version the server does not support.
                row("HTTP/2.0 -> 505", head("GET / HTTP/2.0", "Host: x")).refused(ProtocolError.UNSUPPORTED_VERSION),
                row("HTTP/0.9 with a version -> 505", head("GET / HTTP/0.9", "Host: x")).refused(ProtocolError.UNSUPPORTED_VERSION),
                row("HTTP/3.0 -> 505", head("GET / HTTP/3.0", "Host: x")).refused(ProtocolError.UNSUPPORTED_VERSION),
                row("control char in target", head("GET /a\u0001b HTTP/1.1", "Host: x")).refused(bad),
                row("NUL in target", head("GET /a\u0000b HTTP/1.1", "Host: x")).refused(bad),
                row("DEL in target", head("GET /a\u007fb HTTP/1.1", "Host: x")).refused(bad),
                row("'#' fragment in target", head("GET /a#frag HTTP/1.1", "Host: x")).refused(bad),
                row("non-token char in method", head("GE(T / HTTP/1.1", "Host: x")).refused(bad),
                row("NUL in method", head("G\u0000ET / HTTP/1.1", "Host: x")).refused(bad),
                row("a header line where the request line should be", "Host: x\r\n\r\n").refused(bad),
                row("asterisk-form with GET", head("GET * HTTP/1.1", "Host: x")).refused(bad),
                row("relative target without slash", head("GET a/b HTTP/1.1", "Host: x")).refused(bad),
                row("absolute-form with an unknown scheme", head("GET ftp://h/p HTTP/1.1", "Host: h")).refused(bad),
                // RFC 9110 4.2.4: userinfo in an http(s) URI is an error.
                row("absolute-form with userinfo", head("GET http://user@h/p HTTP/1.1", "Host: h"))
                        .refused(ProtocolError.INVALID_HOST),
                row("absolute-form with empty authority", head("GET http:///p HTTP/1.1", "Host: h"))
                        .refused(ProtocolError.INVALID_HOST),
                // RFC 9110 9.3.6: CONNECT is for proxies; an origin server does not implement it.
                row("CONNECT -> 501", head("CONNECT example.com:443 HTTP/1.1", "Host: example.com:443"))
                        .refused(ProtocolError.UNSUPPORTED_METHOD),
                row("a valid request, then an invalid one: the first is served",
                        GET + head("GET / HTTP/2.0", "Host: x") + GET)
                        .responds(200).refused(ProtocolError.UNSUPPORTED_VERSION).handled("GET /"));
    }

    // ---- header fields (RFC 9112 2.2, 3.2, 5; RFC 9110 5.5) -------------------------------------

    static Stream<ProtocolCase> headers() {
        ProtocolError bad = ProtocolError.MALFORMED_HEADER;
        return Stream.of(
                // RFC 9112 3.2: 400 for an HTTP/1.1 request without Host, or with more than one.
                row("missing Host in HTTP/1.1 -> 400", head("GET / HTTP/1.1")).refused(ProtocolError.MISSING_HOST),
                row("absolute-form still needs Host in HTTP/1.1", head("GET http://h/ HTTP/1.1"))
                        .refused(ProtocolError.MISSING_HOST),
                row("duplicate Host", head("GET / HTTP/1.1", "Host: x", "Host: x")).refused(ProtocolError.DUPLICATE_HOST),
                row("duplicate Host, differing case", head("GET / HTTP/1.1", "Host: x", "HOST: y"))
                        .refused(ProtocolError.DUPLICATE_HOST),
                row("Host with a space inside", head("GET / HTTP/1.1", "Host: a b")).refused(ProtocolError.INVALID_HOST),
                row("Host with a slash", head("GET / HTTP/1.1", "Host: a/b")).refused(ProtocolError.INVALID_HOST),
                row("Host with userinfo", head("GET / HTTP/1.1", "Host: u@h")).refused(ProtocolError.INVALID_HOST),
                row("Host with a comma list", head("GET / HTTP/1.1", "Host: a, b")).refused(ProtocolError.INVALID_HOST),
                // RFC 9112 5.1: no whitespace between field name and colon; MUST 400.
                row("space before header colon", head("GET / HTTP/1.1", "Host : x")).refused(bad),
                row("tab before header colon", head("GET / HTTP/1.1", "Host: x", "X-A\t: b")).refused(bad),
                row("header line without colon", head("GET / HTTP/1.1", "Host: x", "NoColonHere")).refused(bad),
                row("header with empty name", head("GET / HTTP/1.1", "Host: x", ": value")).refused(bad),
                row("non-token char in header name", head("GET / HTTP/1.1", "Host: x", "X(a): b")).refused(bad),
                row("NUL in header name", head("GET / HTTP/1.1", "Host: x", "X-\u0000A: b")).refused(bad),
                // RFC 9112 5.2: obs-fold in a request: reject with 400 (or replace by SP; we reject).
                row("obs-fold with SP", head("GET / HTTP/1.1", "Host: x", "X-A: b", " continued"))
                        .refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                row("obs-fold with HTAB", head("GET / HTTP/1.1", "Host: x", "X-A: b", "\tcontinued"))
                        .refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                // RFC 9112 2.2: whitespace between the start line and the first field: reject.
                row("whitespace-led line right after the request line", head("GET / HTTP/1.1", " Host: x"))
                        .refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                // RFC 9112 2.2: a bare CR MUST be treated as invalid (or replaced by SP); a bare LF
                // MAY be a line terminator. Both are refused: that is where parsers disagree.
                row("bare LF line endings", "GET / HTTP/1.1\nHost: x\n\n").refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare LF after request line", "GET / HTTP/1.1\nHost: x\r\n\r\n").refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare LF ending a header", "GET / HTTP/1.1\r\nHost: x\nX: y\r\n\r\n").refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare LF as the empty line", "GET / HTTP/1.1\r\nHost: x\r\n\n").refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare LF inside a header value", "GET / HTTP/1.1\r\nHost: x\r\nX: a\nb\r\n\r\n")
                        .refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare LF before the request line", "\nGET / HTTP/1.1\r\nHost: x\r\n\r\n")
                        .refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare CR in request line", "GET /\r HTTP/1.1\r\nHost: x\r\n\r\n").refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("bare CR inside a header value", "GET / HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n")
                        .refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("CR CR LF", "GET / HTTP/1.1\r\nHost: x\r\r\n\r\n").refused(ProtocolError.INVALID_LINE_TERMINATOR),
                // RFC 9110 5.5: CR, LF and NUL in a value MUST be rejected (or replaced); other CTLs
                // are invalid too, and are refused here as well.
                row("NUL in header value", head("GET / HTTP/1.1", "Host: x", "X: a\u0000b")).refused(bad),
                row("SOH in header value", head("GET / HTTP/1.1", "Host: x", "X: a\u0001b")).refused(bad),
                row("VT in header value", head("GET / HTTP/1.1", "Host: x", "X: \u000bb")).refused(bad),
                row("ESC in header value", head("GET / HTTP/1.1", "Host: x", "X: a\u001bb")).refused(bad),
                row("DEL in header value", head("GET / HTTP/1.1", "Host: x", "X: a\u007fb")).refused(bad),
                row("NUL in Host value", head("GET / HTTP/1.1", "Host: x\u0000y")).refused(bad),
                // RFC 9110 10.1.1: 417 for an expectation the server cannot meet.
                row("Expect: something-else -> 417", head("POST / HTTP/1.1", "Host: x", "Expect: something-else", "Content-Length: 2") + "hi")
                        .refused(ProtocolError.EXPECTATION_FAILED));
    }

    // ---- limits (RFC 9110 15.5.14, 15.5.15; RFC 6585 5) -------------------------------------------

    static Stream<ProtocolCase> limits() {
        String uri32 = "/" + repeat('a', 31);
        String uri33 = "/" + repeat('a', 32);
        return Stream.of(
                row("URI at the limit", head("GET " + uri32 + " HTTP/1.1", "Host: x"))
                        .with("maxRequestUriLength=32", b -> b.maxRequestUriLength(32))
                        .responds(200, "path: " + uri32 + "\n").keepsAlive().handled("GET " + uri32),
                row("URI one over the limit -> 414", head("GET " + uri33 + " HTTP/1.1", "Host: x"))
                        .with("maxRequestUriLength=32", b -> b.maxRequestUriLength(32))
                        .refused(ProtocolError.URI_TOO_LONG),
                row("URI far over the limit, seen before the line ends -> 414",
                        head("GET /" + repeat('a', 500) + " HTTP/1.1", "Host: x"))
                        .with("maxRequestUriLength=32", b -> b.maxRequestUriLength(32))
                        .refused(ProtocolError.URI_TOO_LONG),
                row("header block at the limit", exactHead(256))
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .responds(200).keepsAlive().handled("GET /"),
                row("header block one over the limit -> 431", exactHead(257))
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .refused(ProtocolError.HEADERS_TOO_LARGE),
                row("header block far over the limit -> 431",
                        head("GET / HTTP/1.1", "Host: x", "X-Big: " + repeat('b', 2000)))
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .refused(ProtocolError.HEADERS_TOO_LARGE),
                row("many small headers over the limit -> 431",
                        head(Stream.concat(Stream.of("GET / HTTP/1.1", "Host: x"),
                                Stream.iterate(0, i -> i + 1).limit(100).map(i -> "X-" + i + ": v")).toArray(String[]::new)))
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .refused(ProtocolError.HEADERS_TOO_LARGE),
                // A request line longer than the whole header budget is a URI that is too long,
                // whether its CRLF arrives in the same read or not.
                row("request line longer than the header limit -> 414",
                        head("GET /" + repeat('a', 270) + " HTTP/1.1", "Host: x"))
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .refused(ProtocolError.URI_TOO_LONG),
                // The verdict on an oversized head must not depend on what else came in the same
                // read: a malformed byte past the limit is never looked at.
                row("bare LF past the header limit -> 431, in every split",
                        "GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + repeat('b', 300) + "\r\nX: y\n\r\n")
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .refused(ProtocolError.HEADERS_TOO_LARGE),
                row("bare CR past the URI limit -> 414, in every split",
                        "GET /" + repeat('a', 200) + "\rb HTTP/1.1\r\nHost: x\r\n\r\n")
                        .with("maxRequestUriLength=32", b -> b.maxRequestUriLength(32))
                        .refused(ProtocolError.URI_TOO_LONG),
                row("body at the limit", head("POST / HTTP/1.1", "Host: x", "Content-Length: 16") + repeat('z', 16))
                        .with("maxRequestBodySize=16", b -> b.maxRequestBodySize(16))
                        .responds(200, "body-length: 16\n").keepsAlive().handled("POST /"),
                row("body over the limit by Content-Length -> 413",
                        head("POST / HTTP/1.1", "Host: x", "Content-Length: 17") + repeat('z', 17))
                        .with("maxRequestBodySize=16", b -> b.maxRequestBodySize(16))
                        .refused(ProtocolError.BODY_TOO_LARGE),
                row("Content-Length of Long.MAX_VALUE -> 413",
                        head("POST / HTTP/1.1", "Host: x", "Content-Length: 9223372036854775807") + "abc")
                        .refused(ProtocolError.BODY_TOO_LARGE),
                row("chunked body at the limit",
                        head("POST / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked") + "8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n")
                        .with("maxRequestBodySize=16", b -> b.maxRequestBodySize(16))
                        .responds(200, "body-length: 16\n").keepsAlive().handled("POST /"),
                row("body over the limit by chunked sum -> 413",
                        head("POST / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked")
                                + "a\r\n0123456789\r\na\r\n0123456789\r\n0\r\n\r\n")
                        .with("maxRequestBodySize=16", b -> b.maxRequestBodySize(16))
                        .refused(ProtocolError.BODY_TOO_LARGE),
                row("one huge chunk size (15 hex digits) -> 413",
                        head("POST / HTTP/1.1", "Host: x", "Transfer-Encoding: chunked") + "fffffffffffffff\r\nabc\r\n0\r\n\r\n")
                        .refused(ProtocolError.BODY_TOO_LARGE));
    }

    /** A recognisable body: no run of it repeats at a shorter period, so a misplaced byte shows. */
    private static String bigBody(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; sb.length() < length; i++) {
            sb.append(i).append(',');
        }
        return sb.substring(0, length);
    }

    /** A GET head of exactly {@code size} bytes, padded with one header. */
    private static String exactHead(int size) {
        String base = head("GET / HTTP/1.1", "Host: x", "X-Pad: ");
        return head("GET / HTTP/1.1", "Host: x", "X-Pad: " + repeat('p', size - base.length()));
    }

    // ---- path normalization (RFC 3986 5.2.4) ----------------------------------------------------

    static Stream<ProtocolCase> paths() {
        return Stream.of(
                row("percent-encoded dot segments: /a/%2e%2e/b -> /b", head("GET /a/%2e%2e/b HTTP/1.1", "Host: x"))
                        .responds(200, "path: /b\n", "uri: /a/%2e%2e/b\n").keepsAlive().handled("GET /b"),
                row("repeated slashes: //a///b -> /a/b", head("GET //a///b HTTP/1.1", "Host: x"))
                        .responds(200, "path: /a/b\n").keepsAlive().handled("GET /a/b"),
                row("dot segments: /a/./b/../c -> /a/c", head("GET /a/./b/../c HTTP/1.1", "Host: x"))
                        .responds(200, "path: /a/c\n").keepsAlive().handled("GET /a/c"),
                row("never above the root: /../../etc/passwd -> /etc/passwd", head("GET /../../etc/passwd HTTP/1.1", "Host: x"))
                        .responds(200, "path: /etc/passwd\n").keepsAlive().handled("GET /etc/passwd"),
                row("trailing dot-dot keeps the slash: /a/b/.. -> /a/", head("GET /a/b/.. HTTP/1.1", "Host: x"))
                        .responds(200, "path: /a/\n").keepsAlive().handled("GET /a/"),
                row("percent-decoding: /%7Euser/%41 -> /~user/A", head("GET /%7Euser/%41 HTTP/1.1", "Host: x"))
                        .responds(200, "path: /~user/A\n").keepsAlive().handled("GET /~user/A"),
                row("query is not normalized", head("GET /a/../b?x=/../%2e HTTP/1.1", "Host: x"))
                        .responds(200, "path: /b\n", "query: x=/../%2e\n").keepsAlive().handled("GET /b"),
                row("invalid percent-escape %zz -> 400", head("GET /a%zz HTTP/1.1", "Host: x")).refused(ProtocolError.INVALID_PATH),
                row("truncated percent-escape at the end -> 400", head("GET /a%2 HTTP/1.1", "Host: x")).refused(ProtocolError.INVALID_PATH),
                row("lone percent before the query -> 400", head("GET /a%?q HTTP/1.1", "Host: x")).refused(ProtocolError.INVALID_PATH),
                row("encoded NUL in path -> 400", head("GET /a%00b HTTP/1.1", "Host: x")).refused(ProtocolError.INVALID_PATH));
    }

    // ---- the ContinueHandler decides however the body arrives ------------------------------------

    /**
     * A body sent right after the head (RFC 9110 10.1.1 allows it) must not get past a refusal:
     * the outcome may not depend on how the bytes were split.
     */
    static Stream<ProtocolCase> continueRefusals() {
        return Stream.of(
                row("ContinueHandler refusing: 417 however the body arrives",
                        head("POST /e HTTP/1.1", "Host: x", "Expect: 100-continue", "Content-Length: 5") + "hello")
                        .with("continueHandler refuses", b -> b.continueHandler(ctx -> false))
                        .refused(ProtocolError.EXPECTATION_FAILED));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("continueRefusals")
    void continueRefusalsInMemory(ProtocolCase c) throws Exception {
        c.runInMemory();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("continueRefusals")
    void continueRefusalsOverSocket(ProtocolCase c) throws Exception {
        c.runOverSocket();
    }

    // ---- beyond the table: exchanges that need more than one write ------------------------------

    /** RFC 9110 10.1.1: the server answers 100 when the head is complete and waits for the body. */
    @Test
    void expectContinueIsSentBeforeTheBodyOverASocket() throws Exception {
        Server server = TestServers.start(TestServers.describing(), b -> b.logger(TestServers.QUIET));
        try (RawConnection c = new RawConnection(server.port())) {
            c.send(head("POST /e HTTP/1.1", "Host: x", "Expect: 100-continue", "Content-Length: 5"));
            RawResponse interim = c.read();
            assertThat(interim.status()).isEqualTo(100);
            c.send("hello");
            RawResponse response = c.read();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).contains("body: hello\n");
        } finally {
            server.shutdown(Duration.ofSeconds(10));
        }
    }

    /** Keep-alive reuse where each request waits for the previous response, not pipelined. */
    @Test
    void keepAliveReuseOneRequestAtATime() throws Exception {
        Server server = TestServers.start(TestServers.describing(), b -> b.logger(TestServers.QUIET));
        try (RawConnection c = new RawConnection(server.port())) {
            for (int i = 0; i < 5; i++) {
                RawResponse r = c.send(head("GET /" + i + " HTTP/1.1", "Host: x")).read();
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.bodyText()).contains("path: /" + i + "\n");
                assertThat(r.header("Connection")).isNull();
            }
        } finally {
            server.shutdown(Duration.ofSeconds(10));
        }
    }
}
