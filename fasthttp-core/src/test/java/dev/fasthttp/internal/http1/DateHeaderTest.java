package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DateHeaderTest {

    private static String line(DateHeader header) {
        ByteBuf out = new ByteBuf(8);
        header.appendTo(out);
        return new String(out.toByteArray(), StandardCharsets.US_ASCII);
    }

    /** The header's own bytes, to see whether {@code refresh} wrote them again. */
    private static byte[] internalLine(DateHeader header) throws ReflectiveOperationException {
        Field f = DateHeader.class.getDeclaredField("line");
        f.setAccessible(true);
        return (byte[]) f.get(header);
    }

    static Stream<Long> millis() {
        long leapDay = LocalDateTime.of(2024, 2, 29, 13, 14, 15).toEpochSecond(ZoneOffset.UTC) * 1000;
        return Stream.of(0L, 999L, 1000L, 784111777000L, 784111777999L, leapDay, leapDay + 500, -1L, -1000L, -1001L,
                4102444799999L /* 2099-12-31T23:59:59.999 */);
    }

    @ParameterizedTest
    @MethodSource("millis")
    void lineIsTheDateOfTheSecond(long epochMillis) {
        DateHeader header = new DateHeader();
        header.refresh(epochMillis);
        long second = Math.floorDiv(epochMillis, 1000);
        assertThat(line(header)).isEqualTo("Date: " + HttpDateTest.expected(second) + "\r\n");
    }

    @Test
    void lineHasTheFixedLength() {
        DateHeader header = new DateHeader();
        header.refresh(1_700_000_000_123L);
        assertThat(line(header)).hasSize("Date: ".length() + HttpDate.LENGTH + 2).startsWith("Date: ").endsWith(" GMT\r\n");
    }

    @Test
    void appendToAddsAfterExistingContent() {
        DateHeader header = new DateHeader();
        header.refresh(0);
        ByteBuf out = new ByteBuf(4);
        out.appendLatin1("Server: x\r\n");
        header.appendTo(out);
        header.appendTo(out);
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII))
                .isEqualTo("Server: x\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\n");
    }

    @Test
    void reformatsOnlyWhenTheSecondChanges() throws Exception {
        DateHeader header = new DateHeader();
        long base = 1_700_000_000_000L; // a whole second
        header.refresh(base);
        byte[] line = internalLine(header);
        String first = line(header);

        // Scribble over the date: a refresh within the same second must not write it again.
        int lastDigit = "Date: Tue, 14 Nov 2023 22:13:2".length();
        line[lastDigit] = 'X';
        header.refresh(base + 1);
        header.refresh(base + 999);
        header.refresh(base);
        assertThat(line(header)).isNotEqualTo(first).contains(":2X GMT");

        // The next second writes it again.
        header.refresh(base + 1000);
        assertThat(line(header)).isEqualTo("Date: " + HttpDateTest.expected(base / 1000 + 1) + "\r\n");
        assertThat(internalLine(header)).isSameAs(line); // in place, no new array

        // Going back in time is a change of second too.
        header.refresh(base);
        assertThat(line(header)).isEqualTo(first);
    }

    @Test
    void firstRefreshAlwaysFormats() throws Exception {
        DateHeader header = new DateHeader();
        internalLine(header)[6] = 'X'; // the epoch placeholder, scribbled
        header.refresh(0); // epoch: same text as the placeholder, but it must still be written
        assertThat(line(header)).isEqualTo("Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n");
    }
}
