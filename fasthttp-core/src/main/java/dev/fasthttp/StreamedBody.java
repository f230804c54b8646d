package dev.fasthttp;

import dev.fasthttp.internal.bytes.Numbers;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * Writes a streamed response body from the thread that produces it (a virtual thread, or the
 * caller's thread for {@link Server#serveConnection}): first the bytes the loop had encoded (the
 * head and any responses before it), then what the {@link BodyStreamWriter} writes, as chunks.
 *
 * <p>The socket stays registered with its event loop (with no interest, so the loop leaves it
 * alone) and non-blocking; when it is full, this thread waits on a selector of its own, for at
 * most the write timeout.
 */
final class StreamedBody {

    /** Room before the data for the chunk-size line: 15 hex digits and CRLF. */
    private static final int SIZE_LINE_ROOM = 17;
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};

    private final ByteChannel channel;
    private final SocketChannel socket;
    private final byte[] prefix;
    private final boolean chunked;
    private final int bufferSize;
    private final long writeTimeoutMillis;
    private Selector selector;
    private long bytesWritten;
    private boolean timedOut;

    StreamedBody(ByteChannel channel, SocketChannel socket, byte[] prefix, boolean chunked, int bufferSize,
                 Duration writeTimeout) {
        this.channel = channel;
        this.socket = socket;
        this.prefix = prefix;
        this.chunked = chunked;
        this.bufferSize = bufferSize;
        this.writeTimeoutMillis = Math.max(1, writeTimeout.toMillis());
    }

    /** Writes head and body; false if the body could not be completed (the connection must close). */
    boolean run(BodyStreamWriter writer, System.Logger logger) {
        try {
            writeFully(ByteBuffer.wrap(prefix));
            if (writer != null) {
                ChunkStream out = new ChunkStream();
                writer.writeTo(out);
                out.finish();
            }
            return true;
        } catch (IOException e) {
            logger.log(System.Logger.Level.DEBUG, "streamed response cut short: " + e);
            return false;
        } catch (Throwable t) {
            logger.log(System.Logger.Level.ERROR, "body stream writer failed", t);
            return false;
        } finally {
            if (selector != null) {
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // nothing left to do
                }
            }
        }
    }

    long bytesWritten() {
        return bytesWritten;
    }

    /** Whether the body was cut because the client stopped reading for the write timeout. */
    boolean timedOut() {
        return timedOut;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.write(buffer);
            bytesWritten += n;
            if (n == 0) {
                awaitWritable();
            }
        }
    }

    private void awaitWritable() throws IOException {
        if (socket == null) {
            return; // a blocking channel: write() itself waits
        }
        if (selector == null) {
            selector = Selector.open();
            socket.register(selector, SelectionKey.OP_WRITE);
        }
        if (selector.select(writeTimeoutMillis) == 0) {
            if (Thread.interrupted()) {
                throw new InterruptedIOException();
            }
            timedOut = true;
            throw new IOException("write timed out after " + writeTimeoutMillis + " ms");
        }
        selector.selectedKeys().clear();
    }

    /** The stream the writer sees: buffers, and turns each flush into a chunk. */
    private final class ChunkStream extends OutputStream {

        private final byte[] buffer = new byte[SIZE_LINE_ROOM + bufferSize + 2];
        private int length;
        private boolean finished;

        @Override
        public void write(int b) throws IOException {
            if (length == bufferSize) {
                flush();
            }
            buffer[SIZE_LINE_ROOM + length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            checkOpen();
            while (len > 0) {
                if (length == bufferSize) {
                    flush();
                }
                int n = Math.min(len, bufferSize - length);
                System.arraycopy(b, off, buffer, SIZE_LINE_ROOM + length, n);
                length += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            checkOpen();
            if (length == 0) {
                return;
            }
            if (!chunked) {
                writeFully(ByteBuffer.wrap(buffer, SIZE_LINE_ROOM, length));
            } else {
                // size CRLF, data, CRLF in one write: the size line goes right before the data.
                int sizeLength = Numbers.hexLength(length);
                int start = SIZE_LINE_ROOM - sizeLength - 2;
                Numbers.writeHex(buffer, start, length);
                buffer[SIZE_LINE_ROOM - 2] = '\r';
                buffer[SIZE_LINE_ROOM - 1] = '\n';
                buffer[SIZE_LINE_ROOM + length] = '\r';
                buffer[SIZE_LINE_ROOM + length + 1] = '\n';
                writeFully(ByteBuffer.wrap(buffer, start, SIZE_LINE_ROOM + length + 2 - start));
            }
            length = 0;
        }

        /** Closing ends the body; the connection itself stays with the server. */
        @Override
        public void close() throws IOException {
            finish();
        }

        void finish() throws IOException {
            if (finished) {
                return;
            }
            flush();
            finished = true;
            if (chunked) {
                writeFully(ByteBuffer.wrap(LAST_CHUNK));
            }
        }

        private void checkOpen() throws IOException {
            if (finished) {
                throw new IOException("body stream already closed");
            }
        }
    }
}
