package dev.fasthttp.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BytePipeTest {

    /** A small ring, odd-sized writes and reads: every byte arrives once, in order, across many wrap-arounds. */
    @Test
    void carriesEveryByteInOrderBetweenTwoThreads() throws Exception {
        BytePipe pipe = new BytePipe(64);
        int total = 1 << 20;
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            SplittableRandom random = new SplittableRandom(1);
            byte[] chunk = new byte[200];
            int sent = 0;
            try {
                while (sent < total) {
                    int n = Math.min(total - sent, 1 + random.nextInt(chunk.length));
                    for (int i = 0; i < n; i++) {
                        chunk[i] = (byte) (sent + i);
                    }
                    if (random.nextBoolean()) {
                        pipe.write(chunk, 0, n);
                    } else {
                        pipe.write(ByteBuffer.wrap(chunk, 0, n));
                    }
                    sent += n;
                }
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
            pipe.close();
        });

        SplittableRandom random = new SplittableRandom(2);
        byte[] dst = new byte[150];
        ByteBuffer direct = ByteBuffer.allocateDirect(150);
        long received = 0;
        boolean inOrder = true;
        while (true) {
            int want = 1 + random.nextInt(dst.length);
            int n;
            if (random.nextBoolean()) {
                n = pipe.read(dst, 0, want);
            } else {
                direct.clear().limit(want);
                n = pipe.read(direct);
                direct.flip().get(dst, 0, Math.max(n, 0));
            }
            if (n < 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                inOrder &= dst[i] == (byte) (received + i);
            }
            received += n;
        }
        writer.get(30, TimeUnit.SECONDS);
        assertThat(received).isEqualTo(total);
        assertThat(inOrder).isTrue();
    }

    @Test
    void afterCloseTheReaderDrainsThenSeesEndOfStreamAndTheWriterFails() throws IOException {
        BytePipe pipe = new BytePipe(16);
        pipe.write(new byte[] {1, 2, 3}, 0, 3);
        pipe.close();
        byte[] dst = new byte[8];
        assertThat(pipe.read(dst, 0, 8)).isEqualTo(3);
        assertThat(pipe.read(dst, 0, 8)).isEqualTo(-1);
        assertThatThrownBy(() -> pipe.write(dst, 0, 1)).isInstanceOf(IOException.class);
    }

    @Test
    void capacityMustBeAPowerOfTwo() {
        assertThatThrownBy(() -> new BytePipe(100)).isInstanceOf(IllegalArgumentException.class);
    }
}
