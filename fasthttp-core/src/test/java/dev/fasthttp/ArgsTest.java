package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArgsTest {

    private static Args parse(String query) {
        Args args = new Args();
        byte[] src = ("?" + query + "#").getBytes(StandardCharsets.ISO_8859_1);
        args.parse(src, 1, src.length - 1); // only the range, not the bytes around it
        return args;
    }

    /** The pairs as "key=value" strings, decoded as UTF-8. */
    private static List<String> pairs(Args args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            out.add(args.key(i) + "=" + args.value(i));
        }
        return out;
    }

    static Stream<Arguments> queries() {
        return Stream.of(
                Arguments.of("", List.of()),
                Arguments.of("a=1", List.of("a=1")),
                Arguments.of("a=1&b=2", List.of("a=1", "b=2")),
                Arguments.of("a=1&a=2", List.of("a=1", "a=2")),
                Arguments.of("a", List.of("a=")),
                Arguments.of("a=", List.of("a=")),
                Arguments.of("=v", List.of("=v")),
                Arguments.of("=", List.of("=")),
                Arguments.of("a=b=c", List.of("a=b=c")),
                Arguments.of("&", List.of()),
                Arguments.of("&&a=1&&b&&", List.of("a=1", "b=")),
                Arguments.of("q=hello+world", List.of("q=hello world")),
                Arguments.of("q=a%20b%21", List.of("q=a b!")),
                Arguments.of("%61=%62", List.of("a=b")),
                Arguments.of("a%26b=c%3Dd", List.of("a&b=c=d")), // escaped separators do not split
                Arguments.of("k=%2B", List.of("k=+")),
                Arguments.of("name=J%C3%BCrgen", List.of("name=J\u00fcrgen")),
                Arguments.of("%E4%B8%AD=%F0%9F%98%80", List.of("\u4e2d=\ud83d\ude00")),
                Arguments.of("bad=%zz&pct=%&half=%4", List.of("bad=%zz", "pct=%", "half=%4")),
                Arguments.of("a=1;b=2", List.of("a=1;b=2")), // ';' is not a separator
                Arguments.of("x=%00", List.of("x=\u0000")));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("queries")
    void parsesPairsInOrder(String query, List<String> expected) {
        Args args = parse(query);
        assertThat(pairs(args)).isEqualTo(expected);
        assertThat(args.size()).isEqualTo(expected.size());
        assertThat(args.isEmpty()).isEqualTo(expected.isEmpty());
    }

    @Test
    void lookupsByKey() {
        Args args = parse("a=1&b=&c&a=2&n=42&neg=-1&big=99999999999999999999&caf%C3%A9=x");
        assertThat(args.get("a")).isEqualTo("1"); // first value
        assertThat(args.peek("a").toString()).isEqualTo("1");
        assertThat(args.has("b")).isTrue();
        assertThat(args.get("b")).isEmpty();
        assertThat(args.has("c")).isTrue();
        assertThat(args.peek("c").isEmpty()).isTrue();
        assertThat(args.has("missing")).isFalse();
        assertThat(args.get("missing")).isNull();
        assertThat(args.peek("missing")).isNull();
        assertThat(args.getLong("n")).isEqualTo(42);
        assertThat(args.getLong("neg")).isEqualTo(-1);
        assertThat(args.getLong("big")).isEqualTo(-1);
        assertThat(args.getLong("a")).isEqualTo(1);
        assertThat(args.getLong("b")).isEqualTo(-1);
        assertThat(args.getLong("missing")).isEqualTo(-1);
        assertThat(args.get("caf\u00e9")).isEqualTo("x"); // keys compare as UTF-8
        assertThat(args.has("cafe")).isFalse();
    }

    @Test
    void keysAreCaseSensitive() {
        Args args = parse("Key=1");
        assertThat(args.has("Key")).isTrue();
        assertThat(args.has("key")).isFalse();
        assertThat(args.has("KEY")).isFalse();
    }

    @Test
    void encodedKeyMatchesItsDecodedForm() {
        Args args = parse("a+b=1&c%20d=2");
        assertThat(args.get("a b")).isEqualTo("1");
        assertThat(args.get("c d")).isEqualTo("2");
        assertThat(args.has("a+b")).isFalse();
    }

    @Test
    void visitAllSeesEveryPairInOrder() {
        Args args = parse("x=1&y=2&x=3");
        List<String> seen = new ArrayList<>();
        args.visitAll((k, v) -> seen.add(k + ":" + v));
        assertThat(seen).containsExactly("x:1", "y:2", "x:3");
    }

    @Test
    void toStringShowsDecodedPairs() {
        assertThat(parse("a=1&b=x+y&c").toString()).isEqualTo("a=1&b=x y&c=");
        assertThat(parse("").toString()).isEmpty();
    }

    @Test
    void indexOutsideTheArgumentsIsRefused() {
        Args args = parse("a=1");
        assertThatThrownBy(() -> args.key(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> args.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> parse("").key(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void manyArguments() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            sb.append(i == 0 ? "" : "&").append("k").append(i).append('=').append("v%20").append(i);
        }
        Args args = parse(sb.toString());
        assertThat(args.size()).isEqualTo(500);
        for (int i = 0; i < 500; i++) {
            assertThat(args.key(i).toString()).isEqualTo("k" + i);
            assertThat(args.get("k" + i)).isEqualTo("v " + i);
        }
    }

    @Test
    void parsingAgainReplacesTheArguments() {
        Args args = new Args();
        byte[] big = ("big=" + "x".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        args.parse(big, 0, big.length);
        assertThat(args.peek("big").length()).isEqualTo(100_000);
        byte[] small = "s=1".getBytes(StandardCharsets.US_ASCII);
        args.parse(small, 0, small.length);
        assertThat(pairs(args)).containsExactly("s=1");
        assertThat(args.has("big")).isFalse();
        args.clear();
        assertThat(args.isEmpty()).isTrue();
        assertThat(args.has("s")).isFalse();
    }
}
