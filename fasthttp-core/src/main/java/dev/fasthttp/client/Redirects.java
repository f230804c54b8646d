package dev.fasthttp.client;

import dev.fasthttp.bytes.ByteView;
import java.io.IOException;

/**
 * Following redirects, as browsers do (RFC 9110 15.4): 303, and 301/302 answering a POST,
 * continue as GET without a body; 307 and 308 repeat the request as it was. Credentials
 * (Authorization, Cookie, Proxy-Authorization) are not carried to another host. A redirect that
 * would repeat a body sent from a stream is not followed, the stream being spent: its response is
 * the answer.
 */
final class Redirects {

    /** One call of the client. */
    interface Call {
        void call(ClientRequest req, ClientResponse resp) throws IOException;
    }

    /** Told before each hop; may refuse it by throwing. */
    interface Hop {
        void to(String location, boolean crossHost) throws IOException;
    }

    static final Hop ANY_HOST = (location, crossHost) -> { };

    private Redirects() {
    }

    static void follow(Call call, ClientRequest req, ClientResponse resp, int maxRedirects, Hop hop) throws IOException {
        for (int redirects = 0; ; redirects++) {
            call.call(req, resp);
            int status = resp.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return;
            }
            ByteView location = resp.header("Location");
            if (location == null || location.isEmpty()) {
                return;
            }
            boolean asGet = status == 303 || ((status == 301 || status == 302) && req.method().equals("POST"));
            if (!asGet && req.bodyStreamTaken()) {
                return;
            }
            if (redirects == maxRedirects) {
                throw new ClientException(ClientException.Kind.TOO_MANY_REDIRECTS, "more than " + maxRedirects + " redirects");
            }
            String next = resolve(req, location.toString());
            ClientRequest target = new ClientRequest().setRequestUri(next);
            boolean crossHost = target.isAbsolute() && req.isAbsolute()
                    && (target.isHttps() != req.isHttps() || target.port() != req.port() || !target.hostEquals(req.host()));
            hop.to(next, crossHost);
            if (asGet) {
                req.setMethod("GET");
                req.bodyBuffer().clear();
                req.dropBodyStream();
                req.headers().del("Content-Type");
            }
            if (crossHost) {
                req.headers().del("Authorization").del("Cookie").del("Proxy-Authorization");
            }
            req.setRequestUri(next);
        }
    }

    /** {@code location} resolved against the request's URI (RFC 3986 5.2, the common cases). */
    static String resolve(ClientRequest req, String location) {
        String lower = location.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return location;
        }
        String origin = req.origin();
        if (location.startsWith("//")) {
            return (req.isHttps() ? "https:" : "http:") + location;
        }
        if (location.startsWith("/")) {
            return origin + location;
        }
        String path = req.path();
        if (location.startsWith("?")) {
            return origin + path + location;
        }
        return origin + path.substring(0, path.lastIndexOf('/') + 1) + location;
    }
}
