package dev.fasthttp.internal.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentTest {

    private static byte[] decode(String encoded) {
        byte[] src = encoded.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuf out = new ByteBuf(1);
        Percent.decodeForm(src, 0, src.length, out);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "''|''",
            "abc|abc",
            "a+b|a b",
            "+|' '",
            "++|'  '",
            "%20|' '",
            "a%20b|a b",
            "%2B|+",
            "%2b|+",
            "%41%42%43|ABC",
            "%7e|~",
            "%7E|~",
            "%25|%",
            "%2525|%25", // decoded once only
            "%3D%26|=&",
            "a=b|a=b",
            // malformed escapes are kept literally
            "%|%",
            "%%|%%",
            "%2|%2",
            "a%|a%",
            "a%4|a%4",
            "%zz|%zz",
            "%g0|%g0",
            "%0g|%0g",
            "%-1|%-1",
            "% 20|'% 20'",
            "%%41|%A",
            "%4%41|%4A",
            "100%|100%",
            "%+|'% '",
            "%2+|'%2 '",
            "%41%|A%",
            "%41%4|A%4"})
    void decodeForm(String encoded, String expected) {
        assertThat(new String(decode(encoded), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }

    @Test
    void decodesToRawBytesIncludingNulAndHighBytes() {
        assertThat(decode("%00%ff%C3%A9%0d%0a")).containsExactly(0x00, 0xFF, 0xC3, 0xA9, 0x0D, 0x0A);
    }

    @Test
    void decodedUtf8() {
        assertThat(new String(decode("caf%C3%A9+%E4%B8%AD%F0%9F%98%80"), StandardCharsets.UTF_8))
                .isEqualTo("caf\u00e9 \u4e2d\ud83d\ude00");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b%20c", "%E2%82%AC+%24", "name=J%C3%BCrgen", "x%2By%2Fz", "%7Efoo"})
    void agreesWithUrlDecoderOnWellFormedInput(String encoded) {
        assertThat(new String(decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
    }

    @Test
    void appendsAfterExistingContentAndReadsOnlyItsRange() {
        byte[] src = "%41%42|a+b%43|%44".getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = new ByteBuf(2);
        out.appendLatin1(">");
        Percent.decodeForm(src, 7, 13, out); // "a+b%43"
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(">a bC");
    }

    @Test
    void escapeCutByTheEndOfTheRangeIsKeptLiterally() {
        byte[] src = "a%41".getBytes(StandardCharsets.US_ASCII);
        ByteBuf out = new ByteBuf(2);
        Percent.decodeForm(src, 0, 3, out); // "a%4", the '1' is outside
        assertThat(new String(out.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("a%4");
    }
}
