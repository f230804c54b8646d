package dev.fasthttp.benchmarks.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every server and client of {@link UploadBenchmark}, once each with a few MiB: the server counts
 * what arrived and the client checks it, twice on one connection (the second upload finds the
 * connection kept alive), then an empty body.
 */
class UploadPathsTest {

    private static final long SIZE = 3L << 20;

    @ParameterizedTest(name = "{0} server, {1} client")
    @CsvSource({"fasthttp, raw", "fasthttp, jdk", "fasthttp, fasthttp", "fasthttp-receiver, raw", "fasthttp-receiver, jdk", "netty, raw", "netty, jdk", "netty, fasthttp",
            "netty-count-only, raw", "netty-count-only, jdk"})
    void uploadsAreCountedWhole(String server, String client) throws Exception {
        try (UploadServer s = UploadServer.start(server); UploadClient c = UploadClient.open(client, s.port())) {
            assertThat(c.upload(SIZE)).isEqualTo(SIZE);
            assertThat(c.upload(SIZE + 1)).isEqualTo(SIZE + 1);
            assertThat(c.upload(0)).isZero();
        }
    }

    @Test
    void aWrongCountFailsTheUpload() {
        assertThatThrownBy(() -> UploadClient.check(200, 41, 42)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("41 bytes received");
        assertThatThrownBy(() -> UploadClient.check(413, 42, 42)).isInstanceOf(IllegalStateException.class);
    }
}
