package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of the engine's packages, bottom to top: {@code internal.bytes} imports nothing
 * of the engine; the shared vocabulary ({@code bytes}, {@code http}) only {@code internal.bytes};
 * the internal mechanisms ({@code internal.transport}, {@code internal.http1},
 * {@code internal.server}) only what lies below them; the API ({@code dev.fasthttp}, then
 * {@code client} and {@code routing} on top of it) anything below. Arrows never point back up, so
 * there is no cycle, and a new package must be given its place here.
 */
class PackageLayeringTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "dev.fasthttp";

    private static final Map<String, List<String>> MAY_USE = Map.of(
            "dev.fasthttp.internal.bytes", List.of(),
            "dev.fasthttp.bytes", List.of("dev.fasthttp.internal.bytes"),
            "dev.fasthttp.http", List.of(),
            "dev.fasthttp.internal.transport", List.of(),
            "dev.fasthttp.internal.http1", List.of("dev.fasthttp.internal.bytes", "dev.fasthttp.bytes", "dev.fasthttp.http"),
            "dev.fasthttp.internal.server", List.of("dev.fasthttp.internal.transport", "dev.fasthttp.internal.bytes",
                    "dev.fasthttp.http"),
            "dev.fasthttp", List.of("dev.fasthttp.internal.bytes", "dev.fasthttp.bytes", "dev.fasthttp.http",
                    "dev.fasthttp.internal.transport", "dev.fasthttp.internal.http1", "dev.fasthttp.internal.server"),
            "dev.fasthttp.client", List.of("dev.fasthttp.internal.bytes", "dev.fasthttp.bytes", "dev.fasthttp.http",
                    "dev.fasthttp.internal.http1", "dev.fasthttp"),
            "dev.fasthttp.routing", List.of("dev.fasthttp.internal.bytes", "dev.fasthttp.bytes", "dev.fasthttp"));

    /** A reference to an engine class, imported or written out: the package is what precedes the class name. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.fasthttp(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() throws IOException {
        for (Path dir : packageDirectories()) {
            String pkg = SOURCES.relativize(dir).toString().replace('/', '.');
            assertThat(MAY_USE).as("the layer of %s is declared here", pkg).containsKey(pkg);
            assertThat(referencedPackages(dir)).as("packages %s uses", pkg)
                    .allMatch(used -> used.equals(pkg) || MAY_USE.get(pkg).contains(used));
        }
    }

    @Test
    void everyPackageSaysItsRole() throws IOException {
        for (Path dir : packageDirectories()) {
            assertThat(dir.resolve("package-info.java")).exists();
        }
    }

    private static List<Path> packageDirectories() throws IOException {
        try (Stream<Path> all = Files.walk(SOURCES.resolve(ROOT.replace('.', '/')))) {
            return all.filter(Files::isDirectory).filter(PackageLayeringTest::holdsSources).toList();
        }
    }

    private static boolean holdsSources(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> referencedPackages(Path dir) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = withoutComments(Files.readString(file));
                Matcher m = REFERENCE.matcher(code);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }
}
