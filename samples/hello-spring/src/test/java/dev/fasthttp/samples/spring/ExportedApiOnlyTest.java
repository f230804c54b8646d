package dev.fasthttp.samples.spring;

import dev.fasthttp.testing.ExportedApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Spring Boot sample uses the engine through the packages core exports, as code on the module path must. */
class ExportedApiOnlyTest {

    @Test
    void usesOnlyThePackagesCoreExports() {
        ExportedApi.assertUsesOnlyExportedPackages(Path.of("target/classes"));
    }
}
