package dev.fasthttp.samples.showcase;

import dev.fasthttp.testing.ExportedApi;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plain-Java sample uses the engine through the packages core exports, as code on the module path must. */
class ExportedApiOnlyTest {

    @Test
    void usesOnlyThePackagesCoreExports() {
        ExportedApi.assertUsesOnlyExportedPackages(Path.of("target/classes"));
    }
}
