package dev.fasthttp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md: {@code bytes} imports nothing of the engine, {@code http1} only
 * {@code bytes}, {@code transport} nothing of the engine, {@code routing} only the public face and
 * {@code bytes}; and the public face never imports {@code routing}. Arrows never point back up.
 */
class PackageLayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/fasthttp");

    private static final Map<String, List<String>> ALLOWED = Map.of(
            "bytes", List.of(),
            "http1", List.of("dev.fasthttp.bytes."),
            "transport", List.of(),
            "routing", List.of("dev.fasthttp.bytes.", "dev.fasthttp.PathParams", "dev.fasthttp.RequestCtx",
                    "dev.fasthttp.RequestHandler"));

    @Test
    void thePublicFaceDoesNotDependOnTheRouter() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(file)).as(file.getFileName().toString()).doesNotContain("dev.fasthttp.routing");
            }
        }
    }

    @Test
    void lowerPackagesNeverImportUpwards() throws IOException {
        for (Map.Entry<String, List<String>> layer : ALLOWED.entrySet()) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(layer.getKey()))) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (line.startsWith("import dev.fasthttp.") || line.startsWith("import static dev.fasthttp.")) {
                            String imported = line.replace("import static ", "").replace("import ", "");
                            assertThat(layer.getValue())
                                    .as("%s imports %s", file.getFileName(), imported)
                                    .anyMatch(imported::startsWith);
                        }
                    }
                }
            }
        }
    }
}
