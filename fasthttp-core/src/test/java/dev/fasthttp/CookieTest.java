package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CookieTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @Test
    void nameAndValueOnly() {
        Cookie c = new Cookie("session", "abc123");
        assertThat(c.toString()).isEqualTo("session=abc123");
        assertThat(c.name()).isEqualTo("session");
        assertThat(c.value()).isEqualTo("abc123");
    }

    @Test
    void emptyValue() {
        assertThat(new Cookie("gone", "").toString()).isEqualTo("gone=");
    }

    @Test
    void everyAttributeInOrder() {
        Cookie c = new Cookie("id", "42")
                .setPath("/app")
                .setDomain("example.com")
                .setMaxAge(3600)
                .setExpires(Instant.EPOCH)
                .setSecure(true)
                .setHttpOnly(true)
                .setSameSite(Cookie.SameSite.LAX);
        assertThat(c.toString()).isEqualTo("id=42; Path=/app; Domain=example.com; Max-Age=3600; "
                + "Expires=Thu, 01 Jan 1970 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax");
    }

    @Test
    void sameSiteValues() {
        Cookie c = new Cookie("a", "b");
        assertThat(c.setSameSite(Cookie.SameSite.STRICT).toString()).isEqualTo("a=b; SameSite=Strict");
        assertThat(c.setSameSite(Cookie.SameSite.NONE).toString()).isEqualTo("a=b; SameSite=None");
        assertThat(c.setSameSite(null).toString()).isEqualTo("a=b");
    }

    @Test
    void maxAge() {
        Cookie c = new Cookie("a", "b");
        assertThat(c.setMaxAge(0).toString()).isEqualTo("a=b; Max-Age=0");
        assertThat(c.setMaxAge(Long.MAX_VALUE).toString()).isEqualTo("a=b; Max-Age=" + Long.MAX_VALUE);
        assertThat(c.setMaxAge(-1).toString()).isEqualTo("a=b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1970-01-01T00:00:00Z", "1994-11-06T08:49:37Z", "2000-02-29T12:00:00Z",
            "2024-02-09T23:59:59Z", "2038-01-19T03:14:08Z", "2100-03-01T00:00:00Z", "1969-12-31T23:59:59Z",
            "2030-05-05T05:05:05.999Z"})
    void expiresIsAnImfFixdate(String instant) {
        Instant t = Instant.parse(instant);
        String text = new Cookie("a", "b").setExpires(t).toString();
        assertThat(text).isEqualTo("a=b; Expires=" + IMF_FIXDATE.format(t));
        // and it reads back with the RFC 1123 parser
        String date = text.substring("a=b; Expires=".length());
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(date)).getEpochSecond()).isEqualTo(t.getEpochSecond());
    }

    @Test
    void expiresCanBeRemoved() {
        Cookie c = new Cookie("a", "b").setExpires(Instant.EPOCH);
        assertThat(c.setExpires(null).toString()).isEqualTo("a=b");
    }

    @Test
    void resetClearsEveryAttribute() {
        Cookie c = new Cookie("a", "b").setPath("/").setDomain("d").setMaxAge(1).setExpires(Instant.EPOCH)
                .setSecure(true).setHttpOnly(true).setSameSite(Cookie.SameSite.STRICT);
        assertThat(c.reset("x", "y").toString()).isEqualTo("x=y");
    }

    @Test
    void appendToAddsAfterExistingContent() {
        ByteBuf out = new ByteBuf(4);
        out.appendLatin1("Set-Cookie: ");
        new Cookie("a", "b").setSecure(true).appendTo(out);
        assertThat(new String(out.toByteArray(), StandardCharsets.ISO_8859_1)).isEqualTo("Set-Cookie: a=b; Secure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "session_id", "SID", "__Host-id", "x.y", "a!#$%&'*+-.^_`|~9"})
    void validNames(String name) {
        assertThat(new Cookie(name, "v").name()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a=b", "a;b", "a,b", "a\"b", "a:b", "a/b", "a@b", "a(b)", "a[b]", "a{b}", "a\\b",
            "a?b", "a\tb", "a\rb", "a\nb", "a\r\nSet-Cookie: x=y", "a\u0000", "a\u007f", "caf\u00e9", "\u4e2d", "\ud83d\ude00"})
    void invalidNamesAreRefused(String name) {
        assertThatThrownBy(() -> new Cookie(name, "v")).isInstanceOf(IllegalArgumentException.class);
        Cookie c = new Cookie("ok", "v");
        assertThatThrownBy(() -> c.setName(name)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.name()).isEqualTo("ok");
        assertThatThrownBy(() -> c.reset(name, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullNameIsRefused() {
        assertThatThrownBy(() -> new Cookie(null, "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a=b", "YWJj+/==", "!#$%&'()*+-./:<=>?@[]^_`{|}~", "0123456789"})
    void validValues(String value) {
        assertThat(new Cookie("n", value).toString()).isEqualTo("n=" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "a b", " a", "a ", "\"quoted\"", "a\"b", "a,b", "a;b", "a\\b", "a\tb", "a\rb", "a\nb",
            "a\r\nSet-Cookie: evil=1", "a\u0000b", "a\u001fb", "a\u007fb", "caf\u00e9", "\u4e2d", "\ud83d\ude00"})
    void invalidValuesAreRefused(String value) {
        assertThatThrownBy(() -> new Cookie("n", value)).isInstanceOf(IllegalArgumentException.class);
        Cookie c = new Cookie("n", "ok");
        assertThatThrownBy(() -> c.setValue(value)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.value()).isEqualTo("ok");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/a/b", "/with space", "example.com", ".example.com", "/~user/!$&'()*+,=:@"})
    void validAttributes(String value) {
        assertThat(new Cookie("a", "b").setPath(value).toString()).isEqualTo("a=b; Path=" + value);
        assertThat(new Cookie("a", "b").setDomain(value).toString()).isEqualTo("a=b; Domain=" + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a;b", "/a; Secure", ";", "/a\rb", "/a\nb", "/\r\nSet-Cookie: x=y", "/a\u0000", "/a\tb",
            "/a\u007f", "/caf\u00e9", "/\u4e2d"})
    void invalidAttributesAreRefused(String value) {
        Cookie c = new Cookie("a", "b");
        assertThatThrownBy(() -> c.setPath(value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> c.setDomain(value)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.toString()).isEqualTo("a=b");
    }

    @Test
    void nullAttributesAreOmitted() {
        Cookie c = new Cookie("a", "b").setPath("/").setDomain("d");
        assertThat(c.setPath(null).setDomain(null).toString()).isEqualTo("a=b");
    }
}
