package dev.fasthttp.internal.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AsciiTest {

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";

    /** RFC 9110 5.6.2, written out independently of the implementation. */
    private static boolean isTchar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c < 0x80 && TCHAR_SYMBOLS.indexOf(c) >= 0);
    }

    /** RFC 9110 5.5: VCHAR / SP / HTAB / obs-text. */
    private static boolean isFieldValueByte(int c) {
        return c == '\t' || (c >= 0x20 && c <= 0x7E) || c >= 0x80;
    }

    @Test
    void tokenClassMatchesRfc9110ForEveryByte() {
        for (int c = 0; c < 256; c++) {
            assertThat(Ascii.isToken((byte) c)).as("byte 0x%02x", c).isEqualTo(isTchar(c));
        }
    }

    @Test
    void fieldValueClassMatchesRfc9110ForEveryByte() {
        for (int c = 0; c < 256; c++) {
            assertThat(Ascii.isFieldValue((byte) c)).as("byte 0x%02x", c).isEqualTo(isFieldValueByte(c));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {'(', ')', ',', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '{', '}', '"',
            ' ', '\t', '\r', '\n', 0, 0x7F, 0x80, 0xFF})
    void delimitersAndControlsAreNotTokens(int c) {
        assertThat(Ascii.isToken((byte) c)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, '\r', '\n', 0x01, 0x08, 0x0B, 0x0C, 0x1F, 0x7F})
    void controlsAreNotFieldValues(int c) {
        assertThat(Ascii.isFieldValue((byte) c)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', '\t', '"', '(', '~', 0x80, 0xA0, 0xFF})
    void fieldValueAllowsSpaceTabDelimitersAndObsText(int c) {
        assertThat(Ascii.isFieldValue((byte) c)).isTrue();
    }

    @Test
    void toLowerChangesOnlyAsciiUpperCase() {
        for (int c = 0; c < 256; c++) {
            int expected = c >= 'A' && c <= 'Z' ? c + 32 : c;
            assertThat(Ascii.toLower((byte) c) & 0xFF).as("byte 0x%02x", c).isEqualTo(expected);
        }
    }

    @Test
    void digitsAndWhitespace() {
        for (int c = 0; c < 256; c++) {
            assertThat(Ascii.isDigit((byte) c)).isEqualTo(c >= '0' && c <= '9');
            assertThat(Ascii.isWhitespace((byte) c)).isEqualTo(c == ' ' || c == '\t');
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" vs \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Content-Length|content-length|true",
            "CONTENT-LENGTH|content-length|true",
            "content-length|Content-Length|true",
            "Content-Length|Content-Lengths|false",
            "Content-Length|Content-Lengt|false",
            "''|''|true",
            "a|''|false",
            "''|a|false",
            "chunked|CHUNKED|true",
            "chunked|chunkeD|true",
            "chunked|chunkee|false",
            // '@' and '`' sit right before 'A' and 'a'; '[' and '{' right after 'Z' and 'z'
            "@|`|false",
            "[|{|false",
            "]|}|false",
            "^|~|false",
            "0|P|false"})
    void equalsIgnoreCase(String bytes, String text, boolean expected) {
        byte[] b = ("_" + bytes + "_").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(Ascii.equalsIgnoreCase(b, 1, bytes.length(), text)).isEqualTo(expected);
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length() == text.length()) {
            assertThat(Ascii.equalsIgnoreCase(b, 1, t, 0, t.length)).isEqualTo(expected);
        }
    }

    @Test
    void equalsIgnoreCaseDoesNotFoldNonAsciiLetters() {
        byte[] b = {(byte) 0xC9}; // 'É' in Latin-1
        assertThat(Ascii.equalsIgnoreCase(b, 0, 1, "\u00e9")).isFalse();
        assertThat(Ascii.equalsIgnoreCase(b, 0, 1, "\u00c9")).isTrue();
    }

    @Test
    void equalsIgnoreCaseRefusesCharsBeyondLatin1() {
        // U+0161 would truncate to 0x61 'a' if chars were narrowed
        byte[] b = {'a'};
        assertThat(Ascii.equalsIgnoreCase(b, 0, 1, "\u0161")).isFalse();
        assertThat(Ascii.equalsIgnoreCase(b, 0, 1, "\u0141")).isFalse(); // 0x41 'A'
    }

    @Test
    void equalsIsCaseSensitiveAndChecksLength() {
        byte[] b = "xGETx".getBytes(StandardCharsets.US_ASCII);
        assertThat(Ascii.equals(b, 1, 3, "GET")).isTrue();
        assertThat(Ascii.equals(b, 1, 3, "get")).isFalse();
        assertThat(Ascii.equals(b, 1, 3, "GE")).isFalse();
        assertThat(Ascii.equals(b, 1, 4, "GET")).isFalse();
        assertThat(Ascii.equals(b, 1, 0, "")).isTrue();
        assertThat(Ascii.equals(new byte[] {'a'}, 0, 1, "\u0161")).isFalse();
        assertThat(Ascii.equals(new byte[] {(byte) 0xE9}, 0, 1, "\u00e9")).isTrue();
    }

    @Test
    void bytesAreAscii() {
        assertThat(Ascii.bytes("Host")).containsExactly('H', 'o', 's', 't');
    }
}
