package dev.fasthttp.benchmarks.upload;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * What the streaming route allocates per upload when the client is slower than the server: the
 * raw client pauses after each 64 KiB it writes, so the handler runs out of bytes and waits for
 * more at nearly every read, where in {@link UploadBenchmark} it rarely does. Prints, per pause,
 * the bytes the process allocated per upload on every thread but the client's (the server's
 * loop, the handler's virtual thread and the JDK's poller and schedulers), after a warm-up.
 *
 * <pre>taskset -c 0 java -XX:AutoBoxCacheMax=65536 -cp benchmarks/target/benchmarks.jar dev.fasthttp.benchmarks.upload.PacedUploads 64 5 0 500</pre>
 *
 * Arguments: the size in MiB, the uploads measured per pause, then the pauses in microseconds.
 * With {@code -Dserver=fasthttp-receiver}, the route receives the body on the event loop
 * ({@code BodyReceiver}) instead of reading it on a virtual thread.
 */
public final class PacedUploads {

    private PacedUploads() {
    }

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]) << 20;
        int uploads = Integer.parseInt(args[1]);
        String name = System.getProperty("server", "fasthttp");
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 2; i < args.length; i++) {
            long pauseMicros = Long.parseLong(args[i]);
            try (UploadServer server = UploadServer.start(name);
                 RawUploadClient client = new RawUploadClient(server.port(), pauseMicros * 1000)) {
                for (int w = 0; w < uploads; w++) {
                    client.upload(size);
                }
                long all = threads.getTotalThreadAllocatedBytes();
                long mine = threads.getCurrentThreadAllocatedBytes();
                for (int u = 0; u < uploads; u++) {
                    client.upload(size);
                }
                long others = threads.getTotalThreadAllocatedBytes() - all - (threads.getCurrentThreadAllocatedBytes() - mine);
                System.out.printf(name + ": %d MiB uploads, a pause of %d µs after each 64 KiB: %,d bytes per upload (%,.0f per 64 KiB)%n",
                        size >> 20, pauseMicros, others / uploads, others / (double) uploads / (size / 65536.0));
            }
        }
    }
}
