package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.testing.RawConnection;
import dev.fasthttp.testing.TestServers;
import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Forwarding headers from a trusted proxy name the client, its scheme and host; from anyone else
 * they are ignored. The test client connects from 127.0.0.1: trusted or not, by configuration.
 */
class ForwardingTest {

    private Server server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown(java.time.Duration.ofSeconds(5));
        }
    }

    /** What the handler sees: client address (and port, if a proxy named one), whether TLS, host. */
    private String seen(TrustedProxies trusted, String headers) throws Exception {
        server = TestServers.start(ctx -> ctx.setBodyString(ctx.remoteAddr().getAddress().getHostAddress() + " "
                + (ctx.remoteAddr().getAddress().isLoopbackAddress() || ctx.remoteAddr().getPort() == 0 ? "" : ctx.remoteAddr().getPort() + " ") + ctx.isTLS() + " " + ctx.host()),
                b -> b.trustedProxies(trusted));
        try (RawConnection c = new RawConnection(server.port())) {
            return c.send("GET / HTTP/1.1\r\nHost: origin.test\r\n" + headers + "\r\n").read().bodyText();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no forwarding headers                  | ''                                                                       | 127.0.0.1 false origin.test
            X-Forwarded-For                        | X-Forwarded-For: 203.0.113.7\\r\\n                                          | 203.0.113.7 false origin.test
            a trusted hop is passed over           | X-Forwarded-For: 203.0.113.7, 127.0.0.5\\r\\n                               | 203.0.113.7 false origin.test
            a claim before the client is not believed | X-Forwarded-For: 198.51.100.1, 203.0.113.7\\r\\n                         | 203.0.113.7 false origin.test
            all hops trusted: the farthest         | X-Forwarded-For: 127.0.0.9, 127.0.0.5\\r\\n                                 | 127.0.0.9 false origin.test
            IPv6 and a port                        | X-Forwarded-For: 2001:db8::1\\r\\n                                          | 2001:db8:0:0:0:0:0:1 false origin.test
            not an address: the client is unknown  | X-Forwarded-For: evil.example\\r\\n                                         | 127.0.0.1 false origin.test
            proto, host and port                   | X-Forwarded-Proto: https\\r\\nX-Forwarded-Host: shop.example\\r\\nX-Forwarded-Port: 8443\\r\\n | 127.0.0.1 true shop.example:8443
            the client-facing proxy's proto and host | X-Forwarded-Proto: https, http\\r\\nX-Forwarded-Host: a.example, b.example\\r\\n | 127.0.0.1 true a.example
            a proto that is no scheme is ignored   | X-Forwarded-Proto: javascript\\r\\n                                         | 127.0.0.1 false origin.test
            a host with a space is ignored         | X-Forwarded-Host: a.example evil\\r\\n                                      | 127.0.0.1 false origin.test
            Forwarded                              | Forwarded: for=203.0.113.7;proto=https;host=shop.example\\r\\n              | 203.0.113.7 true shop.example
            Forwarded, IPv6 with a port            | Forwarded: for="[2001:db8::1]:4711"\\r\\n                                   | 2001:db8:0:0:0:0:0:1 4711 false origin.test
            Forwarded, a trusted hop passed over   | Forwarded: for=203.0.113.7;proto=https, for=127.0.0.9\\r\\n                 | 203.0.113.7 true origin.test
            Forwarded, unknown client              | Forwarded: for=unknown;proto=https\\r\\n                                    | 127.0.0.1 true origin.test
            Forwarded, an obfuscated node          | Forwarded: for=_hidden, for=203.0.113.7\\r\\n                               | 203.0.113.7 false origin.test
            Forwarded wins over X-Forwarded-For    | Forwarded: for=203.0.113.7\\r\\nX-Forwarded-For: 198.51.100.1\\r\\n        | 203.0.113.7 false origin.test
            """)
    void fromATrustedProxy(String name, String headers, String expected) throws Exception {
        assertThat(seen(TrustedProxies.of("127.0.0.0/8"), headers.replace("\\r\\n", "\r\n"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            none                                   | ''                                         | ''
            a prefix                               | X-Forwarded-Prefix: /shop\\r\\n             | /shop
            its trailing slash is dropped          | X-Forwarded-Prefix: /shop/\\r\\n            | /shop
            several are joined                     | X-Forwarded-Prefix: /eu, /shop/\\r\\n       | /eu/shop
            with Forwarded too                     | Forwarded: for=203.0.113.7\\r\\nX-Forwarded-Prefix: /shop\\r\\n | /shop
            not absolute: ignored                  | X-Forwarded-Prefix: shop\\r\\n              | ''
            a scheme and host: ignored             | X-Forwarded-Prefix: //evil.example\\r\\n    | ''
            markup: ignored                        | X-Forwarded-Prefix: /"><script>\\r\\n      | ''
            """)
    void prefixFromATrustedProxy(String name, String headers, String expected) throws Exception {
        server = TestServers.start(ctx -> ctx.setBodyString("[" + ctx.forwardedPrefix() + "]"),
                b -> b.trustedProxies(TrustedProxies.of("127.0.0.0/8")));
        try (RawConnection c = new RawConnection(server.port())) {
            String request = "GET / HTTP/1.1\r\nHost: origin.test\r\n" + headers.replace("\\r\\n", "\r\n") + "\r\n";
            assertThat(c.send(request).read().bodyText()).isEqualTo("[" + expected + "]");
        }
    }

    @Test
    void aPrefixFromAnyoneElseIsIgnored() throws Exception {
        server = TestServers.start(ctx -> ctx.setBodyString("[" + ctx.forwardedPrefix() + "]"), b -> { });
        try (RawConnection c = new RawConnection(server.port())) {
            assertThat(c.send("GET / HTTP/1.1\r\nHost: t\r\nX-Forwarded-Prefix: /shop\r\n\r\n").read().bodyText()).isEqualTo("[]");
        }
    }

    @Test
    void fromAnyoneElseTheHeadersAreIgnored() throws Exception {
        String spoofed = "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\nX-Forwarded-Host: evil.example\r\n";
        assertThat(seen(TrustedProxies.NONE, spoofed)).isEqualTo("127.0.0.1 false origin.test");
        stop();
        assertThat(seen(TrustedProxies.of("10.0.0.0/8"), spoofed)).isEqualTo("127.0.0.1 false origin.test");
    }

    @Test
    void internalProxiesAreTheLocalAndPrivateRanges() throws Exception {
        TrustedProxies internal = TrustedProxies.internal();
        for (String local : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.1.1",
                "100.64.0.1", "::1", "fe80::1", "fd00::1"}) {
            assertThat(internal.trusts(InetAddress.getByName(local))).as(local).isTrue();
        }
        for (String outside : new String[] {"8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1", "2001:db8::1"}) {
            assertThat(internal.trusts(InetAddress.getByName(outside))).as(outside).isFalse();
        }
    }

    @Test
    void blocksMustBeIpLiteralsWithValidPrefixes() {
        assertThatThrownBy(() -> TrustedProxies.of("proxy.example")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.example");
        assertThatThrownBy(() -> TrustedProxies.of("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> TrustedProxies.of("10.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.of("192.0.2.7").trusts(InetAddress.getLoopbackAddress())).isFalse();
    }
}
