package dev.fasthttp.internal.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static Stream<Arguments> decimals() {
        return Stream.of(
                Arguments.of("", -1L),
                Arguments.of("0", 0L),
                Arguments.of("7", 7L),
                Arguments.of("42", 42L),
                Arguments.of("007", 7L),
                Arguments.of("0000", 0L),
                Arguments.of("1234567890", 1234567890L),
                Arguments.of("-1", -1L),
                Arguments.of("+1", -1L),
                Arguments.of(" 1", -1L),
                Arguments.of("1 ", -1L),
                Arguments.of("1a", -1L),
                Arguments.of("0x10", -1L),
                Arguments.of("1.0", -1L),
                Arguments.of("1,2", -1L),
                Arguments.of("١٢", -1L), // Arabic-Indic digits are not ASCII digits
                Arguments.of("\u00001", -1L),
                Arguments.of("/", -1L), // '0' - 1
                Arguments.of(":", -1L), // '9' + 1
                // 19 digits
                Arguments.of("1000000000000000000", 1_000_000_000_000_000_000L),
                Arguments.of("9223372036854775806", Long.MAX_VALUE - 1),
                Arguments.of("9223372036854775807", Long.MAX_VALUE),
                Arguments.of("9223372036854775808", -1L),
                Arguments.of("9223372036854775810", -1L),
                Arguments.of("9999999999999999999", -1L),
                // 20 digits
                Arguments.of("10000000000000000000", -1L),
                Arguments.of("18446744073709551615", -1L), // 2^64 - 1
                Arguments.of("18446744073709551616", -1L), // 2^64: wraps to 0 if unchecked
                Arguments.of("18446744073709551623", -1L), // 2^64 + 7
                Arguments.of("99999999999999999999", -1L),
                Arguments.of("1844674407370955161x", -1L),
                // leading zeros do not count against the digit limit
                Arguments.of("09223372036854775807", Long.MAX_VALUE),
                Arguments.of("000000000000000000000000000000042", 42L),
                Arguments.of("0000000000000000000000009223372036854775807", Long.MAX_VALUE),
                Arguments.of("0000000000000000000000009223372036854775808", -1L),
                Arguments.of("00000000000000000000000000000000000000000", 0L),
                Arguments.of("0000000000000000000000x", -1L),
                Arguments.of("123456789012345678901234567890", -1L));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("decimals")
    void parseDecimal(String text, long expected) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        assertThat(Numbers.parseDecimal(b, 0, b.length)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @MethodSource("decimals")
    void parseDecimalReadsOnlyItsRange(String text, long expected) {
        byte[] inner = text.getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[inner.length + 6];
        Arrays.fill(b, (byte) '9');
        System.arraycopy(inner, 0, b, 3, inner.length);
        assertThat(Numbers.parseDecimal(b, 3, 3 + inner.length)).isEqualTo(expected);
    }

    @Test
    void parseDecimalOfAnInvertedRangeIsInvalid() {
        byte[] b = ascii("123");
        assertThat(Numbers.parseDecimal(b, 2, 1)).isEqualTo(-1);
    }

    static Stream<Long> decimalValues() {
        return Stream.of(0L, 1L, 9L, 10L, 11L, 99L, 100L, 101L, 999L, 1000L, 65535L, 1_000_000L,
                Integer.MAX_VALUE - 1L, (long) Integer.MAX_VALUE, Integer.MAX_VALUE + 1L,
                999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE - 1, Long.MAX_VALUE);
    }

    @ParameterizedTest
    @MethodSource("decimalValues")
    void writeDecimalMatchesLongToString(long value) {
        String expected = Long.toString(value);
        byte[] b = new byte[30];
        Arrays.fill(b, (byte) '#');
        int end = Numbers.writeDecimal(b, 5, value);
        assertThat(end).isEqualTo(5 + expected.length());
        assertThat(new String(b, 5, end - 5, StandardCharsets.US_ASCII)).isEqualTo(expected);
        assertThat(Numbers.decimalLength(value)).isEqualTo(expected.length());
        // nothing written outside [5, end)
        for (int i = 0; i < 5; i++) assertThat(b[i]).isEqualTo((byte) '#');
        for (int i = end; i < b.length; i++) assertThat(b[i]).isEqualTo((byte) '#');
    }

    @ParameterizedTest
    @MethodSource("decimalValues")
    void writeThenParseRoundTrips(long value) {
        byte[] b = new byte[20];
        int end = Numbers.writeDecimal(b, 0, value);
        assertThat(Numbers.parseDecimal(b, 0, end)).isEqualTo(value);
    }

    @Test
    void decimalLengthAtEveryPowerOfTen() {
        long p = 1;
        for (int digits = 1; digits <= 19; digits++) {
            assertThat(Numbers.decimalLength(p)).as("10^%d", digits - 1).isEqualTo(digits);
            assertThat(Numbers.decimalLength(p - 1)).as("10^%d - 1", digits - 1).isEqualTo(Math.max(1, digits - 1));
            if (digits < 19) p *= 10;
        }
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource({
            "0, 0", "1, 1", "9, 9",
            "a, 10", "b, 11", "c, 12", "d, 13", "e, 14", "f, 15",
            "A, 10", "B, 11", "C, 12", "D, 13", "E, 14", "F, 15",
            "g, -1", "G, -1", "z, -1", "Z, -1", "x, -1", "/, -1", ":, -1", "@, -1", "`, -1",
            "' ', -1", "-, -1", "+, -1", "%, -1"})
    void hexValue(char c, int expected) {
        assertThat(Numbers.hexValue((byte) c)).isEqualTo(expected);
    }

    @Test
    void hexValueOfEveryByte() {
        for (int i = 0; i < 256; i++) {
            int expected = Character.digit((char) i, 16);
            if (i > 0x7F) expected = -1; // Character.digit knows no such digits, but be explicit
            assertThat(Numbers.hexValue((byte) i)).as("byte 0x%02x", i).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 9, 10, 15, 16, 17, 255, 256, 4095, 4096, 0xABCDEFL, 0x7FFFFFFFL, 0xFFFFFFFFL,
            0x100000000L, 0x0FFFFFFFFFFFFFFFL, 0x1000000000000000L, Long.MAX_VALUE})
    void writeHexMatchesLongToHexString(long value) {
        String expected = Long.toHexString(value);
        byte[] b = new byte[24];
        Arrays.fill(b, (byte) '#');
        int end = Numbers.writeHex(b, 3, value);
        assertThat(end).isEqualTo(3 + expected.length());
        assertThat(Numbers.hexLength(value)).isEqualTo(expected.length());
        assertThat(new String(b, 3, end - 3, StandardCharsets.US_ASCII)).isEqualTo(expected);
        for (int i = 0; i < 3; i++) assertThat(b[i]).isEqualTo((byte) '#');
        for (int i = end; i < b.length; i++) assertThat(b[i]).isEqualTo((byte) '#');
    }

    @ParameterizedTest(name = "[{index}] hexLength({0}) = {1}")
    @CsvSource({"0, 1", "1, 1", "15, 1", "16, 2", "255, 2", "256, 3", "9223372036854775807, 16"})
    void hexLength(long value, int expected) {
        assertThat(Numbers.hexLength(value)).isEqualTo(expected);
    }

    @Test
    void hexLengthAtEveryPowerOfSixteen() {
        for (int digits = 1; digits < 16; digits++) {
            long p = 1L << (4 * digits);
            assertThat(Numbers.hexLength(p - 1)).isEqualTo(digits);
            assertThat(Numbers.hexLength(p)).isEqualTo(digits + 1);
        }
    }
}
