package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class HttpDateTest {

    /**
     * The reference: {@link DateTimeFormatter#RFC_1123_DATE_TIME} in UTC, which writes "GMT" for
     * offset zero but a one-digit day; IMF-fixdate wants two digits.
     */
    static String expected(long epochSecond) {
        String rfc1123 = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
        // "Thu, 1 Jan 1970 00:00:00 GMT" -> "Thu, 01 Jan 1970 00:00:00 GMT"
        return rfc1123.charAt(6) == ' ' ? rfc1123.substring(0, 5) + "0" + rfc1123.substring(5) : rfc1123;
    }

    static String format(long epochSecond) {
        byte[] dst = new byte[HttpDate.LENGTH + 6];
        Arrays.fill(dst, (byte) '#');
        HttpDate.format(epochSecond, dst, 3);
        // nothing written outside its 29 bytes
        for (int i = 0; i < 3; i++) assertThat(dst[i]).isEqualTo((byte) '#');
        for (int i = 3 + HttpDate.LENGTH; i < dst.length; i++) assertThat(dst[i]).isEqualTo((byte) '#');
        return new String(dst, 3, HttpDate.LENGTH, StandardCharsets.US_ASCII);
    }

    private static long at(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
    }

    static Stream<Arguments> instants() {
        return Stream.of(
                Arguments.of("epoch", 0L, "Thu, 01 Jan 1970 00:00:00 GMT"),
                Arguments.of("RFC 9110 example", 784111777L, "Sun, 06 Nov 1994 08:49:37 GMT"),
                Arguments.of("last second of epoch day", 86399L, "Thu, 01 Jan 1970 23:59:59 GMT"),
                Arguments.of("second day", 86400L, "Fri, 02 Jan 1970 00:00:00 GMT"),
                Arguments.of("one second before epoch", -1L, "Wed, 31 Dec 1969 23:59:59 GMT"),
                Arguments.of("leap day 2000", at(2000, 2, 29, 12, 0, 0), "Tue, 29 Feb 2000 12:00:00 GMT"),
                Arguments.of("after leap day 2000", at(2000, 3, 1, 0, 0, 0), "Wed, 01 Mar 2000 00:00:00 GMT"),
                Arguments.of("leap day 2024", at(2024, 2, 29, 23, 59, 59), "Thu, 29 Feb 2024 23:59:59 GMT"),
                Arguments.of("after leap day 2024", at(2024, 3, 1, 0, 0, 0), "Fri, 01 Mar 2024 00:00:00 GMT"),
                Arguments.of("no leap day 1900", at(1900, 2, 28, 23, 59, 59), "Wed, 28 Feb 1900 23:59:59 GMT"),
                Arguments.of("1900-03-01", at(1900, 3, 1, 0, 0, 0), "Thu, 01 Mar 1900 00:00:00 GMT"),
                Arguments.of("1900-01-01", at(1900, 1, 1, 0, 0, 0), "Mon, 01 Jan 1900 00:00:00 GMT"),
                Arguments.of("no leap day 2100", at(2100, 2, 28, 23, 59, 59), "Sun, 28 Feb 2100 23:59:59 GMT"),
                Arguments.of("2100-03-01", at(2100, 3, 1, 0, 0, 0), "Mon, 01 Mar 2100 00:00:00 GMT"),
                Arguments.of("leap day 2400", at(2400, 2, 29, 0, 0, 0), "Tue, 29 Feb 2400 00:00:00 GMT"),
                Arguments.of("end of 1999", at(1999, 12, 31, 23, 59, 59), "Fri, 31 Dec 1999 23:59:59 GMT"),
                Arguments.of("start of 2000", at(2000, 1, 1, 0, 0, 0), "Sat, 01 Jan 2000 00:00:00 GMT"),
                Arguments.of("end of 2023", at(2023, 12, 31, 23, 59, 59), "Sun, 31 Dec 2023 23:59:59 GMT"),
                Arguments.of("end of 2024 (leap year)", at(2024, 12, 31, 23, 59, 59), "Tue, 31 Dec 2024 23:59:59 GMT"),
                Arguments.of("end of int seconds", (long) Integer.MAX_VALUE, "Tue, 19 Jan 2038 03:14:07 GMT"),
                Arguments.of("after int seconds", Integer.MAX_VALUE + 1L, "Tue, 19 Jan 2038 03:14:08 GMT"),
                Arguments.of("end of 9999", at(9999, 12, 31, 23, 59, 59), "Fri, 31 Dec 9999 23:59:59 GMT"),
                Arguments.of("year 1000", at(1000, 6, 15, 6, 7, 8), "Sun, 15 Jun 1000 06:07:08 GMT"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("instants")
    void formatsKnownInstants(String label, long epochSecond, String text) {
        assertThat(format(epochSecond)).isEqualTo(text).isEqualTo(expected(epochSecond));
    }

    @Test
    void everyDayFrom1899To2101MatchesTheReference() {
        long from = at(1899, 1, 1, 0, 0, 0);
        long to = at(2102, 1, 1, 0, 0, 0);
        int i = 0;
        for (long s = from; s < to; s += 86400) {
            long t = s + (i++ * 3607L) % 86400; // vary the time of day too
            assertThat(format(t)).as("epoch second %d", t).isEqualTo(expected(t));
        }
    }

    @Test
    void randomInstantsFrom1970To2400MatchTheReference() {
        Random random = new Random(20240229L);
        long from = 0;
        long to = at(2400, 12, 31, 23, 59, 59);
        for (int i = 0; i < 10_000; i++) {
            long t = from + (long) (random.nextDouble() * (to - from));
            assertThat(format(t)).as("epoch second %d", t).isEqualTo(expected(t));
        }
    }

    @Test
    void secondsAcrossADayMatchTheReference() {
        long day = at(2024, 2, 29, 0, 0, 0);
        for (long t = day; t < day + 86400; t += 7) {
            assertThat(format(t)).isEqualTo(expected(t));
        }
    }

    @Test
    void outputParsesBackWithRfc1123() {
        long t = at(2031, 7, 4, 9, 5, 3);
        assertThat(Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(format(t))).getEpochSecond()).isEqualTo(t);
    }
}
