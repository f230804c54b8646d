package dev.fasthttp.spring.boot.autoconfigure.test;

import dev.fasthttp.Server;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.AbstractBufferingClientHttpRequest;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Hands each request to a fasthttp server in memory, as bytes on a connection of its own: through
 * the server's codec, router, handlers, error responses and observers, without a socket or a
 * port. What {@code @SpringBootTest}'s MOCK environment binds Spring's test clients to, as Boot
 * binds them to MockMvc for servlet applications.
 *
 * <p>Each request is written whole with {@code Connection: close}, served on the calling thread
 * (a blocking route's handler too), and its response read whole.
 */
public final class InMemoryClientHttpRequestFactory implements ClientHttpRequestFactory {

    private final Server server;

    public InMemoryClientHttpRequestFactory(Server server) {
        this.server = server;
    }

    @Override
    public ClientHttpRequest createRequest(URI uri, HttpMethod method) {
        return new InMemoryRequest(server, uri, method);
    }

    private static final class InMemoryRequest extends AbstractBufferingClientHttpRequest {

        private final Server server;
        private final URI uri;
        private final HttpMethod method;

        InMemoryRequest(Server server, URI uri, HttpMethod method) {
            this.server = server;
            this.uri = uri;
            this.method = method;
        }

        @Override
        public HttpMethod getMethod() {
            return method;
        }

        @Override
        public URI getURI() {
            return uri;
        }

        @Override
        protected ClientHttpResponse executeInternal(HttpHeaders headers, byte[] body) throws IOException {
            InMemoryConnection connection = new InMemoryConnection(encode(headers, body));
            server.serveConnection(connection);
            return InMemoryResponse.parse(connection.written(), method == HttpMethod.HEAD);
        }

        private byte[] encode(HttpHeaders headers, byte[] body) {
            StringBuilder head = new StringBuilder(256);
            String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                target += "?" + uri.getRawQuery();
            }
            head.append(method.name()).append(' ').append(target).append(" HTTP/1.1\r\n");
            if (!headers.containsHeader(HttpHeaders.HOST)) {
                head.append("Host: ").append(uri.getHost() == null ? "localhost" : uri.getRawAuthority()).append("\r\n");
            }
            for (Map.Entry<String, List<String>> header : headers.headerSet()) {
                if (!header.getKey().equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)
                        && !header.getKey().equalsIgnoreCase(HttpHeaders.CONNECTION)) {
                    for (String value : header.getValue()) {
                        head.append(header.getKey()).append(": ").append(value).append("\r\n");
                    }
                }
            }
            if (body.length > 0 || method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            byte[] request = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, request, 0, headBytes.length);
            System.arraycopy(body, 0, request, headBytes.length, body.length);
            return request;
        }
    }

    /** A connection whose peer has sent {@code request} and then closed its side; it keeps what the server writes. */
    private static final class InMemoryConnection implements ByteChannel {

        private final ByteBuffer request;
        private final ByteArrayOutputStream response = new ByteArrayOutputStream(1024);
        private boolean open = true;

        InMemoryConnection(byte[] request) {
            this.request = ByteBuffer.wrap(request);
        }

        @Override
        public int read(ByteBuffer into) {
            if (!request.hasRemaining()) {
                return -1;
            }
            int n = Math.min(into.remaining(), request.remaining());
            into.put(into.position(), request, request.position(), n).position(into.position() + n);
            request.position(request.position() + n);
            return n;
        }

        @Override
        public int write(ByteBuffer from) {
            int n = from.remaining();
            byte[] bytes = new byte[n];
            from.get(bytes);
            response.write(bytes, 0, n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }

        byte[] written() {
            return response.toByteArray();
        }
    }

    /** A response as the server wrote it: status line, headers, and the body, de-chunked. */
    private record InMemoryResponse(int status, String reason, HttpHeaders headers, byte[] body) implements ClientHttpResponse {

        static InMemoryResponse parse(byte[] bytes, boolean head) throws IOException {
            int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            if (end < 0) {
                throw new IOException("the server closed the connection without a complete response");
            }
            String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] statusLine = lines[0].split(" ", 3);
            HttpHeaders headers = new HttpHeaders();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.add(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim());
            }
            int status = Integer.parseInt(statusLine[1]);
            byte[] body = new byte[0];
            int start = end + 4;
            if (!head && status != 204 && status != 304) {
                body = "chunked".equalsIgnoreCase(headers.getFirst(HttpHeaders.TRANSFER_ENCODING))
                        ? dechunk(bytes, start) : Arrays.copyOfRange(bytes, start, bytes.length);
            }
            return new InMemoryResponse(status, statusLine.length > 2 ? statusLine[2] : "", headers, body);
        }

        private static byte[] dechunk(byte[] bytes, int at) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                int lineEnd = indexOf(bytes, new byte[] {'\r', '\n'}, at);
                if (lineEnd < 0) {
                    throw new IOException("truncated chunked body");
                }
                String sizeField = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1);
                int semicolon = sizeField.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeField : sizeField.substring(0, semicolon)).trim(), 16);
                at = lineEnd + 2;
                if (size == 0) {
                    return body.toByteArray();
                }
                body.write(bytes, at, size);
                at += size + 2;
            }
        }

        private static int indexOf(byte[] bytes, byte[] target, int from) {
            outer:
            for (int i = from; i <= bytes.length - target.length; i++) {
                for (int j = 0; j < target.length; j++) {
                    if (bytes[i + j] != target[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public HttpStatusCode getStatusCode() {
            return HttpStatusCode.valueOf(status);
        }

        @Override
        public String getStatusText() {
            return reason;
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public void close() {
        }
    }
}
