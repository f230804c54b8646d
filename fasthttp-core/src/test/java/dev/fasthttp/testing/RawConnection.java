package dev.fasthttp.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A plain TCP client that sends exact bytes and reads raw responses, for byte-exact protocol tests. */
public final class RawConnection implements AutoCloseable {

    /** Generous: a loaded 2-core machine may be slow, and a correct server answers well within it. */
    public static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawConnection(int port) throws IOException {
        this(port, null, 0);
    }

    /**
     * @param localAddress      the client address to connect from (another loopback address shows
     *                          up as another client IP), or null for any
     * @param receiveBufferSize the socket's receive buffer, or 0 for the system's; a small one
     *                          makes the server's writes fill the socket sooner
     */
    public RawConnection(int port, String localAddress, int receiveBufferSize) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        if (receiveBufferSize > 0) {
            socket.setReceiveBufferSize(receiveBufferSize); // before connecting, so the window is small from the start
        }
        if (localAddress != null) {
            socket.bind(new InetSocketAddress(localAddress, 0));
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MILLIS);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
    }

    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public RawResponse read() throws IOException {
        return read(false);
    }

    public RawResponse read(boolean headRequest) throws IOException {
        RawResponse r = RawResponse.read(in, headRequest);
        if (r == null) {
            throw new IOException("connection closed before a response");
        }
        return r;
    }

    /** Reads a response's status line and headers only; the body stays to be read (see {@link #readChunk()}). */
    public RawResponse readHead() throws IOException {
        RawResponse r = RawResponse.readHead(in);
        if (r == null) {
            throw new IOException("connection closed before a response");
        }
        return r;
    }

    /** Reads the next chunk of a chunked body: its data, or null for the last chunk. */
    public byte[] readChunk() throws IOException {
        return RawResponse.readChunk(in);
    }

    public List<RawResponse> read(int count) throws IOException {
        List<RawResponse> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            responses.add(read());
        }
        return responses;
    }

    /** True if the server closes the connection (end of stream or reset) within the read timeout. */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset
        }
    }

    public InputStream input() {
        return in;
    }

    public Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
