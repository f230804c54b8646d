package dev.fasthttp.internal.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteBufTest {

    private static String content(ByteBuf b) {
        return new String(b.array(), 0, b.size(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void newBufferIsEmptyWithItsInitialCapacity() {
        ByteBuf b = new ByteBuf(16);
        assertThat(b.size()).isZero();
        assertThat(b.isEmpty()).isTrue();
        assertThat(b.capacity()).isEqualTo(16);
        assertThat(b.toByteArray()).isEmpty();
    }

    @Test
    void appendVariants() {
        ByteBuf b = new ByteBuf(4);
        b.append((byte) 'a')
                .append(new byte[] {'b', 'c'})
                .append("xdefx".getBytes(StandardCharsets.US_ASCII), 1, 3)
                .append("--gh--".getBytes(StandardCharsets.US_ASCII), 2, 2)
                .appendLatin1("ij")
                .appendUtf8("kl")
                .appendDecimal(42)
                .append(new byte[0]);
        assertThat(content(b)).isEqualTo("abcdefghijkl42");
        assertThat(b.size()).isEqualTo(14);
        assertThat(b.isEmpty()).isFalse();
        assertThat(b.toByteArray()).isEqualTo("abcdefghijkl42".getBytes(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, 10, 1234567890123L, Long.MAX_VALUE})
    void appendDecimal(long value) {
        ByteBuf b = new ByteBuf(1);
        b.appendLatin1("n=").appendDecimal(value).append((byte) ';');
        assertThat(content(b)).isEqualTo("n=" + value + ";");
    }

    @Test
    void appendLatin1KeepsTheLowByteOfEachChar() {
        ByteBuf b = new ByteBuf(2);
        b.appendLatin1("caf\u00e9\u00ff");
        assertThat(b.toByteArray()).containsExactly('c', 'a', 'f', 0xE9, 0xFF);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 7, 8})
    void growsFromAnyInitialCapacityKeepingContent(int initial) {
        ByteBuf b = new ByteBuf(initial);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            char c = (char) ('a' + i % 26);
            b.append((byte) c);
            expected.append(c);
        }
        assertThat(b.size()).isEqualTo(1000);
        assertThat(b.capacity()).isGreaterThanOrEqualTo(1000);
        assertThat(content(b)).isEqualTo(expected.toString());
    }

    @Test
    void growthAtLeastDoublesAndFitsALargeAppend() {
        ByteBuf b = new ByteBuf(8);
        b.append(new byte[5]);
        b.append(new byte[5]); // needs 10: doubles to 16
        assertThat(b.capacity()).isEqualTo(16);
        b.append(new byte[100]); // needs 110: more than double
        assertThat(b.capacity()).isEqualTo(110);
        assertThat(b.size()).isEqualTo(110);
    }

    @Test
    void ensureWritableKeepsSizeAndContent() {
        ByteBuf b = new ByteBuf(2);
        b.appendLatin1("ab");
        b.ensureWritable(100);
        assertThat(b.capacity()).isGreaterThanOrEqualTo(102);
        assertThat(content(b)).isEqualTo("ab");
        byte[] before = b.array();
        b.ensureWritable(100);
        assertThat(b.array()).isSameAs(before);
    }

    @Test
    void ensureWritableRefusesAnOverflowingSize() {
        ByteBuf b = new ByteBuf(4);
        b.append((byte) 1);
        assertThatThrownBy(() -> b.ensureWritable(Integer.MAX_VALUE)).isInstanceOf(OutOfMemoryError.class);
        assertThat(b.size()).isEqualTo(1);
    }

    @Test
    void clearKeepsTheArray() {
        ByteBuf b = new ByteBuf(4);
        b.append(new byte[100]);
        byte[] grown = b.array();
        b.clear();
        assertThat(b.size()).isZero();
        assertThat(b.array()).isSameAs(grown);
    }

    @Test
    void clearWithRetentionLimitDropsAGrownArray() {
        ByteBuf b = new ByteBuf(16);
        b.append(new byte[1000]);
        assertThat(b.capacity()).isGreaterThan(64);
        b.clear(64);
        assertThat(b.size()).isZero();
        assertThat(b.capacity()).isEqualTo(16);
        b.appendLatin1("again");
        assertThat(content(b)).isEqualTo("again");
    }

    @Test
    void clearWithRetentionLimitKeepsAnArrayWithinTheLimit() {
        ByteBuf b = new ByteBuf(16);
        b.append(new byte[40]);
        byte[] array = b.array();
        b.clear(array.length); // exactly at the limit: kept
        assertThat(b.array()).isSameAs(array);
        assertThat(b.size()).isZero();
    }

    @Test
    void setSizeWithinCapacity() {
        ByteBuf b = new ByteBuf(8);
        b.ensureWritable(3);
        b.array()[0] = 'x';
        b.array()[1] = 'y';
        b.array()[2] = 'z';
        b.setSize(3);
        assertThat(content(b)).isEqualTo("xyz");
        b.setSize(0);
        assertThat(b.isEmpty()).isTrue();
        b.setSize(b.capacity());
        assertThat(b.size()).isEqualTo(b.capacity());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 9, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void setSizeOutsideCapacityIsRefused(int size) {
        ByteBuf b = new ByteBuf(8);
        assertThatThrownBy(() -> b.setSize(size)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(b.size()).isZero();
    }

    @ParameterizedTest(name = "[{index}] remove [{1}, {2}) of \"{0}\" -> \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "abcdef|0|0|abcdef",
            "abcdef|0|1|bcdef",
            "abcdef|0|6|''",
            "abcdef|5|6|abcde",
            "abcdef|2|4|abef",
            "abcdef|3|3|abcdef",
            "abcdef|1|5|af",
            "a|0|1|''"})
    void remove(String initial, int from, int to, String expected) {
        ByteBuf b = new ByteBuf(2);
        b.appendLatin1(initial);
        b.remove(from, to);
        assertThat(content(b)).isEqualTo(expected);
        assertThat(b.size()).isEqualTo(expected.length());
    }

    @Test
    void removeThenAppend() {
        ByteBuf b = new ByteBuf(8);
        b.appendLatin1("Name: v\r\nOther: w\r\n");
        b.remove(0, 9);
        b.appendLatin1("X: y\r\n");
        assertThat(content(b)).isEqualTo("Other: w\r\nX: y\r\n");
    }

    static Stream<Arguments> utf8Texts() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("ascii", "Hello, World! ~\u007f\u0000\t"),
                Arguments.of("latin-1", "caf\u00e9 na\u00efve \u00ff\u0080\u00a0"),
                Arguments.of("two-byte boundary", "\u007f\u0080\u07ff\u0800"),
                Arguments.of("greek/cyrillic", "\u03b1\u03b2\u03b3 \u0436\u0437"),
                Arguments.of("cjk", "\u4e2d\u6587\u65e5\u672c\u8a9e\ud55c\uad6d\uc5b4"),
                Arguments.of("three-byte max", "\uffff\ufffd\ue000\ud7ff"),
                Arguments.of("emoji", "\ud83d\ude00\ud83c\udf89 ok \ud83d\udc4d\ud83c\udffd"),
                Arguments.of("supplementary max", "\udbff\udfff"),
                Arguments.of("supplementary min", "\ud800\udc00"),
                Arguments.of("mixed", "a\u00e9\u4e2d\ud83d\ude00z"),
                Arguments.of("lone high surrogate", "a\ud83db"),
                Arguments.of("lone high surrogate at end", "ab\ud83d"),
                Arguments.of("lone low surrogate", "a\ude00b"),
                Arguments.of("lone low surrogate at start", "\ude00ab"),
                Arguments.of("reversed pair", "\ude00\ud83d"),
                Arguments.of("two high surrogates then low", "\ud83d\ud83d\ude00"),
                Arguments.of("high then ascii then low", "\ud83dx\ude00"),
                Arguments.of("only surrogates", "\udc00\udc00\ud800"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("utf8Texts")
    void appendUtf8MatchesStringGetBytes(String label, String text) {
        ByteBuf b = new ByteBuf(1);
        b.appendLatin1("<");
        b.appendUtf8(text);
        b.appendLatin1(">");
        byte[] expected = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
        assertThat(b.toByteArray()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("utf8Texts")
    void appendUtf8IntoAnExactlySizedBuffer(String label, String text) {
        byte[] expected = text.getBytes(StandardCharsets.UTF_8);
        ByteBuf b = new ByteBuf(expected.length);
        b.appendUtf8(text);
        assertThat(b.toByteArray()).isEqualTo(expected);
        assertThat(b.capacity()).isEqualTo(expected.length); // the length was computed exactly
    }

    @Test
    void appendUtf8OfUnpairedSurrogatesWritesQuestionMarks() {
        ByteBuf b = new ByteBuf(4);
        b.appendUtf8("x\ud800y\udfffz");
        assertThat(content(b)).isEqualTo("x?y?z");
    }

    @Test
    void appendUtf8OfRandomStringsMatchesStringGetBytes() {
        Random random = new Random(0x5eedL);
        for (int round = 0; round < 2000; round++) {
            int n = random.nextInt(20);
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                switch (random.nextInt(5)) {
                    case 0 -> sb.append((char) random.nextInt(0x80));
                    case 1 -> sb.append((char) (0x80 + random.nextInt(0x780)));
                    case 2 -> sb.append((char) random.nextInt(0x10000)); // surrogates included
                    case 3 -> sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                    default -> sb.append((char) (0xD800 + random.nextInt(0x800)));
                }
            }
            String text = sb.toString();
            ByteBuf b = new ByteBuf(0);
            b.appendUtf8(text);
            assertThat(b.toByteArray()).as("round %d: %s", round, text.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void appendUtf8AcceptsAnyCharSequence() {
        ByteBuf b = new ByteBuf(1);
        b.appendUtf8(new StringBuilder("\u00e9\ud83d\ude00"));
        assertThat(b.toByteArray()).isEqualTo("\u00e9\ud83d\ude00".getBytes(StandardCharsets.UTF_8));
    }
}
