package dev.fasthttp.bytes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteViewTest {

    /** A view of {@code text} inside a larger array, so every method must respect the offset. */
    private static ByteView view(String text) {
        byte[] inner = text.getBytes(StandardCharsets.UTF_8);
        byte[] a = new byte[inner.length + 8];
        java.util.Arrays.fill(a, (byte) 'Z');
        System.arraycopy(inner, 0, a, 4, inner.length);
        return new ByteView().set(a, 4, inner.length);
    }

    @Test
    void emptyView() {
        ByteView v = new ByteView();
        assertThat(v.isEmpty()).isTrue();
        assertThat(v.length()).isZero();
        assertThat(v.toString()).isEmpty();
        assertThat(v.toBytes()).isEmpty();
        assertThat(v.contentEquals("")).isTrue();
        assertThat(v.parseLong()).isEqualTo(-1);
        assertThat(v.indexOf((byte) 'a', 0)).isEqualTo(-1);
    }

    @Test
    void setAndClear() {
        ByteView v = view("hello");
        assertThat(v.length()).isEqualTo(5);
        assertThat(v.offset()).isEqualTo(4);
        assertThat(v.byteAt(0)).isEqualTo((byte) 'h');
        assertThat(v.byteAt(4)).isEqualTo((byte) 'o');
        assertThat(v.clear()).isSameAs(v);
        assertThat(v.isEmpty()).isTrue();
        assertThat(v.offset()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 5, 100})
    void byteAtOutsideTheViewIsRefused(int index) {
        ByteView v = view("hello");
        assertThatThrownBy(() -> v.byteAt(index)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" contentEquals \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "abc|abc|true",
            "abc|ABC|false",
            "abc|ab|false",
            "abc|abcd|false",
            "''|''|true",
            "''|a|false",
            "a|''|false"})
    void contentEqualsText(String bytes, String text, boolean expected) {
        ByteView v = view(bytes);
        assertThat(v.contentEquals(text)).isEqualTo(expected);
        assertThat(v.contentEquals(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
        assertThat(v.contentEquals(view(text))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" equalsIgnoreCase \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', value = {
            "keep-alive|Keep-Alive|true",
            "KEEP-ALIVE|keep-alive|true",
            "close|Close|true",
            "close|closed|false",
            "close|clos|false",
            "''|''|true",
            "x|X|true",
            "x|y|false"})
    void equalsIgnoreCase(String bytes, String text, boolean expected) {
        assertThat(view(bytes).equalsIgnoreCase(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" startsWith \"{1}\" -> {2}, ignoring case -> {3}")
    @CsvSource(delimiter = '|', value = {
            "application/json|application/|true|true",
            "application/json|Application/|false|true",
            "application/json|application/json|true|true",
            "application/json|application/json;|false|false",
            "abc|''|true|true",
            "''|''|true|true",
            "''|a|false|false",
            "abc|abd|false|false",
            "abc|b|false|false"})
    void startsWith(String bytes, String prefix, boolean expected, boolean expectedIgnoringCase) {
        ByteView v = view(bytes);
        assertThat(v.startsWith(prefix)).isEqualTo(expected);
        assertThat(v.startsWithIgnoreCase(prefix)).isEqualTo(expectedIgnoringCase);
    }

    @Test
    void startsWithDoesNotReadPastTheView() {
        byte[] a = "abcdef".getBytes(StandardCharsets.US_ASCII);
        ByteView v = new ByteView().set(a, 0, 3); // "abc", followed by "def" in the array
        assertThat(v.startsWith("abcd")).isFalse();
        assertThat(v.startsWithIgnoreCase("ABCD")).isFalse();
    }

    @ParameterizedTest(name = "[{index}] \"{0}\".indexOf(''{1}'', {2}) = {3}")
    @CsvSource(delimiter = '|', value = {
            "a=b&c=d|=|0|1",
            "a=b&c=d|=|1|1",
            "a=b&c=d|=|2|5",
            "a=b&c=d|=|6|-1",
            "a=b&c=d|&|0|3",
            "a=b&c=d|d|0|6",
            "a=b&c=d|a|0|0",
            "a=b&c=d|a|-5|0",
            "a=b&c=d|a|100|-1",
            "a=b&c=d|Z|0|-1", // 'Z' fills the array around the view
            "''|a|0|-1"})
    void indexOf(String bytes, char b, int from, int expected) {
        assertThat(view(bytes).indexOf((byte) b, from)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0|0",
            "123|123",
            "00123|123",
            "9223372036854775807|9223372036854775807",
            "9223372036854775808|-1",
            "''|-1",
            "-1|-1",
            "12a|-1",
            "' 12'|-1",
            "1e3|-1"})
    void parseLong(String bytes, long expected) {
        assertThat(view(bytes).parseLong()).isEqualTo(expected);
    }

    @Test
    void parseLongStopsAtTheEndOfTheView() {
        byte[] a = "12345".getBytes(StandardCharsets.US_ASCII);
        assertThat(new ByteView().set(a, 1, 2).parseLong()).isEqualTo(23);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00 smile", "a\u0000b"})
    void toStringDecodesUtf8(String text) {
        ByteView v = view(text);
        assertThat(v.toString()).isEqualTo(text);
        assertThat(v.toBytes()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void toStringWithCharset() {
        byte[] a = {'x', (byte) 0xE9, 'y'};
        ByteView v = new ByteView().set(a, 1, 1);
        assertThat(v.toString(StandardCharsets.ISO_8859_1)).isEqualTo("\u00e9");
        assertThat(v.toString()).isEqualTo("\ufffd"); // not valid UTF-8
    }

    @Test
    void copiesAreIndependentOfTheBackingArray() {
        byte[] a = "abc".getBytes(StandardCharsets.US_ASCII);
        ByteView v = new ByteView().set(a, 0, 3);
        byte[] copy = v.toBytes();
        String s = v.toString();
        a[0] = 'X';
        assertThat(copy).containsExactly('a', 'b', 'c');
        assertThat(s).isEqualTo("abc");
        assertThat(v.toString()).isEqualTo("Xbc"); // the view itself sees the change
    }

    @Test
    void copyToAndWriteTo() throws Exception {
        ByteView v = view("data");
        byte[] dst = new byte[8];
        v.copyTo(dst, 2);
        assertThat(new String(dst, 2, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
        assertThat(dst[0]).isZero();
        assertThat(dst[6]).isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        v.writeTo(out);
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("data");
    }
}
