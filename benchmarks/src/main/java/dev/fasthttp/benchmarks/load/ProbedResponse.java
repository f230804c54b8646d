package dev.fasthttp.benchmarks.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.1 response as read off a keep-alive connection, the way wrk reads it: the head, the
 * body (by Content-Length, or de-chunked), and the bytes it took on the wire.
 */
record ProbedResponse(int status, List<String> headerLines, byte[] body, byte[] wire, boolean chunked) {

    /** Reads one response from {@code in}, leaving the connection after its last byte. */
    static ProbedResponse read(InputStream in) throws IOException {
        Counting counting = new Counting(in);
        String statusLine = line(counting);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<String> headers = new ArrayList<>();
        for (String line = line(counting); !line.isEmpty(); line = line(counting)) {
            headers.add(line);
        }
        String length = header(headers, "Content-Length");
        String encoding = header(headers, "Transfer-Encoding");
        boolean chunked = encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line(counting).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(counting).split(";")[0].trim(), 16)) {
                body.write(exactly(counting, size));
                line(counting); // CRLF after the chunk
            }
            while (!line(counting).isEmpty()) {
                // trailers, none expected
            }
        } else if (length != null) {
            body.write(exactly(counting, Integer.parseInt(length.trim())));
        } else {
            throw new IOException("neither Content-Length nor chunked: the response would end the connection");
        }
        return new ProbedResponse(status, List.copyOf(headers), body.toByteArray(), counting.bytes.toByteArray(), chunked);
    }

    /** Bytes the response took on the wire, head and body. */
    int wireBytes() {
        return wire.length;
    }

    /** The names of its headers, in the order sent. */
    List<String> headerNames() {
        return headerLines.stream().map(line -> line.substring(0, Math.max(0, line.indexOf(':'))).trim()).toList();
    }

    String header(String name) {
        return header(headerLines, name);
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String header(List<String> lines, String name) {
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed in the middle of a response");
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    private static byte[] exactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new IOException("connection closed after " + bytes.length + " of " + n + " body bytes");
        }
        return bytes;
    }

    /** Keeps the bytes read, so that the response as sent is known. */
    private static final class Counting extends InputStream {
        private final InputStream in;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Counting(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                bytes.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                bytes.write(buffer, offset, n);
            }
            return n;
        }
    }
}
