package dev.fasthttp.client;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sends a streamed request body ({@link ClientRequest#setBodyStream}) after its head: copied from
 * the caller's stream through the connection's request buffer, grown once to {@link
 * ClientSettings#bodyStreamBufferSize()}, as Content-Length bytes or as chunks of what each read
 * returned. The stream is closed when done, sent or not.
 *
 * <p>Each write gets the write timeout (and the call's deadline, if sooner); reading the caller's
 * stream has none, since the caller's stream is the caller's to bound. A failure of either leaves a
 * partial body on the connection: the caller closes the connection. A failed write marks the
 * connection ({@link ClientConnection#writeFailed}), telling it from a failure of the caller's
 * stream: the server may have answered already.
 *
 * <p>The head and a body from memory go through {@link #write} too.
 */
final class RequestBodyWriter {

    /** Room before a chunk's data for its size line: up to 8 hex digits of an int and CRLF. */
    private static final int SIZE_LINE_ROOM = 10;
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n', '\r', '\n'};
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

    private RequestBodyWriter() {
    }

    static void send(ClientConnection c, ClientRequest req, ClientSettings settings, long callDeadline) throws IOException {
        long size = req.bodyStreamSize();
        InputStream in = req.takeBodyStream();
        try {
            int room = settings.bodyStreamBufferSize();
            ByteBuf buf = c.requestBuffer;
            buf.clear();
            buf.ensureWritable(SIZE_LINE_ROOM + room + 2);
            byte[] a = buf.array();
            if (size >= 0) {
                sendSized(c, in, size, a, room, settings, callDeadline);
            } else {
                sendChunked(c, in, a, room, settings, callDeadline);
            }
        } finally {
            ClientRequest.closeQuietly(in);
        }
    }

    private static void sendSized(ClientConnection c, InputStream in, long size, byte[] a, int room, ClientSettings settings,
            long callDeadline) throws IOException {
        for (long left = size; left > 0; ) {
            int n = in.read(a, 0, (int) Math.min(room, left));
            if (n < 0) {
                throw new IOException("the request body stream ended " + left + " bytes short of its size (" + size + " bytes)");
            }
            write(c, a, 0, n, settings, callDeadline);
            left -= n;
        }
    }

    /** Each read becomes a chunk, its size line written into the room before the data. */
    private static void sendChunked(ClientConnection c, InputStream in, byte[] a, int room, ClientSettings settings, long callDeadline)
            throws IOException {
        int n;
        while ((n = in.read(a, SIZE_LINE_ROOM, room)) >= 0) {
            if (n == 0) {
                continue; // a stream that returns nothing although asked for bytes; a chunk of 0 would end the body
            }
            int start = SIZE_LINE_ROOM - 2;
            a[start] = '\r';
            a[start + 1] = '\n';
            for (int v = n; v != 0; v >>>= 4) {
                a[--start] = HEX[v & 0xF];
            }
            a[SIZE_LINE_ROOM + n] = '\r';
            a[SIZE_LINE_ROOM + n + 1] = '\n';
            write(c, a, start, SIZE_LINE_ROOM + n + 2 - start, settings, callDeadline);
        }
        write(c, LAST_CHUNK, 0, LAST_CHUNK.length, settings, callDeadline);
    }

    /** Writes within the write timeout (and the call's deadline, if sooner). */
    static void write(ClientConnection c, byte[] b, int off, int len, ClientSettings settings, long callDeadline)
            throws IOException {
        try {
            c.writeDeadlineNanos = HostClient.sooner(System.nanoTime() + settings.writeTimeout().toNanos(), callDeadline);
            c.out.write(b, off, len);
        } catch (IOException e) {
            if (c.pastDeadline(System.nanoTime())) {
                throw new ClientException(ClientException.Kind.TIMEOUT, "the request could not be written in time", null, e);
            }
            c.writeFailed = true;
            throw e;
        } finally {
            c.writeDeadlineNanos = 0;
        }
    }
}
