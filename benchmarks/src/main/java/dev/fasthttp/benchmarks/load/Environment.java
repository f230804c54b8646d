package dev.fasthttp.benchmarks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine and tools a comparison ran on, for the report. */
final class Environment {

    private Environment() {
    }

    static Map<String, String> describe(Path jdkBin) {
        return describe(jdkBin, true);
    }

    /** The same, without Go's version when no Go server was measured. */
    static Map<String, String> describe(Path jdkBin, boolean withGo) {
        Map<String, String> env = new LinkedHashMap<>();
        // lscpu, not availableProcessors(): the harness itself runs pinned to one CPU.
        String lscpu = run("lscpu");
        env.put("CPU", firstMatch(lscpu, "Model name:") + ", " + firstMatch(lscpu, "CPU(s):") + " CPUs");
        env.put("memory", firstMatch(read("/proc/meminfo"), "MemTotal:"));
        env.put("kernel", run("uname", "-sr").trim());
        env.put("JVM", firstLine(run(jdkBin.resolve("java").toString(), "-version")));
        if (withGo) {
            env.put("Go", run("go", "version").trim());
        }
        env.put("wrk", firstLine(run("wrk", "--version")).replaceAll(" Copyright.*", ""));
        return env;
    }

    private static String firstMatch(String text, String prefix) {
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return "unknown";
    }

    private static String firstLine(String text) {
        return text.strip().split("\n")[0];
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            return "unavailable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unavailable";
        }
    }
}
