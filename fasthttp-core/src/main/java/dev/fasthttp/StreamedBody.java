package dev.fasthttp;

import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.bytes.Numbers;
import dev.fasthttp.internal.server.SocketWait;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * Writes a streamed response body from the thread that produces it (a virtual thread, or the
 * caller's thread for {@link Server#serveConnection}): first the bytes the loop had encoded (the
 * head and any responses before it), then what the {@link BodyStreamWriter} writes: as chunks, or
 * as it comes for a stream of known length ({@link Response#setBodyStream}) or an HTTP/1.0 client.
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
    private final BodyStreamWriter writer;
    /** Sent after the last chunk, or null. */
    private final ResponseTrailers trailers;
    /** Closes the response's body stream, if it has one, whether it was sent or not. */
    private final Runnable closeBodyStream;
    private final int bufferSize;
    private final long writeTimeoutMillis;
    private final System.Logger logger;
    private final SocketWait writable;
    private long bytesWritten;
    private boolean timedOut;

    StreamedBody(ByteChannel channel, SocketChannel socket, byte[] prefix, boolean chunked, BodyStreamWriter writer,
                 ResponseTrailers trailers, Runnable closeBodyStream, ServerSettings settings) {
        this.channel = channel;
        this.socket = socket;
        this.prefix = prefix;
        this.chunked = chunked;
        this.writer = writer;
        this.trailers = trailers;
        this.closeBodyStream = closeBodyStream;
        this.bufferSize = settings.writeBufferSize();
        this.writeTimeoutMillis = Math.max(1, settings.writeTimeout().toMillis());
        this.logger = settings.logger();
        this.writable = new SocketWait(socket, SelectionKey.OP_WRITE);
    }

    /**
     * Encodes {@code c}'s head, after whatever responses the worker's output buffer holds, and
     * returns the stream that will write it all and then the body: chunked for HTTP/1.1, until
     * the connection closes for HTTP/1.0. Counts and observes the response as sent.
     */
    static StreamedBody begin(Worker worker, RequestCtx c, ByteChannel channel, SocketChannel socket) {
        boolean http11 = c.request().minorVersion() >= 1;
        Response response = c.response();
        boolean trailers = response.sendsTrailers(c.request());
        boolean sized = response.bodyStreamSize() >= 0 && !trailers;
        if (!http11 && !sized) {
            response.setConnectionClose(); // an HTTP/1.0 stream of unknown length ends with the connection
        }
        boolean sendsBody = ResponseEncoder.sendsBody(c);
        ResponseEncoder.encodeHead(worker.out, c, worker, sized ? ResponseEncoder.Framing.LENGTH
                : http11 ? ResponseEncoder.Framing.CHUNKED : ResponseEncoder.Framing.CLOSE);
        worker.counters().response(response.statusCode());
        HandlerDispatch.observe(worker.settings, c);
        byte[] prefix = worker.out.toByteArray();
        worker.out.clear();
        BodyStreamWriter writer = response.streamWriter() != null ? response.streamWriter() : bufferedBody(response);
        return new StreamedBody(channel, socket, prefix, http11 && !sized, sendsBody ? writer : null,
                trailers ? response.trailers() : null, response::closeBodyStream, worker.settings);
    }

    /** A buffered body sent in chunks, for its trailers. */
    private static BodyStreamWriter bufferedBody(Response response) {
        return out -> out.write(response.bodyBuffer().array(), 0, response.bodyBuffer().size());
    }

    /** Writes head and body; false if the body could not be completed (the connection must close). */
    boolean run() {
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
            closeBodyStream.run();
            writable.close();
        }
    }

    /** Adds what this stream wrote, and its write timeout if it had one, to {@code counters}. */
    void countInto(Counters counters) {
        counters.add(Counters.BYTES_WRITTEN, bytesWritten);
        if (timedOut) {
            counters.timeout(TimeoutKind.WRITE);
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
        if (!writable.await(writeTimeoutMillis)) {
            timedOut = true;
            throw new IOException("write timed out after " + writeTimeoutMillis + " ms");
        }
    }

    /** The last chunk, then the trailers if any, then the empty line that ends the message. */
    private void writeLastChunk() throws IOException {
        if (trailers == null || trailers.size() == 0) {
            writeFully(ByteBuffer.wrap(LAST_CHUNK));
            return;
        }
        ByteBuf lines = trailers.wireLines();
        ByteBuffer end = ByteBuffer.allocate(3 + lines.size() + 2);
        end.put(LAST_CHUNK, 0, 3).put(lines.array(), 0, lines.size()).put(LAST_CHUNK, 3, 2).flip();
        writeFully(end);
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
                writeLastChunk();
            }
        }

        private void checkOpen() throws IOException {
            if (finished) {
                throw new IOException("body stream already closed");
            }
        }
    }
}
