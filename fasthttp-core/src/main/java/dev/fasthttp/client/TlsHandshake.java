package dev.fasthttp.client;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Turns a connected TCP socket into a TLS one for an https {@link HostClient}: the server's
 * certificate checked against the context's trust managers and its name against the host asked
 * for (RFC 2818), the host name sent as SNI, "http/1.1" offered by ALPN.
 */
final class TlsHandshake {

    private static final String[] HTTP_1_1 = {"http/1.1"};

    private TlsHandshake() {
    }

    /**
     * @param tcp  connected; closed if the handshake fails
     * @param host the name the certificate must carry: the endpoint's host, not its address
     */
    static SSLSocket secure(Socket tcp, String host, int port, ClientSettings settings) throws IOException {
        String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        SSLSocket tls = (SSLSocket) context(settings).getSocketFactory().createSocket(tcp, name, port, true);
        SSLParameters params = tls.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        params.setApplicationProtocols(HTTP_1_1);
        if (isHostName(name)) {
            try {
                params.setServerNames(List.of(new SNIHostName(name)));
            } catch (IllegalArgumentException notForSni) {
                // such as a name ending in a dot: sent without SNI, still verified against the certificate
            }
        }
        tls.setSSLParameters(params);
        ClientWatchdog.Pending pending = ClientWatchdog.closeUnlessDoneWithin(tcp, settings.tlsHandshakeTimeout());
        try {
            tls.startHandshake();
            if (pending.expired()) {
                throw new SocketTimeoutException("closed at the TLS handshake timeout"); // done just too late
            }
            return tls;
        } catch (IOException e) {
            tcp.close(); // not tls.close(): no alert to send on a failed handshake
            throw pending.expired()
                    ? new SocketTimeoutException("TLS handshake with " + name + ":" + port + " timed out after " + settings.tlsHandshakeTimeout())
                    : e;
        } finally {
            pending.done();
        }
    }

    private static SSLContext context(ClientSettings settings) throws IOException {
        if (settings.sslContext() != null) {
            return settings.sslContext();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no default TLS context", e);
        }
    }

    /** SNI carries host names only, never address literals (RFC 6066 3). */
    private static boolean isHostName(String host) {
        if (host.indexOf(':') >= 0) {
            return false; // IPv6
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return true;
            }
        }
        return false; // IPv4
    }
}
