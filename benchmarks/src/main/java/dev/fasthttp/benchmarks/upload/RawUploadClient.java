package dev.fasthttp.benchmarks.upload;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * A client that allocates nothing per upload, so that a benchmark's bytes per operation are the
 * server's: a blocking {@link SocketChannel} kept alive, a head written into a direct buffer
 * before each upload, one 64 KiB direct buffer of body bytes written again and again, and the
 * small answer read into a direct buffer and parsed in place (status, Content-Length, the decimal
 * count). Sends {@code Content-Length} framing; expects no bytes after the answer. It may pause
 * after each 64 KiB it writes, as a client slower than the server would ({@link PacedUploads}).
 */
final class RawUploadClient implements UploadClient {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] HEAD_START = ("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/octet-stream\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT_LENGTH = "content-length:".getBytes(StandardCharsets.US_ASCII);

    private final long pauseNanos;
    private final SocketChannel channel;
    private final ByteBuffer head = ByteBuffer.allocateDirect(256);
    private final ByteBuffer body = ByteBuffer.allocateDirect(CHUNK);
    private final ByteBuffer answer = ByteBuffer.allocateDirect(4096);

    RawUploadClient(int port) throws IOException {
        this(port, 0);
    }

    /** @param pauseNanos how long to pause after each 64 KiB written, 0 for none */
    RawUploadClient(int port, long pauseNanos) throws IOException {
        this.pauseNanos = pauseNanos;
        channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        for (int i = 0; i < CHUNK; i++) {
            body.put(i, (byte) ('a' + i % 26));
        }
    }

    @Override
    public long upload(long size) throws IOException {
        head.clear().put(HEAD_START);
        putDecimal(head, size);
        head.put((byte) '\r').put((byte) '\n').put((byte) '\r').put((byte) '\n').flip();
        writeFully(head);
        for (long left = size; left > 0; ) {
            int n = (int) Math.min(CHUNK, left);
            body.clear().limit(n);
            writeFully(body);
            left -= n;
            if (pauseNanos > 0) {
                LockSupport.parkNanos(pauseNanos);
            }
        }
        return readAnswer(size);
    }

    private void writeFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Reads one answer whole and checks it. */
    private long readAnswer(long sent) throws IOException {
        answer.clear();
        int headEnd = -1;
        long bodyLength = -1;
        while (true) {
            if (channel.read(answer) < 0) {
                throw new EOFException("connection closed before the answer's end");
            }
            if (headEnd < 0) {
                headEnd = indexOfHeadEnd(answer.position());
                if (headEnd >= 0) {
                    bodyLength = contentLength(headEnd);
                }
            }
            if (headEnd >= 0 && answer.position() >= headEnd + bodyLength) {
                break;
            }
            if (!answer.hasRemaining()) {
                throw new IOException("answer longer than " + answer.capacity() + " bytes");
            }
        }
        int status = (answer.get(9) - '0') * 100 + (answer.get(10) - '0') * 10 + (answer.get(11) - '0');
        return UploadClient.check(status, parseDecimal(headEnd, headEnd + (int) bodyLength), sent);
    }

    /** Where the body begins (after the blank line), or -1 if the head is not complete in {@code [0, end)}. */
    private int indexOfHeadEnd(int end) {
        for (int i = 3; i < end; i++) {
            if (answer.get(i) == '\n' && answer.get(i - 1) == '\r' && answer.get(i - 2) == '\n' && answer.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The Content-Length in the head ending at {@code headEnd}, matched without regard to case. */
    private long contentLength(int headEnd) throws IOException {
        for (int line = 0; line < headEnd; ) {
            if (startsWithIgnoreCase(line, CONTENT_LENGTH)) {
                int from = line + CONTENT_LENGTH.length;
                while (answer.get(from) == ' ') {
                    from++;
                }
                int to = from;
                while (answer.get(to) != '\r') {
                    to++;
                }
                return parseDecimal(from, to);
            }
            while (answer.get(line) != '\n') {
                line++;
            }
            line++;
        }
        throw new IOException("answer without Content-Length");
    }

    private boolean startsWithIgnoreCase(int at, byte[] lowerCase) {
        for (int i = 0; i < lowerCase.length; i++) {
            if ((answer.get(at + i) | 0x20) != lowerCase[i]) { // lower-cases letters; leaves - and : as they are
                return false;
            }
        }
        return true;
    }

    private long parseDecimal(int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (answer.get(i) - '0');
        }
        return n;
    }

    private static void putDecimal(ByteBuffer b, long n) {
        long scale = 1;
        while (scale <= n / 10) {
            scale *= 10;
        }
        for (; scale > 0; scale /= 10) {
            b.put((byte) ('0' + n / scale % 10));
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
