package dev.fasthttp.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A response as bytes on the wire, parsed strictly by the tests (independently of the engine's
 * own code): status line, headers, body framed by Content-Length, chunked or connection close.
 */
public record RawResponse(int status, String reason, Map<String, List<String>> headers, byte[] body, String head) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    public List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean closes() {
        return "close".equalsIgnoreCase(header("Connection"));
    }

    /**
     * Reads one response from {@code in}; null at end of stream before any byte.
     *
     * @param headRequest true if the request was HEAD: no body follows whatever the headers say
     */
    public static RawResponse read(InputStream in, boolean headRequest) throws IOException {
        RawResponse partial = readHead(in);
        if (partial == null || partial.status() == 100) {
            return partial;
        }
        byte[] body;
        if (headRequest || partial.status() < 200 || partial.status() == 204 || partial.status() == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"))) {
            body = readChunked(in);
        } else if (partial.header("Content-Length") != null) {
            int length = Integer.parseInt(partial.header("Content-Length"));
            body = in.readNBytes(length);
            if (body.length < length) {
                throw new IOException("connection closed after " + body.length + " of " + length + " body bytes");
            }
        } else {
            body = in.readAllBytes();
        }
        return new RawResponse(partial.status(), partial.reason(), partial.headers(), body, partial.head());
    }

    /**
     * Reads a status line and the headers, leaving the body in {@code in}; null at end of stream
     * before any byte. The result has an empty body.
     */
    public static RawResponse readHead(InputStream in) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            return null;
        }
        StringBuilder head = new StringBuilder(statusLine).append("\r\n");
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("bad status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while (!(line = requireLine(in)).isEmpty()) {
            head.append(line).append("\r\n");
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line: " + line);
            }
            headers.computeIfAbsent(line.substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        return new RawResponse(status, parts.length > 2 ? parts[2] : "", headers, new byte[0], head.toString());
    }

    /**
     * Reads one chunk of a chunked body whose head {@link #readHead} read: its data, or null for
     * the last chunk (whose trailers are read too).
     */
    public static byte[] readChunk(InputStream in) throws IOException {
        String sizeLine = requireLine(in);
        int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
        if (size == 0) {
            while (!requireLine(in).isEmpty()) {
                // trailers
            }
            return null;
        }
        byte[] data = in.readNBytes(size);
        if (data.length < size) {
            throw new IOException("connection closed in the middle of a chunk");
        }
        if (!requireLine(in).isEmpty()) {
            throw new IOException("chunk not followed by CRLF");
        }
        return data;
    }

    /** Bytes this response took on the wire when framed by Content-Length (head, blank line, body). */
    public int wireLength() {
        return head.length() + 2 + body.length;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = requireLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!requireLine(in).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            byte[] data = in.readNBytes(size);
            if (data.length < size) {
                throw new IOException("connection closed in the middle of a chunk");
            }
            body.write(data);
            if (!requireLine(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private static String requireLine(InputStream in) throws IOException {
        String line = readLine(in);
        if (line == null) {
            throw new IOException("connection closed in the middle of a response");
        }
        return line;
    }

    /** A CRLF-terminated line; a bare LF is a test failure, not something to tolerate. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                    throw new IOException("response line not terminated by CRLF");
                }
                return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        if (line.size() > 0) {
            throw new IOException("connection closed in the middle of a line");
        }
        return null;
    }
}
