package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.http.ProtocolError;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChunkedDecoderTest {

    private static final long MAX_BODY = 1 << 20;
    private static final int MAX_TRAILER = 1024;
    /** The head before the body, which decoding must not touch. */
    private static final String HEAD = "POST / HTTP/1.1\r\n\r\n";
    /** A pipelined request after the body, which decoding must leave where it is. */
    private static final String NEXT = "GET /next HTTP/1.1\r\n\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The outcome of decoding: where the body ended (or why not), and the decoded bytes. */
    private record Outcome(int end, ProtocolError error, String body) {
        static Outcome ok(String encoded, String body) {
            return new Outcome(HEAD.length() + encoded.length(), null, body);
        }

        static Outcome error(ProtocolError e) {
            return new Outcome(ChunkedDecoder.ERROR, e, null);
        }
    }

    private static Outcome outcome(ChunkedDecoder d, byte[] buf, int r) {
        if (r == ChunkedDecoder.ERROR) {
            return new Outcome(r, d.error(), null);
        }
        if (r == ChunkedDecoder.NEED_MORE) {
            return new Outcome(r, null, null);
        }
        String head = new String(buf, 0, HEAD.length(), StandardCharsets.ISO_8859_1);
        assertThat(head).as("head bytes").isEqualTo(HEAD);
        assertThat(d.readPos()).isEqualTo(r);
        assertThat(d.decodedLength()).isEqualTo(d.writePos() - HEAD.length());
        return new Outcome(r, null, new String(buf, HEAD.length(), d.writePos() - HEAD.length(), StandardCharsets.ISO_8859_1));
    }

    /** Decodes {@code HEAD + encoded + NEXT} in one call. */
    private static Outcome whole(String encoded, long maxBody, int maxTrailer) {
        byte[] buf = bytes(HEAD + encoded + NEXT);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        int r = d.decode(buf, buf.length, maxBody, maxTrailer);
        Outcome o = outcome(d, buf, r);
        if (r >= 0) {
            assertThat(new String(buf, r, NEXT.length(), StandardCharsets.ISO_8859_1)).as("bytes after the body").isEqualTo(NEXT);
        }
        return o;
    }

    /** Decodes the body delivered one byte at a time, from a first read of {@code firstCut} bytes. */
    private static Outcome growing(String encoded, int firstCut, long maxBody, int maxTrailer) {
        byte[] buf = bytes(HEAD + encoded);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        int end = HEAD.length() + firstCut;
        int r = d.decode(buf, end, maxBody, maxTrailer);
        while (r == ChunkedDecoder.NEED_MORE && end < buf.length) {
            r = d.decode(buf, ++end, maxBody, maxTrailer);
        }
        return outcome(d, buf, r);
    }

    /**
     * Decodes the body arriving in reads of {@code readSize} bytes into a buffer that is
     * reclaimed after every read, as a connection short of room would do.
     */
    private static Outcome reclaiming(String encoded, int readSize, long maxBody, int maxTrailer) {
        byte[] input = bytes(encoded);
        byte[] buf = new byte[HEAD.length() + input.length];
        System.arraycopy(bytes(HEAD), 0, buf, 0, HEAD.length());
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        int end = HEAD.length();
        int fed = 0;
        int r = ChunkedDecoder.NEED_MORE;
        while (r == ChunkedDecoder.NEED_MORE && fed < input.length) {
            int n = Math.min(readSize, input.length - fed);
            System.arraycopy(input, fed, buf, end, n);
            fed += n;
            end += n;
            r = d.decode(buf, end, maxBody, maxTrailer);
            if (r == ChunkedDecoder.NEED_MORE) {
                end = d.reclaim(buf, end);
                // Framing is gone; only trailer lines already read may remain, kept with the rest.
                assertThat(d.readPos() - d.writePos()).isBetween(0, maxTrailer);
            }
        }
        return outcome(d, buf, r);
    }

    // ---------------------------------------------------------------- valid bodies

    static Stream<Arguments> validBodies() {
        return Stream.of(
                Arguments.of("empty body", "0\r\n\r\n", ""),
                Arguments.of("single chunk", "5\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("multiple chunks", "5\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\n\r\n", "hello world"),
                Arguments.of("upper-case hex", "A\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
                Arguments.of("lower-case hex", "a\r\n0123456789\r\n0\r\n\r\n", "0123456789"),
                Arguments.of("two-digit size", "1a\r\n" + "x".repeat(26) + "\r\n0\r\n\r\n", "x".repeat(26)),
                Arguments.of("leading zeros", "0005\r\nhello\r\n000\r\n\r\n", "hello"),
                Arguments.of("fifteen digits", "000000000000005\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("data holding CRLF", "4\r\n\r\n\r\n\r\n0\r\n\r\n", "\r\n\r\n"),
                Arguments.of("data looking like a chunk", "8\r\n0\r\n\r\nxyz\r\n0\r\n\r\n", "0\r\n\r\nxyz"),
                Arguments.of("binary data", "4\r\n\u0000\u00ff\n\r\r\n0\r\n\r\n", "\u0000\u00ff\n\r"),
                Arguments.of("extension", "5;name=value\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("extension without value", "5;flag\r\nhello\r\n0;last\r\n\r\n", "hello"),
                Arguments.of("several extensions", "5;a=1;b=\"two words\"\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("whitespace before extension", "5 ;a=1\r\nhello\r\n0\t;x\r\n\r\n", "hello"),
                Arguments.of("whitespace after size", "5 \r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("extension with obs-text", "5;x=\u00e9\r\nhello\r\n0\r\n\r\n", "hello"),
                Arguments.of("one trailer", "5\r\nhello\r\n0\r\nExpires: never\r\n\r\n", "hello"),
                Arguments.of("several trailers", "5\r\nhello\r\n0\r\nA: 1\r\nB: two\r\nC:\r\n\r\n", "hello"),
                Arguments.of("trailer with obs-text", "1\r\nx\r\n0\r\nX: caf\u00e9\r\n\r\n", "x"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validBodies")
    void decodesInPlace(String label, String encoded, String body) {
        assertThat(whole(encoded, MAX_BODY, MAX_TRAILER)).isEqualTo(Outcome.ok(encoded, body));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validBodies")
    void decodesWhateverTheFirstSplitThenByteByByte(String label, String encoded, String body) {
        for (int cut = 0; cut <= encoded.length(); cut++) {
            assertThat(growing(encoded, cut, MAX_BODY, MAX_TRAILER)).as("first read of %d bytes", cut)
                    .isEqualTo(Outcome.ok(encoded, body));
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("validBodies")
    void decodesWithReclaimBetweenReads(String label, String encoded, String body) {
        for (int readSize = 1; readSize <= encoded.length(); readSize++) {
            Outcome o = reclaiming(encoded, readSize, MAX_BODY, MAX_TRAILER);
            assertThat(o.error()).as("reads of %d bytes", readSize).isNull();
            assertThat(o.body()).as("reads of %d bytes", readSize).isEqualTo(body);
        }
    }

    @Test
    void everyPrefixNeedsMore() {
        String encoded = "5;e=1\r\nhello\r\n3\r\nabc\r\n0\r\nT: v\r\n\r\n";
        byte[] buf = bytes(HEAD + encoded);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        for (int end = HEAD.length(); end < buf.length; end++) {
            assertThat(d.decode(buf, end, MAX_BODY, MAX_TRAILER)).as("prefix of %d bytes", end - HEAD.length())
                    .isEqualTo(ChunkedDecoder.NEED_MORE);
            assertThat(d.readPos()).isEqualTo(end);
        }
        assertThat(d.decode(buf, buf.length, MAX_BODY, MAX_TRAILER)).isEqualTo(buf.length);
    }

    @Test
    void decodedLengthGrowsWithTheData() {
        String encoded = "5\r\nhello\r\n3\r\nabc\r\n0\r\n\r\n";
        byte[] buf = bytes(HEAD + encoded);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        int[] ends = {2, 3, 5, 8, 13, 14, 16, 18};
        long[] expected = {0, 0, 2, 5, 5, 6, 8, 8};
        for (int i = 0; i < ends.length; i++) {
            d.decode(buf, HEAD.length() + ends[i], MAX_BODY, MAX_TRAILER);
            assertThat(d.decodedLength()).as("after %d bytes", ends[i]).isEqualTo(expected[i]);
            assertThat(d.writePos() - HEAD.length()).isEqualTo((int) expected[i]);
        }
    }

    @Test
    void reclaimMovesTheUndecodedBytesDown() {
        String encoded = "5\r\nhello\r\n5\r\nworld\r\n0\r\n\r\n";
        byte[] buf = new byte[64];
        byte[] first = bytes(HEAD + "5\r\nhello\r\n5\r\nwo");
        System.arraycopy(first, 0, buf, 0, first.length);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        assertThat(d.decode(buf, first.length, MAX_BODY, MAX_TRAILER)).isEqualTo(ChunkedDecoder.NEED_MORE);
        assertThat(d.writePos()).isEqualTo(HEAD.length() + "hellowo".length());
        int end = d.reclaim(buf, first.length);
        assertThat(end).isEqualTo(d.writePos()); // everything read was decoded: nothing to move
        byte[] rest = bytes("rld\r\n0\r\n\r\n" + NEXT);
        System.arraycopy(rest, 0, buf, end, rest.length);
        end += rest.length;
        int r = d.decode(buf, end, MAX_BODY, MAX_TRAILER);
        assertThat(r).isEqualTo(end - NEXT.length());
        assertThat(new String(buf, HEAD.length(), d.writePos() - HEAD.length(), StandardCharsets.US_ASCII)).isEqualTo("helloworld");
        assertThat(new String(buf, r, NEXT.length(), StandardCharsets.US_ASCII)).isEqualTo(NEXT);
        assertThat(encoded).isNotEmpty();
    }

    @Test
    void reclaimKeepsAPartialSizeLine() {
        byte[] buf = new byte[64];
        byte[] first = bytes(HEAD + "3\r\nabc\r\n1");
        System.arraycopy(first, 0, buf, 0, first.length);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        assertThat(d.decode(buf, first.length, MAX_BODY, MAX_TRAILER)).isEqualTo(ChunkedDecoder.NEED_MORE);
        int end = d.reclaim(buf, first.length);
        assertThat(end).isEqualTo(HEAD.length() + 3); // "abc" decoded, the "1" consumed into the size
        byte[] rest = bytes("0\r\n" + "z".repeat(16) + "\r\n0\r\n\r\n");
        System.arraycopy(rest, 0, buf, end, rest.length);
        end += rest.length;
        assertThat(d.decode(buf, end, MAX_BODY, MAX_TRAILER)).isEqualTo(end);
        assertThat(new String(buf, HEAD.length(), d.writePos() - HEAD.length(), StandardCharsets.US_ASCII))
                .isEqualTo("abc" + "z".repeat(16));
    }

    @Test
    void shiftAfterCompaction() {
        byte[] buf = new byte[64];
        byte[] first = bytes("junk" + "3\r\nab");
        System.arraycopy(first, 0, buf, 0, first.length);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(4);
        assertThat(d.decode(buf, first.length, MAX_BODY, MAX_TRAILER)).isEqualTo(ChunkedDecoder.NEED_MORE);
        System.arraycopy(buf, 4, buf, 0, first.length - 4);
        d.shift(4);
        int end = first.length - 4;
        assertThat(d.writePos()).isEqualTo(2);
        assertThat(d.readPos()).isEqualTo(end);
        byte[] rest = bytes("c\r\n0\r\n\r\n");
        System.arraycopy(rest, 0, buf, end, rest.length);
        end += rest.length;
        assertThat(d.decode(buf, end, MAX_BODY, MAX_TRAILER)).isEqualTo(end);
        assertThat(new String(buf, 0, d.writePos(), StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void resetStartsAFreshBody() {
        ChunkedDecoder d = new ChunkedDecoder();
        byte[] bad = bytes("zz");
        d.reset(0);
        assertThat(d.decode(bad, 2, MAX_BODY, MAX_TRAILER)).isEqualTo(ChunkedDecoder.ERROR);
        byte[] good = bytes("2\r\nok\r\n0\r\n\r\n");
        d.reset(0);
        assertThat(d.error()).isNull();
        assertThat(d.decode(good, good.length, MAX_BODY, MAX_TRAILER)).isEqualTo(good.length);
        assertThat(d.decodedLength()).isEqualTo(2);
    }

    // ---------------------------------------------------------------- errors

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("empty size line", "\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("non-hex size", "g\r\nx\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("non-hex after digits", "5x\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("0x prefix", "0x5\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("negative size", "-5\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("plus sign", "+5\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("leading space", " 5\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("extension without size", ";x\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("sixteen digits", "0000000000000005\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("huge size", "fffffffffffffffff\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare LF after size", "5\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare CR after size", "5\rhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("CR CR LF after size", "5\r\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare LF after extension", "5;a=b\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("control in extension", "5;a=\u0001\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("NUL in extension", "5;\u0000\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("extension over the line limit", "5;" + "x".repeat(5000) + "\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("missing CRLF after data", "5\r\nhelloX\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("data longer than its size", "3\r\nhello\r\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare LF after data", "5\r\nhello\n0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare CR after data", "5\r\nhello\r0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("CRLF missing before last chunk", "5\r\nhello0\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare LF ending the body", "0\r\n\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare CR ending the body", "0\r\n\rX", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare LF ending a trailer", "0\r\nA: b\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("bare CR in a trailer", "0\r\nA: b\rC: d\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("control in a trailer", "0\r\nA: \u0001\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("control starting a trailer", "0\r\n\u0001A: b\r\n\r\n", ProtocolError.INVALID_CHUNK),
                Arguments.of("trailer obs-fold with space", "0\r\nA: b\r\n c\r\n\r\n", ProtocolError.OBSOLETE_LINE_FOLDING),
                Arguments.of("trailer obs-fold with tab", "0\r\nA: b\r\n\tc\r\n\r\n", ProtocolError.OBSOLETE_LINE_FOLDING),
                Arguments.of("whitespace starting the trailers", "0\r\n A: b\r\n\r\n", ProtocolError.OBSOLETE_LINE_FOLDING));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {2}")
    @MethodSource("invalidBodies")
    void refusedWhateverTheSplit(String label, String encoded, ProtocolError expected) {
        assertThat(whole(encoded, MAX_BODY, MAX_TRAILER)).isEqualTo(Outcome.error(expected));
        for (int cut = 0; cut <= Math.min(encoded.length(), 64); cut++) {
            assertThat(growing(encoded, cut, MAX_BODY, MAX_TRAILER)).as("first read of %d bytes", cut)
                    .isEqualTo(Outcome.error(expected));
        }
    }

    @Test
    void chunkSizeFollowedByAnotherNumberIsRefused() {
        // "5 5" must not be read as 5 (with an extension "5") by one parser and 0x55 by another:
        // after the size and optional whitespace only ';' or CRLF may follow.
        assertThat(whole("5 5\r\nhello\r\n0\r\n\r\n", MAX_BODY, MAX_TRAILER)).isEqualTo(Outcome.error(ProtocolError.INVALID_CHUNK));
        assertThat(whole("5\tx\r\nhello\r\n0\r\n\r\n", MAX_BODY, MAX_TRAILER)).isEqualTo(Outcome.error(ProtocolError.INVALID_CHUNK));
    }

    @Test
    void bodyOverTheLimit() {
        String encoded = "6\r\nabcdef\r\n5\r\nghijk\r\n0\r\n\r\n";
        assertThat(whole(encoded, 11, MAX_TRAILER)).isEqualTo(Outcome.ok(encoded, "abcdefghijk"));
        assertThat(whole(encoded, 10, MAX_TRAILER)).isEqualTo(Outcome.error(ProtocolError.BODY_TOO_LARGE));
        assertThat(whole(encoded, 5, MAX_TRAILER)).isEqualTo(Outcome.error(ProtocolError.BODY_TOO_LARGE));
        assertThat(whole("0\r\n\r\n", 0, MAX_TRAILER)).isEqualTo(Outcome.ok("0\r\n\r\n", ""));
        assertThat(whole("1\r\nx\r\n0\r\n\r\n", 0, MAX_TRAILER)).isEqualTo(Outcome.error(ProtocolError.BODY_TOO_LARGE));
    }

    @Test
    void bodyOverTheLimitIsRefusedOnTheSizeLineBeforeTheDataArrives() {
        String encoded = "ffffff\r\n"; // 16 MiB announced, no data yet
        byte[] buf = bytes(HEAD + encoded);
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(HEAD.length());
        assertThat(d.decode(buf, buf.length, 1000, MAX_TRAILER)).isEqualTo(ChunkedDecoder.ERROR);
        assertThat(d.error()).isEqualTo(ProtocolError.BODY_TOO_LARGE);
    }

    @Test
    void bodyOverTheLimitWhateverTheSplit() {
        String encoded = "6\r\nabcdef\r\n5\r\nghijk\r\n0\r\n\r\n";
        for (int cut = 0; cut <= encoded.length(); cut++) {
            assertThat(growing(encoded, cut, 10, MAX_TRAILER)).isEqualTo(Outcome.error(ProtocolError.BODY_TOO_LARGE));
            assertThat(growing(encoded, cut, 11, MAX_TRAILER)).isEqualTo(Outcome.ok(encoded, "abcdefghijk"));
        }
    }

    @Test
    void trailersOverTheLimit() {
        String encoded = "1\r\nx\r\n0\r\nX-Long: " + "v".repeat(100) + "\r\n\r\n";
        assertThat(whole(encoded, MAX_BODY, 50)).isEqualTo(Outcome.error(ProtocolError.HEADERS_TOO_LARGE));
        assertThat(whole(encoded, MAX_BODY, 500)).isEqualTo(Outcome.ok(encoded, "x"));
        for (int cut = 0; cut <= encoded.length(); cut++) {
            assertThat(growing(encoded, cut, MAX_BODY, 50)).isEqualTo(Outcome.error(ProtocolError.HEADERS_TOO_LARGE));
        }
    }

    @Test
    void manySmallTrailersCountTogether() {
        String encoded = "0\r\n" + "A: b\r\n".repeat(100) + "\r\n";
        assertThat(whole(encoded, MAX_BODY, 200)).isEqualTo(Outcome.error(ProtocolError.HEADERS_TOO_LARGE));
        assertThat(whole(encoded, MAX_BODY, 1000)).isEqualTo(Outcome.ok(encoded, ""));
    }

    @Test
    void trailerLimitOfZeroStillAllowsTheFinalEmptyLine() {
        assertThat(whole("0\r\n\r\n", MAX_BODY, 1)).isEqualTo(Outcome.ok("0\r\n\r\n", ""));
    }

    @Test
    void errorStopsAtTheBadByte() {
        byte[] buf = bytes("5\r\nhelloXYZ");
        ChunkedDecoder d = new ChunkedDecoder();
        d.reset(0);
        assertThat(d.decode(buf, buf.length, MAX_BODY, MAX_TRAILER)).isEqualTo(ChunkedDecoder.ERROR);
        assertThat(d.error()).isEqualTo(ProtocolError.INVALID_CHUNK);
    }
}
