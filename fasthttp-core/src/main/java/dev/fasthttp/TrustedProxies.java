package dev.fasthttp;

import dev.fasthttp.internal.server.AddressBlocks;
import java.net.InetAddress;

/**
 * The proxies whose {@code Forwarded} (RFC 7239) and {@code X-Forwarded-For}, {@code -Proto},
 * {@code -Host} and {@code -Port} headers a server believes ({@link Server.Builder#trustedProxies}).
 * A request whose connection comes from a trusted proxy reports the client those headers name in
 * {@link RequestCtx#remoteAddr()}, and the scheme and host the client used in
 * {@link RequestCtx#isTLS()} and {@link RequestCtx#host()}; from anyone else the headers are
 * ignored, since any client can send them.
 */
@FunctionalInterface
public interface TrustedProxies {

    /** Believes nobody: forwarding headers are ignored. The default. */
    TrustedProxies NONE = address -> false;

    boolean trusts(InetAddress address);

    /**
     * The loopback, link-local, private and carrier-grade NAT ranges, IPv4 and IPv6: where proxies of
     * one's own live (the ranges of Tomcat's default {@code internal-proxies}).
     */
    static TrustedProxies internal() {
        return of("127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10",
                "::1/128", "fe80::/10", "fc00::/7");
    }

    /**
     * The addresses in any of {@code blocks}: CIDR blocks ({@code "10.0.0.0/8"}, {@code "fd00::/8"}) or
     * single addresses, as IP literals (no name is looked up).
     *
     * @throws IllegalArgumentException for a block that is not an IP literal with a valid prefix length
     */
    static TrustedProxies of(String... blocks) {
        return new AddressBlocks(blocks)::contains;
    }
}
