package dev.fasthttp.benchmarks;

import static dev.fasthttp.benchmarks.FasthttpRequests.DEFAULT_CLIENTS;
import static dev.fasthttp.benchmarks.FasthttpRequests.GET;
import static dev.fasthttp.benchmarks.FasthttpRequests.POST;
import static dev.fasthttp.benchmarks.FasthttpRequests.READ_SIZE;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A Netty 4.2 peer for {@link ServerBenchmark}, in the same harness: the same requests from the
 * same {@link FakeServerConnection}s and {@link FakeListener}, through {@code HttpServerCodec}
 * and {@link NettyHelloHandler}, on an {@link EmbeddedChannel}.
 *
 * <p>A connection is served as a Netty server serves a socket: a new channel with a new codec and
 * handler; then, until the peer's end of stream or the channel closes, one read of
 * {@value FasthttpRequests#READ_SIZE} bytes into a pooled direct buffer ({@code ioBuffer}, as
 * socket reads get), filled by the fake connection exactly as the engine's read buffer is (back
 * to back requests, the last one cut off), passed to {@code writeInbound}, which fires
 * {@code channelRead} and then {@code channelReadComplete}, where the handler flushes. What the
 * flush writes is read from the channel's outbound queue and released at once, counting its
 * bytes; nothing accumulates. End of stream closes the channel, as Netty does when a read returns
 * -1. After every connection the benchmark checks the requests served, the bytes written, and
 * that nothing was left in the channel.
 *
 * <p>Differences from a Netty server on a socket, and from the engine's harness:
 * <ul>
 * <li>{@code EmbeddedChannel} brings its own {@code EmbeddedEventLoop} per channel, where a server
 *     shares one loop among many channels: a little more per-connection allocation than a real
 *     Netty server has (it counts in the {@code 1ReqPerConn} variants, not in {@code 10K}).</li>
 * <li>One read per {@code channelReadComplete}: a socket channel reads up to 16 times before it
 *     fires {@code channelReadComplete}, so under a pipelining client a Netty server flushes less
 *     often than here. The engine also writes once per read, so both flush at the same points.</li>
 * <li>Allocator: a {@link PooledByteBufAllocator} with Netty's default arenas and caches and
 *     {@code useCacheForAllThreads}: the JMH thread is not one of Netty's event-loop threads, which
 *     get a per-thread cache by default; without it every buffer would come from the shared arena.
 *     Leak detection is off, as in Netty's own benchmarks.</li>
 * <li>{@code sun.misc.Unsafe}: Netty 4.2 stops using it by default on Java 25+ (its direct buffers
 *     then go through {@code ByteBuffer} duplicates); the fork sets {@code -Dio.netty.noUnsafe=false}
 *     to give Netty its usual fast path, as on Java 21 to 24. Measured here, that takes about 18%
 *     off {@code nettyServerGet10KReqPerConn} and makes no difference to
 *     {@code nettyServerGet1ReqPerConn}.</li>
 * <li>The response has no {@code Server} and {@code Date} headers (Netty's HelloWorld example
 *     sends neither), so it is 55 bytes shorter than the engine's.</li>
 * <li>Warm-up is 15 iterations, not 5: pinned to one core, where the JIT compiler threads share
 *     the core with the benchmark, C2 takes about ten seconds to settle on the Netty pipeline
 *     (the score keeps falling until then, from over 100 &micro;s per request); the engine settles
 *     within three.</li>
 * </ul>
 *
 * <pre>taskset -c 0 java -jar benchmarks/target/benchmarks.jar 'NettyServerBenchmark' -prof gc</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m", "-Dio.netty.noUnsafe=false"})
@Threads(1)
public class NettyServerBenchmark {

    /** Netty's default pooled allocator, with a cache for the benchmark thread. */
    static final ByteBufAllocator ALLOCATOR = new PooledByteBufAllocator(true,
            PooledByteBufAllocator.defaultNumHeapArena(), PooledByteBufAllocator.defaultNumDirectArena(),
            PooledByteBufAllocator.defaultPageSize(), PooledByteBufAllocator.defaultMaxOrder(),
            PooledByteBufAllocator.defaultSmallCacheSize(), PooledByteBufAllocator.defaultNormalCacheSize(),
            true);

    /** One variant: the shared handler stats and the fake listener the clients come from. */
    public abstract static class Variant {

        final boolean post;
        final int requestsPerConn;
        final int clients;
        final NettyHelloHandler.Stats stats = new NettyHelloHandler.Stats();
        FakeListener listener;
        long bytesPerConnection;
        ByteArrayOutputStream capture;

        Variant(boolean post, int clients, int requestsPerConn) {
            this.post = post;
            this.clients = clients;
            this.requestsPerConn = requestsPerConn;
        }

        @Setup(Level.Trial)
        public void setUp() {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
            listener = new FakeListener(post ? POST : GET, clients, requestsPerConn);
            bytesPerConnection = (long) requestsPerConn * expectedResponse(requestsPerConn == 1).length();
        }

        /** Serves the next client's connection to its end; one invocation is {@code requestsPerConn} operations. */
        public long serveConnection() {
            FakeServerConnection c = listener.accept();
            long before = stats.served;
            EmbeddedChannel channel = new EmbeddedChannel();
            channel.config().setAllocator(ALLOCATOR);
            channel.pipeline().addLast(new HttpServerCodec(), new NettyHelloHandler(stats, post, requestsPerConn == 1));
            long written = 0;
            while (channel.isOpen()) {
                ByteBuf in = ALLOCATOR.ioBuffer(READ_SIZE, READ_SIZE);
                int n = c.read(in.internalNioBuffer(0, READ_SIZE));
                if (n < 0) {
                    in.release();
                    channel.close(); // the peer closed: so does Netty
                    break;
                }
                in.writerIndex(n);
                channel.writeInbound(in);
                written += drainOutbound(channel);
            }
            written += drainOutbound(channel);
            boolean leftOver = channel.finishAndReleaseAll();
            if (stats.failure != null || stats.served - before != requestsPerConn || written != bytesPerConnection
                    || c.requestsLeft() != 0 || leftOver) {
                throw new IllegalStateException((stats.failure != null ? stats.failure + "; " : "")
                        + "connection served " + (stats.served - before) + " requests (expected " + requestsPerConn
                        + "), wrote " + written + " bytes (expected " + bytesPerConnection + "), requests left unsent "
                        + c.requestsLeft() + ", messages left in the channel " + leftOver);
            }
            return written;
        }

        private long drainOutbound(EmbeddedChannel channel) {
            long bytes = 0;
            Object out;
            while ((out = channel.readOutbound()) != null) {
                ByteBuf buf = (ByteBuf) out;
                bytes += buf.readableBytes();
                if (capture != null) {
                    byte[] copy = new byte[buf.readableBytes()];
                    buf.readBytes(copy);
                    capture.writeBytes(copy);
                }
                buf.release();
            }
            return bytes;
        }

        /** Keeps a copy of everything written from now on (tests only). */
        public void capture(ByteArrayOutputStream out) {
            capture = out;
        }

        public long served() {
            return stats.served;
        }

        public FakeListener listener() {
            return listener;
        }
    }

    /** Netty's response to every request here. */
    static String expectedResponse(boolean close) {
        return "HTTP/1.1 200 OK\r\n"
                + "content-type: text/plain\r\n"
                + "content-length: 13\r\n"
                + (close ? "connection: close\r\n" : "")
                + "\r\n"
                + "Hello, world!";
    }

    @State(Scope.Thread) public static class Get1ReqPerConn extends Variant {
        public Get1ReqPerConn() { super(false, DEFAULT_CLIENTS, 1); }
    }
    @State(Scope.Thread) public static class Get2ReqPerConn extends Variant {
        public Get2ReqPerConn() { super(false, DEFAULT_CLIENTS, 2); }
    }
    @State(Scope.Thread) public static class Get10ReqPerConn extends Variant {
        public Get10ReqPerConn() { super(false, DEFAULT_CLIENTS, 10); }
    }
    @State(Scope.Thread) public static class Get10KReqPerConn extends Variant {
        public Get10KReqPerConn() { super(false, DEFAULT_CLIENTS, 10_000); }
    }
    @State(Scope.Thread) public static class Post1ReqPerConn extends Variant {
        public Post1ReqPerConn() { super(true, DEFAULT_CLIENTS, 1); }
    }
    @State(Scope.Thread) public static class Post10KReqPerConn extends Variant {
        public Post10KReqPerConn() { super(true, DEFAULT_CLIENTS, 10_000); }
    }

    @Benchmark
    public long nettyServerGet1ReqPerConn(Get1ReqPerConn v) {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(2)
    public long nettyServerGet2ReqPerConn(Get2ReqPerConn v) {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10)
    public long nettyServerGet10ReqPerConn(Get10ReqPerConn v) {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long nettyServerGet10KReqPerConn(Get10KReqPerConn v) {
        return v.serveConnection();
    }

    @Benchmark
    public long nettyServerPost1ReqPerConn(Post1ReqPerConn v) {
        return v.serveConnection();
    }

    @Benchmark
    @OperationsPerInvocation(10_000)
    public long nettyServerPost10KReqPerConn(Post10KReqPerConn v) {
        return v.serveConnection();
    }
}
