package dev.fasthttp.benchmarks;

import java.nio.charset.StandardCharsets;

/**
 * The requests, response body and client counts of Go fasthttp's server benchmarks
 * ({@code server_timing_test.go}, fasthttp 1.31), byte for byte.
 */
public final class FasthttpRequests {

    /** {@code fakeResponse}: the GET response body, and the POST request body that is echoed. */
    public static final byte[] HELLO = ascii("Hello, world!");

    /** {@code getRequest}: 201 bytes. */
    public static final byte[] GET = ascii("GET /foobar?baz HTTP/1.1\r\nHost: google.com\r\n"
            + "User-Agent: aaa/bbb/ccc/ddd/eee Firefox Chrome MSIE Opera\r\n"
            + "Referer: http://xxx.com/aaa?bbb=ccc\r\n"
            + "Cookie: foo=bar; baz=baraz; aa=aakslsdweriwereowriewroire\r\n\r\n");

    /** {@code postRequest}: a 246-byte head and the 13-byte body {@link #HELLO}, 259 bytes. */
    public static final byte[] POST = ascii("POST /foobar?baz HTTP/1.1\r\nHost: google.com\r\n"
            + "Content-Type: foo/bar\r\nContent-Length: 13\r\n"
            + "User-Agent: Opera Chrome MSIE Firefox and other/1.2.34\r\n"
            + "Referer: http://google.com/aaaa/bbb/ccc\r\n"
            + "Cookie: foo=bar; baz=baraz; aa=aakslsdweriwereowriewroire\r\n\r\n"
            + "Hello, world!");

    /**
     * {@code defaultClientsCount = runtime.NumCPU()}. Go's NumCPU honours the affinity mask, as
     * {@link Runtime#availableProcessors()} does: 1 under {@code taskset -c 0}.
     */
    public static final int DEFAULT_CLIENTS = Runtime.getRuntime().availableProcessors();

    /** The client count of the {@code ...10KClients} variants. */
    public static final int TEN_K_CLIENTS = 10_000;

    /** Size of the engine's read buffer (its default), and of the chunks fed to the Netty peer. */
    public static final int READ_SIZE = 4096;

    private FasthttpRequests() {
    }

    public static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
