package dev.fasthttp.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * fasthttp's {@code fakeClientConn}: a connection to a server that answers instantly. Whatever
 * is written is taken as a request and discarded; each read after it returns (the rest of) the
 * same fixed response. Single-threaded: the caller writes its request, then reads the answer.
 */
final class FastServerConnection {

    private final byte[] response;
    private int pos;
    private boolean requestPending;

    FastServerConnection(byte[] response) {
        this.response = response;
    }

    final InputStream input = new InputStream() {
        @Override
        public int read() {
            throw new UnsupportedOperationException("byte-at-a-time reads are not expected here");
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (!requestPending) {
                throw new IllegalStateException("read with no request written: the client would wait forever");
            }
            int n = Math.min(len, response.length - pos);
            System.arraycopy(response, pos, b, off, n);
            pos += n;
            if (pos == response.length) {
                pos = 0;
                requestPending = false;
            }
            return n;
        }
    };

    final OutputStream output = new OutputStream() {
        @Override
        public void write(int b) {
            requestPending = true;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            requestPending = true;
        }
    };
}
