package dev.fasthttp.benchmarks;

import static dev.fasthttp.benchmarks.FasthttpRequests.GET;
import static dev.fasthttp.benchmarks.FasthttpRequests.POST;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fake connection and listener behave as fasthttp's fakeServerConn and fakeListener. */
class FakeServerConnectionTest {

    @Test
    void requestsAreFasthttpsBytes() {
        assertThat(GET).hasSize(201);
        assertThat(POST).hasSize(259);
        assertThat(new String(POST, 0, POST.length - 13, java.nio.charset.StandardCharsets.US_ASCII))
                .endsWith("\r\n\r\n").contains("Content-Length: 13\r\n");
    }

    @Test
    void aReadFillsTheBufferWithBackToBackRequestsTheLastOnePartial() {
        FakeServerConnection c = new FakeServerConnection(GET).accept(10_000);
        ByteBuffer buffer = ByteBuffer.allocate(4096);

        assertThat(c.read(buffer)).isEqualTo(4096);
        byte[] expected = repeat(GET, 4096);
        assertThat(buffer.array()).isEqualTo(expected);
        assertThat(c.requestsLeft()).isEqualTo(10_000 - 20); // 20 whole copies, the 21st cut after 76 bytes

        buffer.clear();
        assertThat(c.read(buffer)).isEqualTo(4096);
        assertThat(Arrays.copyOfRange(buffer.array(), 0, GET.length - 76))
                .isEqualTo(Arrays.copyOfRange(GET, 76, GET.length));
    }

    @Test
    void theLastReadReturnsWhatIsLeftThenEndOfStream() {
        FakeServerConnection c = new FakeServerConnection(GET).accept(2);
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        assertThat(c.read(buffer)).isEqualTo(2 * GET.length);
        assertThat(c.endOfStreamRead()).isFalse();
        assertThat(c.read(buffer)).isEqualTo(-1);
        assertThat(c.endOfStreamRead()).isTrue();

        c.accept(1); // handed out again: from the first byte
        buffer.clear();
        assertThat(c.read(buffer.limit(100))).isEqualTo(100);
        assertThat(c.read(buffer.limit(4096))).isEqualTo(GET.length - 100);
        assertThat(c.read(buffer)).isEqualTo(-1);
    }

    @Test
    void writesAreDiscardedAndCounted() {
        FakeServerConnection c = new FakeServerConnection(GET).accept(1);
        ByteBuffer out = ByteBuffer.wrap(new byte[300]);
        assertThat(c.write(out)).isEqualTo(300);
        assertThat(out.hasRemaining()).isFalse();
        assertThat(c.bytesWritten()).isEqualTo(300);
    }

    @Test
    void theListenerCyclesThroughDistinctConnections() {
        FakeListener listener = new FakeListener(GET, 10_000, 3);
        Set<FakeServerConnection> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 10_000; i++) {
            FakeServerConnection c = listener.accept();
            assertThat(c.requestsLeft()).isEqualTo(3);
            seen.add(c);
        }
        assertThat(seen).hasSize(10_000);
        assertThat(seen).contains(listener.accept()); // the ring starts over
    }

    private static byte[] repeat(byte[] request, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            out[i] = request[i % request.length];
        }
        return out;
    }
}
