package dev.fasthttp.internal.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Utf8Test {

    static Stream<String> texts() {
        return Stream.of("", "a", "key", "caf\u00e9", "\u00ff", "\u07ff\u0800", "\u4e2d\u6587",
                "\uffff", "\ud83d\ude00", "a\u00e9\u4e2d\ud83d\ude00z", "\udbff\udfff");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void equalsItsOwnUtf8Encoding(String text) {
        byte[] b = ("[" + text + "]").getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.contentEquals(b, 1, b.length - 2, text)).isTrue();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void differsFromEveryProperPrefixAndFromOneByteMore(String text) {
        byte[] b = (text + "x").getBytes(StandardCharsets.UTF_8);
        int length = b.length - 1;
        for (int n = 0; n < length; n++) {
            assertThat(Utf8.contentEquals(b, 0, n, text)).as("prefix of %d bytes", n).isFalse();
        }
        assertThat(Utf8.contentEquals(b, 0, length + 1, text)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("texts")
    void differsWhenAnyByteChanges(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            byte[] changed = b.clone();
            changed[i] ^= 0x01;
            assertThat(Utf8.contentEquals(changed, 0, changed.length, text)).as("byte %d flipped", i).isFalse();
        }
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                Arguments.of(new byte[0], "a"),
                Arguments.of(new byte[] {'a'}, ""),
                Arguments.of(new byte[] {'A'}, "a"), // case-sensitive
                Arguments.of(new byte[] {(byte) 0xE9}, "\u00e9"), // Latin-1 byte is not UTF-8
                Arguments.of(new byte[] {(byte) 0xC3}, "\u00e9"), // truncated sequence
                Arguments.of(new byte[] {(byte) 0xC3, (byte) 0xA9, 'x'}, "\u00e9"),
                Arguments.of(new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, "\ud83d\ude00"),
                // a lone surrogate is never equal to '?', which is what encoders write for it
                Arguments.of(new byte[] {'?'}, "\ud83d"),
                Arguments.of(new byte[] {(byte) 0xC3, (byte) 0xA9}, "e"));
    }

    @ParameterizedTest
    @MethodSource("mismatches")
    void mismatch(byte[] bytes, String text) {
        assertThat(Utf8.contentEquals(bytes, 0, bytes.length, text)).isFalse();
    }

    @Test
    void comparesOnlyTheGivenRange() {
        byte[] b = "xxkeyxx".getBytes(StandardCharsets.US_ASCII);
        assertThat(Utf8.contentEquals(b, 2, 3, "key")).isTrue();
        assertThat(Utf8.contentEquals(b, 2, 2, "key")).isFalse();
        assertThat(Utf8.contentEquals(b, 1, 3, "key")).isFalse();
    }

    @Test
    void acceptsAnyCharSequence() {
        byte[] b = "\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.contentEquals(b, 0, b.length, new StringBuilder("\u00e9t\u00e9"))).isTrue();
    }
}
