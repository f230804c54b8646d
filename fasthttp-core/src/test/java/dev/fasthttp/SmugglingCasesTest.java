package dev.fasthttp;

import static dev.fasthttp.ProtocolCase.head;
import static dev.fasthttp.ProtocolCase.row;

import dev.fasthttp.http.ProtocolError;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Message framing under attack, as a table of raw-byte rows: Content-Length and
 * Transfer-Encoding (RFC 9112 6), the chunked coding (RFC 9112 7.1) and the request smuggling
 * classics (RFC 9112 11.2). Each row asserts the exact requests the handler saw, so "never two
 * requests where the sender meant one" holds in every split and over a socket, and every row's
 * input is followed by a probe request that must go unanswered after a refusal; see
 * {@link ProtocolCase}.
 */
class SmugglingCasesTest {

    /** A smuggled request, as an attacker would hide it in a body. */
    private static final String SMUGGLED = head("GET /smuggled HTTP/1.1", "Host: x");

    static Stream<ProtocolCase> rows() {
        return Stream.of(contentLength(), transferEncoding(), chunked(), classics()).flatMap(s -> s);
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

    private static String post(String... headerLines) {
        String[] lines = new String[headerLines.length + 2];
        lines[0] = "POST / HTTP/1.1";
        lines[1] = "Host: x";
        System.arraycopy(headerLines, 0, lines, 2, headerLines.length);
        return head(lines);
    }

    // ---- Content-Length (RFC 9110 8.6, RFC 9112 6.2, 6.3) ---------------------------------------

    static Stream<ProtocolCase> contentLength() {
        ProtocolError invalid = ProtocolError.INVALID_CONTENT_LENGTH;
        ProtocolError conflicting = ProtocolError.CONFLICTING_CONTENT_LENGTH;
        // RFC 9112 6.3 (5): an invalid Content-Length is an unrecoverable error: 400, then close.
        return Stream.of(
                row("differing Content-Length headers", post("Content-Length: 3", "Content-Length: 4") + "abcd").refused(conflicting),
                row("differing Content-Length headers, smaller first, request in the rest",
                        post("Content-Length: 0", "Content-Length: " + SMUGGLED.length()) + SMUGGLED).refused(conflicting),
                row("differing Content-Length list", post("Content-Length: 3, 4") + "abcd").refused(conflicting),
                row("differing Content-Length list without spaces", post("Content-Length: 3,4") + "abcd").refused(conflicting),
                row("non-numeric Content-Length", post("Content-Length: abc") + "abc").refused(invalid),
                row("signed Content-Length +3", post("Content-Length: +3") + "abc").refused(invalid),
                row("negative Content-Length -3", post("Content-Length: -3") + "abc").refused(invalid),
                row("hex Content-Length 0x3", post("Content-Length: 0x3") + "abc").refused(invalid),
                row("decimal point in Content-Length 3.0", post("Content-Length: 3.0") + "abc").refused(invalid),
                row("exponent in Content-Length 3e0", post("Content-Length: 3e0") + "abc").refused(invalid),
                row("space inside Content-Length 1 2", post("Content-Length: 1 2") + "abcdefghijkl").refused(invalid),
                row("empty Content-Length", post("Content-Length:") + "abc").refused(invalid),
                // The field is 1*DIGIT: a list with an empty element is not a repeated value.
                row("Content-Length list with an empty element 3,", post("Content-Length: 3,") + "abc").refused(invalid),
                row("Content-Length list starting empty ,3", post("Content-Length: ,3") + "abc").refused(invalid),
                row("overflowing Content-Length (20 digits)", post("Content-Length: 99999999999999999999") + "abc").refused(invalid),
                row("overflowing Content-Length (Long.MAX_VALUE + 1)", post("Content-Length: 9223372036854775808") + "abc")
                        .refused(invalid),
                row("overflowing Content-Length (40 digits)", post("Content-Length: " + "1".repeat(40)) + "abc").refused(invalid),
                row("NUL after Content-Length value", post("Content-Length: 3\u0000") + "abc").refused(ProtocolError.MALFORMED_HEADER),
                row("Content-Length : 3 (space before colon, RFC 9112 5.1)", post("Content-Length : 3") + "abc")
                        .refused(ProtocolError.MALFORMED_HEADER));
    }

    // ---- Transfer-Encoding (RFC 9112 6.1, 6.3) ---------------------------------------------------

    static Stream<ProtocolCase> transferEncoding() {
        ProtocolError invalid = ProtocolError.INVALID_TRANSFER_ENCODING;
        ProtocolError both = ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING;
        String body = "3\r\nabc\r\n0\r\n\r\n";
        return Stream.of(
                // RFC 9112 6.3 (3): both present MAY be rejected; a server that goes on must close.
                // Rejected here: either header could be the one a front end believed.
                row("Content-Length then Transfer-Encoding", post("Content-Length: 13", "Transfer-Encoding: chunked") + body)
                        .refused(both),
                row("Transfer-Encoding then Content-Length", post("Transfer-Encoding: chunked", "Content-Length: 13") + body)
                        .refused(both),
                row("Transfer-Encoding with Content-Length: 0", post("Transfer-Encoding: chunked", "Content-Length: 0") + body)
                        .refused(both),
                // RFC 9112 6.3 (4): chunked not the final coding: length unknown, 400 and close.
                row("Transfer-Encoding: gzip (not ending in chunked)", post("Transfer-Encoding: gzip") + body).refused(invalid),
                row("Transfer-Encoding: chunked, gzip", post("Transfer-Encoding: chunked, gzip") + body).refused(invalid),
                row("Transfer-Encoding: identity", post("Transfer-Encoding: identity") + body).refused(invalid),
                row("Transfer-Encoding: chunked then a gzip line",
                        post("Transfer-Encoding: chunked", "Transfer-Encoding: gzip") + body).refused(invalid),
                // RFC 9112 6.1: a sender MUST NOT apply chunked more than once.
                row("Transfer-Encoding: chunked, chunked", post("Transfer-Encoding: chunked, chunked") + body).refused(invalid),
                row("Transfer-Encoding: chunked on two lines", post("Transfer-Encoding: chunked", "Transfer-Encoding: chunked") + body)
                        .refused(invalid),
                // RFC 9112 6.1: a coding the server does not understand SHOULD get 501.
                row("Transfer-Encoding: gzip, chunked -> 501", post("Transfer-Encoding: gzip, chunked") + body)
                        .refused(ProtocolError.UNSUPPORTED_TRANSFER_ENCODING),
                row("Transfer-Encoding: gzip and chunked on two lines -> 501 (one list, RFC 9110 5.3)",
                        post("Transfer-Encoding: gzip", "Transfer-Encoding: chunked") + body)
                        .refused(ProtocolError.UNSUPPORTED_TRANSFER_ENCODING),
                row("Transfer-Encoding: empty", post("Transfer-Encoding:") + body).refused(invalid),
                // Decision: RFC 9110 5.6.1.2 asks recipients to skip empty list elements, but the
                // framing header is where parsers disagree, so only clean lists are accepted.
                row("'Transfer-Encoding: , chunked': empty list element refused (strict on purpose)",
                        post("Transfer-Encoding: , chunked") + body).refused(invalid),
                // RFC 9112 6.1: Transfer-Encoding in an HTTP/1.0 message: the framing is faulty.
                row("Transfer-Encoding in HTTP/1.0", head("POST / HTTP/1.0", "Transfer-Encoding: chunked") + body).refused(invalid),
                row("Transfer-Encoding and Content-Length in HTTP/1.0",
                        head("POST / HTTP/1.0", "Transfer-Encoding: chunked", "Content-Length: 13") + body).refused(both),

                // Obfuscated Transfer-Encoding (TE.TE). Each either is exactly "chunked" by the
                // RFC grammar, and then works, or is refused; never ignored in favour of another length.
                row("'Transfer-Encoding : chunked': space before colon is a 400 (RFC 9112 5.1)",
                        post("Transfer-Encoding : chunked") + body).refused(ProtocolError.MALFORMED_HEADER),
                row("'Transfer-Encoding : chunked' with Content-Length: still 400, never framed by Content-Length",
                        post("Content-Length: 13", "Transfer-Encoding : chunked") + body).refused(ProtocolError.MALFORMED_HEADER),
                row("'Transfer-Encoding: xchunked': unknown final coding, length unknown (RFC 9112 6.3 (4))",
                        post("Transfer-Encoding: xchunked") + body).refused(invalid),
                row("'Transfer-Encoding: xchunked' with Content-Length: both framings present",
                        post("Content-Length: 13", "Transfer-Encoding: xchunked") + body).refused(both),
                row("'Transfer-Encoding:<HTAB>chunked': HTAB is OWS (RFC 9110 5.6.3), chunked applies",
                        post("Transfer-Encoding:\tchunked") + body)
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                row("'Transfer-Encoding:<HTAB>chunked' with Content-Length: both framings present",
                        post("Content-Length: 13", "Transfer-Encoding:\tchunked") + body).refused(both),
                row("'Transfer-Encoding: chunked<SP>': trailing OWS is not part of the value, chunked applies",
                        post("Transfer-Encoding: chunked ") + body)
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                row("'Transfer-Encoding: chunked<SP>' with Content-Length: both framings present",
                        post("Transfer-Encoding: chunked ", "Content-Length: 13") + body).refused(both),
                row("'Transfer-Encoding: Chunked': coding names are case-insensitive (RFC 9112 7)",
                        post("transfer-encoding: Chunked") + body)
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                row("'Transfer-Encoding:<VT>chunked': VT is not OWS, invalid field value",
                        post("Transfer-Encoding:\u000bchunked") + body).refused(ProtocolError.MALFORMED_HEADER),
                row("'Transfer-Encoding: chunked<NUL>'", post("Transfer-Encoding: chunked\u0000") + body)
                        .refused(ProtocolError.MALFORMED_HEADER),
                row("'Transfer-Encoding: \"chunked\"': quoted, not the chunked coding",
                        post("Transfer-Encoding: \"chunked\"") + body).refused(invalid),
                row("'Transfer-Encoding: chunked;x=1': chunked takes no parameters, not the chunked coding",
                        post("Transfer-Encoding: chunked;x=1") + body).refused(invalid),
                row("'Transfer-Encoding: gzip,' folded onto ' chunked' (obs-fold, RFC 9112 5.2)",
                        post("Content-Length: 13", "Transfer-Encoding: gzip,", " chunked") + body)
                        .refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                // The empty value is refused on its own line, before the fold is looked at.
                row("'Transfer-Encoding:' empty, folded onto ' chunked'",
                        post("Content-Length: 13", "Transfer-Encoding:", " chunked") + body).refused(invalid),
                row("'Transfer_Encoding: chunked' is another field: Content-Length frames the body",
                        post("Transfer_Encoding: chunked", "Content-Length: 5") + "0\r\n\r\n")
                        .responds(200, "body-length: 5\n").keepsAlive().handled("POST /"),
                row("'Transfer-Encoding' hidden behind a bare CR", "POST / HTTP/1.1\r\nHost: x\r\nX: a\rTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 13\r\n\r\n" + body).refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("'Transfer-Encoding' hidden behind a bare LF", "POST / HTTP/1.1\r\nHost: x\r\nX: a\nTransfer-Encoding: chunked\r\n"
                        + "Content-Length: 13\r\n\r\n" + body).refused(ProtocolError.INVALID_LINE_TERMINATOR),
                row("chunked GET: a body on any method", head("GET /g HTTP/1.1", "Host: x", "Transfer-Encoding: chunked") + body)
                        .responds(200, "method: GET\n", "body: abc\n").keepsAlive().handled("GET /g"));
    }

    // ---- the chunked coding (RFC 9112 7.1) -------------------------------------------------------

    static Stream<ProtocolCase> chunked() {
        ProtocolError invalid = ProtocolError.INVALID_CHUNK;
        String te = post("Transfer-Encoding: chunked");
        return Stream.of(
                row("chunk size not hex", te + "zz\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("chunk size missing", te + "\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("chunk size missing, extension only", te + ";ext\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("negative chunk size", te + "-3\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("signed chunk size +3", te + "+3\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("chunk size 0x3", te + "0x3\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("chunk size with too many digits (17)", te + "10000000000000000\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("chunk size overflowing 64 bits (16 f)", te + "ffffffffffffffff\r\nabc\r\n0\r\n\r\n").refused(invalid),
                // RFC 9112 7.1: recipients must guard against overflow; the digit cap counts
                // leading zeros too, so an absurdly padded size is refused rather than parsed.
                row("chunk size padded to 16 digits with zeros", te + "0000000000000003\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("missing CRLF after chunk data", te + "3\r\nabcX\r\n0\r\n\r\n").refused(invalid),
                row("chunk data longer than its size", te + "3\r\nabcdef\r\n0\r\n\r\n").refused(invalid),
                row("chunk data shorter than its size", te + "5\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("missing last chunk: body ends at empty line", te + "3\r\nabc\r\n\r\n").refused(invalid),
                row("bare LF after chunk size", te + "3\nabc\r\n0\r\n\r\n").refused(invalid),
                row("bare LF after chunk data", te + "3\r\nabc\n0\r\n\r\n").refused(invalid),
                row("bare LF after last chunk", te + "3\r\nabc\r\n0\n\r\n").refused(invalid),
                row("bare LF as the final empty line", te + "3\r\nabc\r\n0\r\n\n").refused(invalid),
                row("bare CR after chunk size", te + "3\rabc\r\n0\r\n\r\n").refused(invalid),
                row("bare CR inside chunk extension", te + "3;a\rb\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("bare LF inside chunk extension", te + "3;a\nb\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("NUL inside chunk extension", te + "3;a\u0000b\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("bare LF inside a trailer", te + "0\r\nX: y\n\r\n").refused(invalid),
                row("obs-fold in trailers", te + "0\r\nX: y\r\n z\r\n\r\n").refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                row("NUL in a trailer value", te + "0\r\nX: a\u0000b\r\n\r\n").refused(invalid),
                // RFC 9112 7.1.1: chunk-ext = *( BWS ";" BWS name [ BWS "=" BWS value ] ).
                row("BWS before chunk extension accepted", te + "3 ;a=b\r\nabc\r\n0\t;c\r\n\r\n")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                // Whitespace then CRLF is not in the grammar but cannot change the size: tolerated.
                row("trailing whitespace after chunk size tolerated", te + "3 \r\nabc\r\n0\t\r\n\r\n")
                        .responds(200, "body: abc\n").keepsAlive().handled("POST /"),
                // After the size, only BWS then ';' or CRLF: "3 5" must not be read as 3 by us and
                // 0x35 (or 0x3) by someone else.
                row("two numbers in the chunk-size line '3 5'", te + "3 5\r\nabc\r\n0\r\n\r\n").refused(invalid),
                row("junk after chunk size and space", te + "3 junk\r\nabc\r\n0\r\n\r\n").refused(invalid),
                // RFC 9112 7.1.2: trailer-section = *( field-line CRLF ); a line that is not a
                // field line is invalid, not data to skip.
                row("trailer line without colon", te + "0\r\nnot a field\r\n\r\n").refused(invalid),
                row("trailer with space before colon (RFC 9112 5.1)", te + "0\r\nX : y\r\n\r\n").refused(invalid),
                row("trailers past the header size limit -> 431",
                        te + "0\r\nX-Big: " + "t".repeat(300) + "\r\n\r\n")
                        .with("maxRequestHeaderSize=256", b -> b.maxRequestHeaderSize(256))
                        .refused(ProtocolError.HEADERS_TOO_LARGE),
                // Framing is reclaimed as it is decoded: extensions far larger than the body
                // limit (each line under the 4 KiB size-line bound) do not count as body.
                row("chunk extensions totalling 30 KB around a 10-byte body",
                        te + ("1;e=" + "x".repeat(3000) + "\r\nz\r\n").repeat(10) + "0\r\n\r\n")
                        .with("maxRequestBodySize=16", b -> b.maxRequestBodySize(16))
                        .responds(200, "body: zzzzzzzzzz\n").keepsAlive().handled("POST /"),
                row("chunk-size line over 4 KiB of extension", te + "1;e=" + "x".repeat(5000) + "\r\nz\r\n0\r\n\r\n")
                        .refused(invalid),
                row("many trailers", te + "0\r\nA: 1\r\nB: 2\r\nC:\r\nD:\t4 \r\n\r\n")
                        .responds(200, "body-length: 0\n").keepsAlive().handled("POST /"),
                row("chunked body, then a pipelined request", te + "3\r\nabc\r\n0\r\nT: v\r\n\r\n" + head("GET /next HTTP/1.1", "Host: x"))
                        .responds(200, "body: abc\n").responds(200, "path: /next\n").keepsAlive().handled("POST /", "GET /next"));
    }

    // ---- request smuggling classics (RFC 9112 11.2) ----------------------------------------------

    static Stream<ProtocolCase> classics() {
        return Stream.of(
                // CL.TE: a front end framing by Content-Length forwards "0\r\n\r\nG" as the body; a
                // back end framing by chunked would see the body end at "0\r\n\r\n" and take the "G"
                // as the start of the next request.
                row("CL.TE classic", post("Content-Length: 6", "Transfer-Encoding: chunked") + "0\r\n\r\nG")
                        .refused(ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
                row("CL.TE with a whole request after the last chunk",
                        post("Content-Length: " + (5 + SMUGGLED.length()), "Transfer-Encoding: chunked") + "0\r\n\r\n" + SMUGGLED)
                        .refused(ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
                // TE.CL: a front end framing by chunked forwards the whole body; a back end framing by
                // Content-Length: 4 would stop after "5c\r\n" and serve the rest as a request.
                row("TE.CL classic", post("Content-Length: 4", "Transfer-Encoding: chunked")
                        + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n")
                        .refused(ProtocolError.CONTENT_LENGTH_WITH_TRANSFER_ENCODING),
                row("TE.TE: chunked, then an obfuscated second Transfer-Encoding",
                        post("Transfer-Encoding: chunked", "Transfer-encoding: cow", "Content-Length: 4") + "5c\r\n")
                        .refused(ProtocolError.INVALID_TRANSFER_ENCODING),
                row("request hidden in a Content-Length body stays body",
                        post("Content-Length: " + SMUGGLED.length()) + SMUGGLED)
                        .responds(200, "body-length: " + SMUGGLED.length() + "\n", "body: GET /smuggled HTTP/1.1")
                        .keepsAlive().handled("POST /"),
                row("request hidden in a chunked body stays body",
                        post("Transfer-Encoding: chunked") + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n")
                        .responds(200, "body-length: " + SMUGGLED.length() + "\n", "body: GET /smuggled HTTP/1.1")
                        .keepsAlive().handled("POST /"),
                row("request split over two chunks stays body",
                        post("Transfer-Encoding: chunked") + "4\r\nGET \r\n" + Integer.toHexString(SMUGGLED.length() - 4) + "\r\n"
                                + SMUGGLED.substring(4) + "\r\n0\r\n\r\n")
                        .responds(200, "body: GET /smuggled HTTP/1.1").keepsAlive().handled("POST /"),
                row("request hidden in an HTTP/1.0 body stays body, then close",
                        head("POST / HTTP/1.0", "Content-Length: " + SMUGGLED.length()) + SMUGGLED)
                        .responds(200, "body: GET /smuggled HTTP/1.1").closes().handled("POST /"),
                row("request hidden where trailers go (no empty line after the last chunk)",
                        post("Transfer-Encoding: chunked") + "0\r\n" + SMUGGLED)
                        .refused(ProtocolError.INVALID_CHUNK),
                row("request after a bare-LF chunked body is never served",
                        post("Transfer-Encoding: chunked") + "0\n\n" + SMUGGLED)
                        .refused(ProtocolError.INVALID_CHUNK),
                row("Content-Length hidden in an obs-fold",
                        post("X-A: b", " Content-Length: " + SMUGGLED.length()) + SMUGGLED)
                        .refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                row("Transfer-Encoding on a whitespace-led first line",
                        "POST / HTTP/1.1\r\n Transfer-Encoding: chunked\r\nHost: x\r\nContent-Length: 5\r\n\r\n0\r\n\r\n")
                        .refused(ProtocolError.OBSOLETE_LINE_FOLDING),
                row("exact Content-Length then a pipelined request: two requests meant, two served",
                        post("Content-Length: 5") + "hello" + head("GET /second HTTP/1.1", "Host: x"))
                        .responds(200, "body: hello\n").responds(200, "path: /second\n")
                        .keepsAlive().handled("POST /", "GET /second"),
                row("a refused request's body is never parsed as requests",
                        post("Content-Length: 1", "Content-Length: 2") + SMUGGLED + SMUGGLED)
                        .refused(ProtocolError.CONFLICTING_CONTENT_LENGTH));
    }
}
