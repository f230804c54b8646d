package dev.fasthttp;

import dev.fasthttp.internal.bytes.Ascii;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HttpDate;

/**
 * A cookie to send with {@link Response#setCookie(Cookie)} (RFC 6265 {@code Set-Cookie}).
 *
 * <p>Mutable and reusable: a handler may keep one per thread and reset it, so that setting a
 * cookie allocates nothing. Names and values are checked when set: a value with a space, quote,
 * comma, semicolon, backslash or control character is refused, since it would let a value
 * escape into other attributes or headers.
 */
public final class Cookie {

    public enum SameSite { STRICT("Strict"), LAX("Lax"), NONE("None");
        private final String attribute;
        SameSite(String attribute) { this.attribute = attribute; }
    }

    private String name;
    private String value = "";
    private String path;
    private String domain;
    private long maxAgeSeconds = -1;
    private long expiresEpochSecond = Long.MIN_VALUE;
    private boolean secure;
    private boolean httpOnly;
    private SameSite sameSite;

    public Cookie(String name, String value) {
        setName(name);
        setValue(value);
    }

    /** Clears every attribute and sets a new name and value, for reuse. */
    public Cookie reset(String name, String value) {
        path = domain = null;
        maxAgeSeconds = -1;
        expiresEpochSecond = Long.MIN_VALUE;
        secure = httpOnly = false;
        sameSite = null;
        return setName(name).setValue(value);
    }

    public Cookie setName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("cookie name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0x7F || !Ascii.isToken((byte) c)) {
                throw new IllegalArgumentException("invalid character in cookie name: " + name);
            }
        }
        this.name = name;
        return this;
    }

    public Cookie setValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // cookie-octet (RFC 6265 4.1.1)
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == ',' || c == ';' || c == '\\') {
                throw new IllegalArgumentException("invalid character in cookie value of " + name);
            }
        }
        this.value = value;
        return this;
    }

    public Cookie setPath(String path) {
        this.path = checkAttribute(path);
        return this;
    }

    public Cookie setDomain(String domain) {
        this.domain = checkAttribute(domain);
        return this;
    }

    /** Max-Age in seconds; 0 deletes the cookie, -1 (the default) omits the attribute. */
    public Cookie setMaxAge(long seconds) {
        this.maxAgeSeconds = seconds;
        return this;
    }

    public Cookie setExpires(java.time.Instant expires) {
        this.expiresEpochSecond = expires == null ? Long.MIN_VALUE : expires.getEpochSecond();
        return this;
    }

    public Cookie setSecure(boolean secure) {
        this.secure = secure;
        return this;
    }

    public Cookie setHttpOnly(boolean httpOnly) {
        this.httpOnly = httpOnly;
        return this;
    }

    public Cookie setSameSite(SameSite sameSite) {
        this.sameSite = sameSite;
        return this;
    }

    public String name() {
        return name;
    }

    public String value() {
        return value;
    }

    /** Appends the {@code Set-Cookie} field value. */
    void appendTo(ByteBuf out) {
        out.appendLatin1(name).append((byte) '=').appendLatin1(value);
        if (path != null) out.appendLatin1("; Path=").appendLatin1(path);
        if (domain != null) out.appendLatin1("; Domain=").appendLatin1(domain);
        if (maxAgeSeconds >= 0) out.appendLatin1("; Max-Age=").appendDecimal(maxAgeSeconds);
        if (expiresEpochSecond != Long.MIN_VALUE) {
            out.appendLatin1("; Expires=");
            out.ensureWritable(HttpDate.LENGTH);
            HttpDate.format(expiresEpochSecond, out.array(), out.size());
            out.setSize(out.size() + HttpDate.LENGTH);
        }
        if (secure) out.appendLatin1("; Secure");
        if (httpOnly) out.appendLatin1("; HttpOnly");
        if (sameSite != null) out.appendLatin1("; SameSite=").appendLatin1(sameSite.attribute);
    }

    private static String checkAttribute(String value) {
        if (value != null) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c >= 0x7F || c == ';') {
                    throw new IllegalArgumentException("invalid character in cookie attribute: " + value);
                }
            }
        }
        return value;
    }

    @Override
    public String toString() {
        ByteBuf b = new ByteBuf(64);
        appendTo(b);
        return new String(b.array(), 0, b.size(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
