package dev.fasthttp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.Server;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * Checks, for the modules built on core (the Spring starter, the samples), that their compiled
 * classes use only the packages core exports, as a user's code on the module path must.
 */
public final class ExportedApi {

    private static final Pattern DEPENDENCY = Pattern.compile("->\\s+([\\w.]+)\\s");

    private ExportedApi() {
    }

    /**
     * Asserts that the classes under {@code classes} use core, and none of the packages it keeps
     * to itself. jdeps reads their bytecode, so a fully qualified name counts as much as an import.
     */
    public static void assertUsesOnlyExportedPackages(Path classes) {
        ModuleDescriptor core = coreDescriptor();
        Set<String> exported = core.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> used = packagesUsedBy(classes);
        used.retainAll(core.packages());
        assertThat(used).as("core packages used by %s", classes).isNotEmpty().isSubsetOf(exported);
    }

    /** Core's module descriptor, read wherever its classes come from (a jar, or the build's classes). */
    private static ModuleDescriptor coreDescriptor() {
        try {
            Path core = Path.of(Server.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return ModuleFinder.of(core).find("dev.fasthttp").orElseThrow().descriptor();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> packagesUsedBy(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("no jdeps in this JDK"));
        StringWriter out = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", classes.toString());
        if (status != 0) {
            throw new IllegalStateException("jdeps failed on " + classes + ":\n" + out);
        }
        Set<String> used = new TreeSet<>();
        Matcher m = DEPENDENCY.matcher(out.toString());
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }
}
