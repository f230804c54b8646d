package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadersTest {

    private final Response response = new Response();
    private final ResponseHeaders headers = response.headers();

    private String wire() {
        ByteBuf lines = headers.wireLines();
        return new String(lines.array(), 0, lines.size(), StandardCharsets.ISO_8859_1);
    }

    private static ByteView view(String s) {
        byte[] b = ("<" + s + ">").getBytes(StandardCharsets.ISO_8859_1);
        return new ByteView().set(b, 1, b.length - 2);
    }

    private String contentType() {
        ByteBuf b = response.contentTypeBytes();
        return new String(b.array(), 0, b.size(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void contentTypeIsWhatTheHandlerSetOrNull() {
        assertThat(response.contentType()).isNull();
        response.headers().set("Content-Type", "application/json");
        assertThat(response.contentType().toString()).isEqualTo("application/json");
        response.headers().del("Content-Type");
        assertThat(response.contentType()).isNull();
    }

    @Test
    void bodyLengthIsWhatWasSetAndUnknownForAStream() {
        assertThat(response.bodyLength()).isZero();
        response.setBodyString("hello").appendBodyString(", world");
        assertThat(response.bodyLength()).isEqualTo(12);
        response.setBodyStreamWriter(out -> out.write(1));
        assertThat(response.bodyLength()).isEqualTo(-1);
    }

    @Test
    void emptyByDefault() {
        assertThat(headers.size()).isZero();
        assertThat(wire()).isEmpty();
        assertThat(headers.peek("X")).isNull();
        assertThat(headers.contains("X")).isFalse();
        assertThat(headers.serverSet()).isFalse();
        assertThat(headers.dateSet()).isFalse();
    }

    @Test
    void setAddsOneLine() {
        headers.set("X-Request-Id", "abc");
        assertThat(wire()).isEqualTo("X-Request-Id: abc\r\n");
        assertThat(headers.size()).isEqualTo(1);
        assertThat(headers.name(0).toString()).isEqualTo("X-Request-Id");
        assertThat(headers.value(0).toString()).isEqualTo("abc");
        assertThat(headers.peek("x-request-id").toString()).isEqualTo("abc");
        assertThat(headers.contains("X-REQUEST-ID")).isTrue();
    }

    @Test
    void setReplacesEveryLineOfThatName() {
        headers.add("Vary", "Accept");
        headers.add("X-Other", "1");
        headers.add("vary", "Origin");
        headers.set("VARY", "Cookie");
        assertThat(wire()).isEqualTo("X-Other: 1\r\nVARY: Cookie\r\n");
        assertThat(headers.size()).isEqualTo(2);
        assertThat(headers.peek("Vary").toString()).isEqualTo("Cookie");
    }

    @Test
    void addKeepsExistingLines() {
        headers.add("Link", "</a>; rel=preload");
        headers.add("Link", "</b>; rel=preload");
        assertThat(wire()).isEqualTo("Link: </a>; rel=preload\r\nLink: </b>; rel=preload\r\n");
        assertThat(headers.peek("link").toString()).isEqualTo("</a>; rel=preload"); // the first
    }

    @Test
    void delRemovesEveryLineOfThatNameAndKeepsTheOthersIntact() {
        headers.add("A", "1");
        headers.add("B", "2");
        headers.add("a", "3");
        headers.add("C", "4");
        headers.add("A", "5");
        headers.del("A");
        assertThat(wire()).isEqualTo("B: 2\r\nC: 4\r\n");
        assertThat(headers.size()).isEqualTo(2);
        assertThat(headers.name(0).toString()).isEqualTo("B");
        assertThat(headers.value(0).toString()).isEqualTo("2");
        assertThat(headers.name(1).toString()).isEqualTo("C");
        assertThat(headers.value(1).toString()).isEqualTo("4");
        headers.del("missing");
        assertThat(headers.size()).isEqualTo(2);
        headers.add("D", "6");
        assertThat(wire()).isEqualTo("B: 2\r\nC: 4\r\nD: 6\r\n");
        assertThat(headers.peek("d").toString()).isEqualTo("6");
    }

    @Test
    void emptyValue() {
        headers.set("X-Empty", "");
        assertThat(wire()).isEqualTo("X-Empty: \r\n");
        assertThat(headers.peek("X-Empty").isEmpty()).isTrue();
    }

    @Test
    void viewValues() {
        headers.set("X-A", view("from a view"));
        headers.add("X-A", view("caf\u00e9"));
        assertThat(headers.size()).isEqualTo(2);
        assertThat(headers.value(0).toString()).isEqualTo("from a view");
        assertThat(headers.value(1).toString(StandardCharsets.ISO_8859_1)).isEqualTo("caf\u00e9");
    }

    @Test
    void setLongWritesDigits() {
        headers.setLong("X-Count", 0);
        headers.setLong("X-Big", Long.MAX_VALUE);
        headers.setLong("x-count", 17);
        assertThat(wire()).isEqualTo("X-Big: 9223372036854775807\r\nx-count: 17\r\n");
    }

    @Test
    void obsTextAndTabAreAllowedInValues() {
        headers.set("X-Latin", "caf\u00e9\tand \u00ff");
        assertThat(wire().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(bytes("X-Latin: caf\u00e9\tand \u00ff\r\n"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void visitAllSeesEveryLine() {
        headers.add("A", "1");
        headers.add("B", "2");
        List<String> seen = new ArrayList<>();
        headers.visitAll((k, v) -> seen.add(k + "=" + v));
        assertThat(seen).containsExactly("A=1", "B=2");
    }

    @Test
    void indexOutsideTheHeadersIsRefused() {
        headers.add("A", "1");
        assertThatThrownBy(() -> headers.name(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> headers.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void manyHeaders() {
        for (int i = 0; i < 200; i++) {
            headers.add("X-" + i, "v" + i);
        }
        for (int i = 0; i < 200; i += 2) {
            headers.del("X-" + i);
        }
        assertThat(headers.size()).isEqualTo(100);
        for (int i = 1; i < 200; i += 2) {
            assertThat(headers.peek("X-" + i).toString()).isEqualTo("v" + i);
        }
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i < 200; i += 2) {
            expected.append("X-").append(i).append(": v").append(i).append("\r\n");
        }
        assertThat(wire()).isEqualTo(expected.toString());
    }

    @Test
    void resetForgetsEverything() {
        headers.set("Server", "mine");
        headers.add("Date", "today");
        headers.add("X", "1".repeat(100_000));
        headers.reset();
        assertThat(headers.size()).isZero();
        assertThat(wire()).isEmpty();
        assertThat(headers.serverSet()).isFalse();
        assertThat(headers.dateSet()).isFalse();
        headers.add("Y", "2");
        assertThat(wire()).isEqualTo("Y: 2\r\n");
    }

    // ---------------------------------------------------------------- special names

    @Test
    void contentTypeGoesToTheResponse() {
        headers.set("Content-Type", "application/json");
        assertThat(wire()).isEmpty();
        assertThat(response.contentTypeSet()).isTrue();
        assertThat(contentType()).isEqualTo("application/json");
        headers.add("content-type", "text/html");
        assertThat(wire()).isEmpty();
        assertThat(contentType()).isEqualTo("text/html");
        headers.set("CONTENT-TYPE", view("image/png"));
        assertThat(contentType()).isEqualTo("image/png");
        headers.del("Content-Type");
        assertThat(response.contentTypeSet()).isFalse();
        assertThat(wire()).isEmpty();
    }

    @Test
    void framingHeadersHaveNoEffect() {
        headers.set("Content-Length", "999");
        headers.add("content-length", "5");
        headers.set("Transfer-Encoding", "chunked");
        headers.add("TRANSFER-ENCODING", "gzip");
        assertThat(wire()).isEmpty();
        assertThat(headers.size()).isZero();
        assertThat(headers.contains("Content-Length")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "Close", "CLOSE", " close "})
    void connectionCloseClosesTheConnection(String value) {
        headers.set("Connection", value);
        assertThat(response.connectionClose()).isTrue();
        assertThat(wire()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"keep-alive", "upgrade", "", "closed"})
    void otherConnectionValuesAreIgnored(String value) {
        headers.set("Connection", value);
        headers.add("connection", value);
        assertThat(response.connectionClose()).isFalse();
        assertThat(wire()).isEmpty();
    }

    @Test
    void addedServerAndDateOverrideTheDefaults() {
        headers.add("Server", "mine");
        headers.add("date", "Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(headers.serverSet()).isTrue();
        assertThat(headers.dateSet()).isTrue();
        assertThat(wire()).isEqualTo("Server: mine\r\ndate: Thu, 01 Jan 1970 00:00:00 GMT\r\n");
        headers.del("SERVER");
        headers.del("Date");
        assertThat(headers.serverSet()).isFalse();
        assertThat(headers.dateSet()).isFalse();
        assertThat(wire()).isEmpty();
    }

    @Test
    void setLongDateOverridesTheDefault() {
        headers.setLong("Date", 0);
        assertThat(headers.dateSet()).isTrue();
    }

    @Test
    void setServerAndDateOverrideTheDefaults() {
        headers.set("Server", "mine");
        headers.set("Date", "Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(headers.serverSet()).isTrue();
        assertThat(headers.dateSet()).isTrue();
    }

    @Test
    void setLongOfAFramingHeaderHasNoEffect() {
        headers.setLong("Content-Length", 10);
        headers.setLong("Transfer-Encoding", 1);
        assertThat(wire()).isEmpty();
    }

    // ---------------------------------------------------------------- injection

    @ParameterizedTest
    @ValueSource(strings = {"", "X Y", "X:Y", "X-A:", "X\r", "X\n", "X\r\nInjected", "X\u0000", "X\t", "X\u007f",
            "X(1)", "X/Y", "X@Y", "X\"", "caf\u00e9", "X-\u4e2d", "X;"})
    void invalidNamesAreRefused(String name) {
        headers.add("Keep", "1");
        assertThatThrownBy(() -> headers.set(name, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.add(name, "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.set(name, view("v"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.setLong(name, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(wire()).isEqualTo("Keep: 1\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\r\nX-Injected: 1", "\r\n\r\n<html>", "a\u0000b", "a\u0001b", "a\u000bb",
            "a\u001fb", "a\u007fb", "\u0100", "\u4e2d", "\ud83d\ude00"})
    void invalidValuesAreRefusedForEveryName(String value) {
        headers.add("Keep", "1");
        for (String name : new String[] {"X-Custom", "Server", "Date", "Content-Type", "Content-Length",
                "Transfer-Encoding", "Connection", "Set-Cookie", "Location"}) {
            assertThatThrownBy(() -> headers.set(name, value)).as("set %s", name).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> headers.add(name, value)).as("add %s", name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(wire()).isEqualTo("Keep: 1\r\n");
        assertThat(response.contentTypeSet()).isFalse();
        assertThat(response.connectionClose()).isFalse();
        assertThat(headers.serverSet()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\rb", "a\nb", "a\u0000b", "a\u007fb"})
    void invalidViewValuesAreRefused(String value) {
        assertThatThrownBy(() -> headers.set("X", view(value))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> headers.add("X", view(value))).isInstanceOf(IllegalArgumentException.class);
        assertThat(headers.size()).isZero();
    }

    @Test
    void contentTypeWithControlsIsRefusedOnTheResponseToo() {
        assertThatThrownBy(() -> response.setContentType("text/html\r\nX: y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(response.contentTypeSet()).isFalse();
    }
}
