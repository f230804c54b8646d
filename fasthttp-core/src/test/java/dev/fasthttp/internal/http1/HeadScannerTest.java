package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.http.ProtocolError;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HeadScannerTest {

    private static final int MAX_HEADER = 8192;
    private static final int MAX_URI = 4096;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Outcome of a scan: the head end, or the error. */
    private record Outcome(int end, ProtocolError error) {
        static Outcome of(HeadScanner scanner, int result) {
            return new Outcome(result, result == HeadScanner.ERROR ? scanner.error() : null);
        }
    }

    private static Outcome whole(byte[] b, int maxHeader, int maxUri) {
        HeadScanner s = new HeadScanner();
        s.reset(0);
        return Outcome.of(s, s.scan(b, b.length, maxHeader, maxUri));
    }

    /**
     * Feeds growing prefixes, cut at {@code firstCut} then one byte at a time, as reads would
     * deliver them; returns the first result that is not NEED_MORE.
     */
    private static Outcome growing(byte[] b, int firstCut, int maxHeader, int maxUri) {
        HeadScanner s = new HeadScanner();
        s.reset(0);
        int r = s.scan(b, firstCut, maxHeader, maxUri);
        for (int end = firstCut + 1; r == HeadScanner.NEED_MORE && end <= b.length; end++) {
            r = s.scan(b, end, maxHeader, maxUri);
        }
        return Outcome.of(s, r);
    }

    private static Outcome inTwo(byte[] b, int cut, int maxHeader, int maxUri) {
        HeadScanner s = new HeadScanner();
        s.reset(0);
        int r = s.scan(b, cut, maxHeader, maxUri);
        if (r == HeadScanner.NEED_MORE) {
            r = s.scan(b, b.length, maxHeader, maxUri);
        }
        return Outcome.of(s, r);
    }

    static Stream<Arguments> completeHeads() {
        return Stream.of(
                Arguments.of("minimal", "GET / HTTP/1.1\r\nHost: a\r\n\r\n"),
                Arguments.of("no headers", "GET / HTTP/1.0\r\n\r\n"),
                Arguments.of("several headers", "POST /submit?x=1 HTTP/1.1\r\nHost: example.com\r\nContent-Length: 3\r\n"
                        + "Content-Type: text/plain\r\nX-Empty:\r\n\r\n"),
                Arguments.of("one leading empty line", "\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"),
                Arguments.of("three leading empty lines", "\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"),
                Arguments.of("high bytes", "GET /caf\u00e9 HTTP/1.1\r\nX: \u00ff\u0080\r\n\r\n"),
                Arguments.of("only a request line (scanner does not judge content)", "garbage\r\n\r\n"),
                Arguments.of("long header", "GET / HTTP/1.1\r\nX: " + "v".repeat(3000) + "\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("completeHeads")
    void completeHeadEndsAfterTheEmptyLine(String label, String head) {
        byte[] b = bytes(head);
        assertThat(whole(b, MAX_HEADER, MAX_URI)).isEqualTo(new Outcome(b.length, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("completeHeads")
    void bytesAfterTheHeadAreLeftAlone(String label, String head) {
        byte[] b = bytes(head + "BODY\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        assertThat(whole(b, MAX_HEADER, MAX_URI)).isEqualTo(new Outcome(head.length(), null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("completeHeads")
    void everyPrefixNeedsMoreThenTheSameEnd(String label, String head) {
        byte[] b = bytes(head);
        HeadScanner s = new HeadScanner();
        s.reset(0);
        for (int end = 0; end < b.length; end++) {
            assertThat(s.scan(b, end, MAX_HEADER, MAX_URI)).as("prefix of %d bytes", end).isEqualTo(HeadScanner.NEED_MORE);
        }
        assertThat(s.scan(b, b.length, MAX_HEADER, MAX_URI)).isEqualTo(b.length);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("completeHeads")
    void everySplitInTwoGivesTheSameEnd(String label, String head) {
        byte[] b = bytes(head);
        for (int cut = 0; cut <= b.length; cut++) {
            assertThat(inTwo(b, cut, MAX_HEADER, MAX_URI)).as("cut at %d", cut).isEqualTo(new Outcome(b.length, null));
        }
    }

    @Test
    void scanningAgainWithNoNewBytesStillNeedsMore() {
        byte[] b = bytes("GET / HTTP/1.1\r\nHost: a\r");
        HeadScanner s = new HeadScanner();
        s.reset(0);
        assertThat(s.scan(b, b.length, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
        assertThat(s.scan(b, b.length, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
    }

    @Test
    void leadingEmptyLinesAreSkipped() {
        byte[] b = bytes("\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        HeadScanner s = new HeadScanner();
        s.reset(0);
        assertThat(s.scan(b, 2, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
        assertThat(s.started(2)).isFalse();
        assertThat(s.scan(b, 4, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
        assertThat(s.started(4)).isFalse();
        assertThat(s.requestStart()).isEqualTo(4);
        assertThat(s.scan(b, 5, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
        assertThat(s.started(5)).isTrue();
        assertThat(s.scan(b, b.length, MAX_HEADER, MAX_URI)).isEqualTo(b.length);
        assertThat(s.requestStart()).isEqualTo(4);
    }

    @Test
    void startedIsFalseBeforeAnyByte() {
        HeadScanner s = new HeadScanner();
        s.reset(10);
        assertThat(s.started(10)).isFalse();
        assertThat(s.started(11)).isTrue();
        assertThat(s.requestStart()).isEqualTo(10);
    }

    static Stream<Arguments> badTerminators() {
        return Stream.of(
                Arguments.of("bare LF ending the request line", "GET / HTTP/1.1\nHost: a\r\n\r\n"),
                Arguments.of("bare LF ending a header", "GET / HTTP/1.1\r\nHost: a\n\r\n"),
                Arguments.of("bare LF as the final line", "GET / HTTP/1.1\r\nHost: a\r\n\n"),
                Arguments.of("bare LF only", "GET / HTTP/1.1\n\n"),
                Arguments.of("bare LF before the request", "\nGET / HTTP/1.1\r\n\r\n"),
                Arguments.of("LF CR", "GET / HTTP/1.1\n\r\n\r\n"),
                Arguments.of("bare CR in the request line", "GET /\r HTTP/1.1\r\n\r\n"),
                Arguments.of("bare CR ending a header", "GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n"),
                Arguments.of("bare CR as the final line", "GET / HTTP/1.1\r\nHost: a\r\n\rX"),
                Arguments.of("CR CR LF", "GET / HTTP/1.1\r\r\n\r\n"),
                Arguments.of("bare CR before the request", "\rGET / HTTP/1.1\r\n\r\n"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badTerminators")
    void bareCrOrLfIsRefusedWhateverTheSplit(String label, String head) {
        byte[] b = bytes(head);
        Outcome expected = new Outcome(HeadScanner.ERROR, ProtocolError.INVALID_LINE_TERMINATOR);
        assertThat(whole(b, MAX_HEADER, MAX_URI)).isEqualTo(expected);
        for (int cut = 0; cut <= b.length; cut++) {
            assertThat(growing(b, cut, MAX_HEADER, MAX_URI)).as("first cut at %d", cut).isEqualTo(expected);
            assertThat(inTwo(b, cut, MAX_HEADER, MAX_URI)).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void aCrAtTheEndWaitsForItsLf() {
        byte[] b = bytes("GET / HTTP/1.1\r");
        HeadScanner s = new HeadScanner();
        s.reset(0);
        assertThat(s.scan(b, b.length, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
        assertThat(s.error()).isNull();
    }

    @Test
    void requestLineOverTheUriLimitWhileItIsStillArriving() {
        int maxUri = 100;
        // method, spaces and version get 64 bytes of room beyond the URI limit
        String line = "GET /" + "a".repeat(200);
        byte[] b = bytes(line);
        HeadScanner s = new HeadScanner();
        s.reset(0);
        int r = HeadScanner.NEED_MORE;
        int end = 0;
        while (r == HeadScanner.NEED_MORE && end < b.length) {
            r = s.scan(b, ++end, MAX_HEADER, maxUri);
        }
        assertThat(r).isEqualTo(HeadScanner.ERROR);
        assertThat(s.error()).isEqualTo(ProtocolError.URI_TOO_LONG);
        assertThat(end).isEqualTo(maxUri + 64 + 1); // refused at the first byte beyond the room
    }

    @Test
    void completeRequestLineOverTheUriLimit() {
        int maxUri = 100;
        byte[] b = bytes("GET /" + "a".repeat(200) + " HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(whole(b, MAX_HEADER, maxUri)).isEqualTo(new Outcome(HeadScanner.ERROR, ProtocolError.URI_TOO_LONG));
    }

    @Test
    void requestLineFillingTheRoomExactlyIsAccepted() {
        int maxUri = 100;
        String line = "GET /" + "a".repeat(maxUri + 64 - "GET /".length() - " HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(maxUri + 64);
        byte[] b = bytes(line + "\r\nHost: a\r\n\r\n");
        for (int cut = 0; cut <= b.length; cut++) {
            assertThat(growing(b, cut, MAX_HEADER, maxUri)).as("first cut at %d", cut).isEqualTo(new Outcome(b.length, null));
            assertThat(inTwo(b, cut, MAX_HEADER, maxUri)).as("cut at %d", cut).isEqualTo(new Outcome(b.length, null));
        }
    }

    @Test
    void requestLineOneByteOverTheRoomIsRefused() {
        int maxUri = 100;
        String line = "GET /" + "a".repeat(maxUri + 65 - "GET /".length() - " HTTP/1.1".length()) + " HTTP/1.1";
        byte[] b = bytes(line + "\r\nHost: a\r\n\r\n");
        Outcome expected = new Outcome(HeadScanner.ERROR, ProtocolError.URI_TOO_LONG);
        assertThat(whole(b, MAX_HEADER, maxUri)).isEqualTo(expected);
        for (int cut = 0; cut <= b.length; cut++) {
            assertThat(growing(b, cut, MAX_HEADER, maxUri)).as("first cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void headersOverTheLimitWhileTheyAreStillArriving() {
        int maxHeader = 200;
        byte[] b = bytes("GET / HTTP/1.1\r\nX: " + "v".repeat(1000));
        HeadScanner s = new HeadScanner();
        s.reset(0);
        int r = HeadScanner.NEED_MORE;
        int end = 0;
        while (r == HeadScanner.NEED_MORE && end < b.length) {
            r = s.scan(b, ++end, maxHeader, MAX_URI);
        }
        assertThat(r).isEqualTo(HeadScanner.ERROR);
        assertThat(s.error()).isEqualTo(ProtocolError.HEADERS_TOO_LARGE);
        assertThat(end).isEqualTo(maxHeader + 1);
    }

    @Test
    void completeHeadOverTheLimit() {
        int maxHeader = 200;
        byte[] b = bytes("GET / HTTP/1.1\r\nX: " + "v".repeat(1000) + "\r\n\r\n");
        assertThat(whole(b, maxHeader, MAX_URI)).isEqualTo(new Outcome(HeadScanner.ERROR, ProtocolError.HEADERS_TOO_LARGE));
    }

    @Test
    void headOfExactlyTheLimitIsAccepted() {
        int maxHeader = 100;
        String start = "GET / HTTP/1.1\r\nX: ";
        String head = start + "v".repeat(maxHeader - start.length() - 4) + "\r\n\r\n";
        assertThat(head).hasSize(maxHeader);
        byte[] b = bytes(head);
        assertThat(whole(b, maxHeader, MAX_URI)).isEqualTo(new Outcome(b.length, null));
        for (int cut = 0; cut <= b.length; cut++) {
            assertThat(growing(b, cut, maxHeader, MAX_URI)).isEqualTo(new Outcome(b.length, null));
        }
        byte[] over = bytes(start + "v".repeat(maxHeader - start.length() - 3) + "\r\n\r\n");
        assertThat(whole(over, maxHeader, MAX_URI)).isEqualTo(new Outcome(HeadScanner.ERROR, ProtocolError.HEADERS_TOO_LARGE));
    }

    @Test
    void headerLimitHitInsideTheRequestLineIsUriTooLong() {
        // The URI limit is generous, the header limit is not: the request line alone overflows
        // the head, and the client is told its URI is too long.
        int maxHeader = 100;
        byte[] b = bytes("GET /" + "a".repeat(300));
        assertThat(growing(b, 1, maxHeader, MAX_URI)).isEqualTo(new Outcome(HeadScanner.ERROR, ProtocolError.URI_TOO_LONG));
    }

    @Test
    void headerLimitHitAfterTheRequestLineIsHeadersTooLarge() {
        int maxHeader = 100;
        byte[] b = bytes("GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(50));
        assertThat(growing(b, 1, maxHeader, MAX_URI)).isEqualTo(new Outcome(HeadScanner.ERROR, ProtocolError.HEADERS_TOO_LARGE));
    }

    static Stream<Arguments> oversizedHeads() {
        return Stream.of(
                Arguments.of("long request line, complete head", "GET /" + "a".repeat(150) + " HTTP/1.1\r\nHost: a\r\n\r\n", 100, 4096),
                Arguments.of("long request line, no headers", "GET /" + "a".repeat(150) + " HTTP/1.1\r\n\r\n", 100, 4096),
                Arguments.of("request line just over the head limit", "GET /" + "a".repeat(100 - 14) + " HTTP/1.1\r\n\r\n", 100, 4096),
                Arguments.of("request line at the head limit", "GET /" + "a".repeat(100 - 15) + " HTTP/1.1\r\n\r\n", 100, 4096),
                Arguments.of("request line over the URI room", "GET /" + "a".repeat(70) + " HTTP/1.1\r\nHost: a\r\n\r\n", 8192, 10),
                Arguments.of("headers over the limit", "GET / HTTP/1.1\r\n" + "X: y\r\n".repeat(30) + "\r\n", 100, 4096),
                Arguments.of("empty lines over the limit", "\r\n".repeat(80) + "GET / HTTP/1.1\r\n\r\n", 100, 4096));
    }

    /** Whether a head is refused, and with which status, must not depend on how it was split into reads. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("oversizedHeads")
    void limitOutcomeDoesNotDependOnTheSplit(String label, String head, int maxHeader, int maxUri) {
        byte[] b = bytes(head);
        Outcome expected = whole(b, maxHeader, maxUri);
        for (int cut = 0; cut <= b.length; cut++) {
            assertThat(growing(b, cut, maxHeader, maxUri)).as("byte by byte from %d", cut).isEqualTo(expected);
            assertThat(inTwo(b, cut, maxHeader, maxUri)).as("cut at %d", cut).isEqualTo(expected);
        }
    }

    @Test
    void manyEmptyLinesCannotBeBufferedWithoutLimit() {
        byte[] b = bytes("\r\n".repeat(1000));
        Outcome o = growing(b, 1, 100, 4096);
        assertThat(o.end()).isEqualTo(HeadScanner.ERROR);
    }

    @Test
    void shiftAfterCompaction() {
        String head = "GET /compact HTTP/1.1\r\nHost: a\r\nX: y\r\n\r\n";
        byte[] buf = new byte[256];
        byte[] previous = bytes("PREVIOUS REQUEST BYTES;");
        System.arraycopy(previous, 0, buf, 0, previous.length);
        int start = previous.length;
        byte[] h = bytes(head);
        HeadScanner s = new HeadScanner();
        s.reset(start);

        // first read: part of the head, ending inside a CRLF
        int cut = "GET /compact HTTP/1.1\r\nHost: a\r".length();
        System.arraycopy(h, 0, buf, start, cut);
        int end = start + cut;
        assertThat(s.scan(buf, end, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);

        // compaction: the unconsumed bytes move to the front
        System.arraycopy(buf, start, buf, 0, end - start);
        s.shift(start);
        end -= start;
        assertThat(s.requestStart()).isZero();
        assertThat(s.started(end)).isTrue();

        // second read: the rest
        System.arraycopy(h, cut, buf, end, h.length - cut);
        end += h.length - cut;
        assertThat(s.scan(buf, end, MAX_HEADER, MAX_URI)).isEqualTo(h.length);
    }

    @Test
    void shiftKeepsTheLimitsRelativeToTheHead() {
        int maxHeader = 60;
        byte[] buf = new byte[512];
        int start = 100;
        byte[] h = bytes("GET / HTTP/1.1\r\nX: " + "v".repeat(30));
        System.arraycopy(h, 0, buf, start, h.length);
        HeadScanner s = new HeadScanner();
        s.reset(start);
        assertThat(s.scan(buf, start + h.length, maxHeader, MAX_URI)).isEqualTo(HeadScanner.NEED_MORE);
        System.arraycopy(buf, start, buf, 0, h.length);
        s.shift(start);
        byte[] more = bytes("v".repeat(20));
        System.arraycopy(more, 0, buf, h.length, more.length);
        assertThat(s.scan(buf, h.length + more.length, maxHeader, MAX_URI)).isEqualTo(HeadScanner.ERROR);
        assertThat(s.error()).isEqualTo(ProtocolError.HEADERS_TOO_LARGE);
    }

    @Test
    void resetForTheNextPipelinedHead() {
        String first = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n";
        String second = "GET /2 HTTP/1.1\r\nHost: a\r\n\r\n";
        byte[] b = bytes(first + second);
        HeadScanner s = new HeadScanner();
        s.reset(0);
        int end1 = s.scan(b, b.length, MAX_HEADER, MAX_URI);
        assertThat(end1).isEqualTo(first.length());
        s.reset(end1);
        assertThat(s.scan(b, b.length, MAX_HEADER, MAX_URI)).isEqualTo(b.length);
        assertThat(s.requestStart()).isEqualTo(end1);
    }

    @Test
    void resetClearsAnError() {
        HeadScanner s = new HeadScanner();
        s.reset(0);
        assertThat(s.scan(bytes("GET\n"), 4, MAX_HEADER, MAX_URI)).isEqualTo(HeadScanner.ERROR);
        assertThat(s.error()).isEqualTo(ProtocolError.INVALID_LINE_TERMINATOR);
        s.reset(0);
        assertThat(s.error()).isNull();
    }
}
