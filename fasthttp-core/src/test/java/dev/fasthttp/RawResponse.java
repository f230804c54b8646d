package dev.fasthttp;

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
record RawResponse(int status, String reason, Map<String, List<String>> headers, byte[] body, String head) {

    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    List<String> headers(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    boolean closes() {
        return "close".equalsIgnoreCase(header("Connection"));
    }

    /**
     * Reads one response from {@code in}; null at end of stream before any byte.
     *
     * @param headRequest true if the request was HEAD: no body follows whatever the headers say
     */
    static RawResponse read(InputStream in, boolean headRequest) throws IOException {
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
        RawResponse partial = new RawResponse(status, parts.length > 2 ? parts[2] : "", headers, new byte[0], head.toString());
        if (status == 100) {
            return partial;
        }
        byte[] body;
        if (headRequest || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(partial.header("Transfer-Encoding"))) {
            body = readChunked(in);
        } else if (partial.header("Content-Length") != null) {
            body = in.readNBytes(Integer.parseInt(partial.header("Content-Length")));
        } else {
            body = in.readAllBytes();
        }
        return new RawResponse(status, partial.reason(), headers, body, head.toString());
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
            body.write(in.readNBytes(size));
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
