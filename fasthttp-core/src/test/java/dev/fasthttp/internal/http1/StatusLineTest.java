package dev.fasthttp.internal.http1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.http.Status;
import dev.fasthttp.internal.bytes.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusLineTest {

    private static String line(int code) {
        ByteBuf out = new ByteBuf(4);
        StatusLine.append(out, code);
        return new String(out.toByteArray(), StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "100|Continue",
            "101|Switching Protocols",
            "103|Early Hints",
            "200|OK",
            "201|Created",
            "202|Accepted",
            "204|No Content",
            "206|Partial Content",
            "301|Moved Permanently",
            "302|Found",
            "303|See Other",
            "304|Not Modified",
            "307|Temporary Redirect",
            "308|Permanent Redirect",
            "400|Bad Request",
            "401|Unauthorized",
            "403|Forbidden",
            "404|Not Found",
            "405|Method Not Allowed",
            "408|Request Timeout",
            "411|Length Required",
            "413|Content Too Large",
            "414|URI Too Long",
            "417|Expectation Failed",
            "418|I'm a teapot",
            "422|Unprocessable Content",
            "429|Too Many Requests",
            "431|Request Header Fields Too Large",
            "500|Internal Server Error",
            "501|Not Implemented",
            "502|Bad Gateway",
            "503|Service Unavailable",
            "504|Gateway Timeout",
            "505|HTTP Version Not Supported"})
    void commonCodes(int code, String reason) {
        assertThat(Status.reason(code)).isEqualTo(reason);
        assertThat(line(code)).isEqualTo("HTTP/1.1 " + code + " " + reason + "\r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {199, 209, 299, 306, 399, 419, 420, 427, 430, 450, 452, 499, 509, 512, 599})
    void unknownCodesHaveAnEmptyReason(int code) {
        assertThat(Status.reason(code)).isEmpty();
        assertThat(line(code)).isEqualTo("HTTP/1.1 " + code + " \r\n");
    }

    @ParameterizedTest
    @ValueSource(ints = {600, 601, 700, 799, 800, 999})
    void codesFrom600AreWrittenWithDigits(int code) {
        assertThat(Status.reason(code)).isEmpty();
        assertThat(line(code)).isEqualTo("HTTP/1.1 " + code + " \r\n");
    }

    @Test
    void everyPrecomputedLineIsWellFormedAscii() {
        for (int code = 100; code < 1000; code++) {
            String line = line(code);
            assertThat(line).as("code %d", code)
                    .startsWith("HTTP/1.1 " + code + " ")
                    .endsWith("\r\n")
                    .isEqualTo("HTTP/1.1 " + code + " " + Status.reason(code) + "\r\n");
            // reason-phrase = *( HTAB / SP / VCHAR / obs-text ); here plain printable ASCII
            assertThat(Status.reason(code)).matches("[\\x20-\\x7E]*");
        }
    }

    @Test
    void appendsAfterExistingContent() {
        ByteBuf out = new ByteBuf(4);
        out.appendLatin1("..");
        StatusLine.append(out, 200);
        StatusLine.append(out, 700);
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("..HTTP/1.1 200 OK\r\nHTTP/1.1 700 \r\n");
    }

    @ParameterizedTest(name = "[{index}] {0} forbids a body: {1}")
    @CsvSource({
            "100, true", "101, true", "102, true", "103, true", "199, true",
            "200, false", "201, false", "203, false", "204, true", "205, false", "206, false", "299, false",
            "300, false", "301, false", "303, false", "304, true", "305, false", "307, false",
            "400, false", "404, false", "500, false", "600, false", "999, false"})
    void forbidsBody(int code, boolean forbidden) {
        assertThat(StatusLine.forbidsBody(code)).isEqualTo(forbidden);
    }
}
