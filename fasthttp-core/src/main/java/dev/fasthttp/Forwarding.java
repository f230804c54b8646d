package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.server.IpLiterals;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a trusted proxy says of the client behind it, read once per request and only when asked
 * ({@link RequestCtx#remoteAddr()}, {@link RequestCtx#isTLS()}, {@link RequestCtx#host()}).
 *
 * <p>The client is found as Tomcat's RemoteIpValve finds it: the chain of addresses the proxies
 * appended ({@code Forwarded: for=}, else {@code X-Forwarded-For}) is walked from the nearest hop
 * outwards, passing over trusted proxies; the first address not trusted is the client (the
 * addresses before it are what the client itself claimed, and are not believed). The scheme and
 * host are those the client-facing proxy recorded: from the same {@code Forwarded} element, or
 * the first {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (with {@code -Port}) value.
 * {@code X-Forwarded-Prefix} gives the path the proxy removed, for links back to the server.
 * Values that do not parse are ignored: a hop that is {@code unknown} or obfuscated ends the walk
 * with the client unknown, so the address reported stays the proxy's.
 *
 * <p>Only the first {@code Forwarded} header line is read. Costs nothing unless a trusted proxy
 * sent the request and the handler asks; then it allocates (the addresses, the host).
 */
final class Forwarding {

    /** An absolute path of non-empty segments of RFC 3986 pchars (unreserved, sub-delims, ':', '@', percent-encodings). */
    private static final Pattern PREFIX = Pattern.compile("(/([A-Za-z0-9\\-._~!$&'()*+;=:@]|%[0-9A-Fa-f]{2})+)+");

    private boolean resolved;
    private InetSocketAddress client;
    private boolean https;
    private boolean hostSet;
    private final ByteView host = new ByteView();
    private String prefix = "";

    void reset() {
        resolved = false;
        client = null;
        https = false;
        hostSet = false;
        prefix = "";
    }

    /** Reads the headers of a request from {@code peer}, the first time only. */
    Forwarding resolve(RequestHeaders headers, InetSocketAddress peer, TrustedProxies trusted) {
        if (resolved) {
            return this;
        }
        resolved = true;
        if (peer == null || peer.getAddress() == null || !trusted.trusts(peer.getAddress())) {
            return this;
        }
        ByteView forwarded = headers.peek("Forwarded");
        if (forwarded != null) {
            fromForwarded(forwarded.toString(), trusted);
        } else {
            fromXForwarded(headers, trusted);
        }
        prefix = prefix(headers.peek("X-Forwarded-Prefix"));
        return this;
    }

    /** The client a trusted proxy named, or null. */
    InetSocketAddress client() {
        return client;
    }

    boolean https() {
        return https;
    }

    /** The path prefix the proxy removed before forwarding, or empty. */
    String prefix() {
        return prefix;
    }

    /** The host the client asked for, as the proxy recorded it, or null. */
    ByteView host() {
        return hostSet ? host : null;
    }

    // ---- Forwarded (RFC 7239) -------------------------------------------------------------------

    private void fromForwarded(String value, TrustedProxies trusted) {
        List<List<String[]>> elements = ForwardedSyntax.elements(value);
        for (int i = elements.size() - 1; i >= 0; i--) {
            List<String[]> element = elements.get(i);
            String forValue = parameter(element, "for");
            InetSocketAddress node = forValue == null ? null : node(forValue);
            boolean passOver = node != null && i > 0 && trusted.trusts(node.getAddress());
            if (passOver) {
                continue;
            }
            client = node;
            proto(parameter(element, "proto"));
            host(parameter(element, "host"));
            return;
        }
    }

    private static String parameter(List<String[]> element, String name) {
        for (String[] pair : element) {
            if (pair[0].equalsIgnoreCase(name)) {
                return pair[1];
            }
        }
        return null;
    }

    // ---- X-Forwarded-* ---------------------------------------------------------------------------

    private void fromXForwarded(RequestHeaders headers, TrustedProxies trusted) {
        ByteView forwardedFor = headers.peek("X-Forwarded-For");
        if (forwardedFor != null) {
            String[] hops = forwardedFor.toString().split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                InetSocketAddress node = node(hops[i].trim());
                if (node == null) {
                    break; // not an address: the client is unknown past this hop
                }
                if (i > 0 && trusted.trusts(node.getAddress())) {
                    continue;
                }
                client = node;
                break;
            }
        }
        proto(first(headers.peek("X-Forwarded-Proto")));
        String forwardedHost = first(headers.peek("X-Forwarded-Host"));
        String port = first(headers.peek("X-Forwarded-Port"));
        if (forwardedHost != null && port != null && port.matches("\\d{1,5}") && !hasPort(forwardedHost)) {
            forwardedHost = forwardedHost + ":" + port;
        }
        host(forwardedHost);
    }

    /**
     * {@code X-Forwarded-Prefix} as Spring's ForwardedHeaderFilter reads it: the values, each
     * without its trailing slashes, one after the other. A value that is not an absolute path of
     * plain path characters voids the header: it would go into links as it came.
     */
    private static String prefix(ByteView header) {
        if (header == null) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        for (String value : header.toString().split(",")) {
            String part = value.trim();
            while (part.endsWith("/")) {
                part = part.substring(0, part.length() - 1);
            }
            if (part.isEmpty()) {
                continue;
            }
            if (!PREFIX.matcher(part).matches()) {
                return "";
            }
            prefix.append(part);
        }
        return prefix.toString();
    }

    private static String first(ByteView value) {
        if (value == null) {
            return null;
        }
        String s = value.toString();
        int comma = s.indexOf(',');
        return (comma < 0 ? s : s.substring(0, comma)).trim();
    }

    private static boolean hasPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon >= 0 && colon > host.lastIndexOf(']');
    }

    // ---- values ----------------------------------------------------------------------------------

    private void proto(String value) {
        if (value != null && (value.equalsIgnoreCase("https") || value.equalsIgnoreCase("http"))) {
            https = value.equalsIgnoreCase("https");
        }
    }

    private void host(String value) {
        if (value == null || value.isEmpty() || value.length() > 255) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '_' || c == ':' || c == '[' || c == ']';
            if (!allowed) {
                return;
            }
        }
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        host.set(bytes, 0, bytes.length);
        hostSet = true;
    }

    /**
     * A node ({@code 192.0.2.1}, {@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}, or a bare IPv6
     * address as X-Forwarded-For carries it) as an address with its port (0 if none); null for
     * {@code unknown}, an obfuscated identifier, or anything else.
     */
    static InetSocketAddress node(String node) {
        String address = node;
        int port = 0;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                return null;
            }
            address = node.substring(1, close);
            String rest = node.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return null;
                }
                port = port(rest.substring(1));
            }
        } else {
            int colon = node.indexOf(':');
            if (colon >= 0 && colon == node.lastIndexOf(':')) {
                address = node.substring(0, colon); // IPv4 with a port; more colons: bare IPv6
                port = port(node.substring(colon + 1));
            }
        }
        InetAddress ip = port < 0 ? null : IpLiterals.address(address);
        return ip == null ? null : new InetSocketAddress(ip, port);
    }

    private static int port(String digits) {
        if (!digits.matches("\\d{1,5}")) {
            return -1; // an obfuscated port ("_abc") or garbage
        }
        int port = Integer.parseInt(digits);
        return port <= 65535 ? port : -1;
    }

    /** RFC 7239's grammar: elements separated by commas, pairs by semicolons, values tokens or quoted strings. */
    static final class ForwardedSyntax {

        private ForwardedSyntax() {
        }

        static List<List<String[]>> elements(String value) {
            List<List<String[]>> elements = new ArrayList<>();
            List<String[]> element = new ArrayList<>();
            int i = 0;
            int n = value.length();
            while (i < n) {
                int eq = value.indexOf('=', i);
                if (eq < 0) {
                    break;
                }
                String name = value.substring(i, eq).trim();
                StringBuilder v = new StringBuilder();
                i = eq + 1;
                if (i < n && value.charAt(i) == '"') {
                    i++;
                    while (i < n && value.charAt(i) != '"') {
                        char c = value.charAt(i++);
                        if (c == '\\' && i < n) {
                            c = value.charAt(i++);
                        }
                        v.append(c);
                    }
                    i++; // the closing quote
                } else {
                    while (i < n && value.charAt(i) != ';' && value.charAt(i) != ',') {
                        v.append(value.charAt(i++));
                    }
                }
                element.add(new String[] {name, v.toString().trim()});
                while (i < n && value.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && value.charAt(i) == ',') {
                    elements.add(element);
                    element = new ArrayList<>();
                }
                i++; // past ';' or ','
            }
            if (!element.isEmpty()) {
                elements.add(element);
            }
            return elements;
        }
    }
}
