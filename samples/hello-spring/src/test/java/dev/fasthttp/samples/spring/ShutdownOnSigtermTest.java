package dev.fasthttp.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample in a process of its own, stopped as a container runtime stops it (SIGTERM): every
 * shutdown line, the engine's own included, reaches the log before the process ends.
 */
class ShutdownOnSigtermTest {

    @Test
    void everyShutdownLineSurvivesSigterm(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("out.log");
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();
        Process app = new ProcessBuilder(javaCommand, "-cp", System.getProperty("java.class.path"),
                HelloSpring.class.getName(), "--server.port=0", "--server.address=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            // Up once the whole context is: a signal during start-up ends the process before the context closes.
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Started HelloSpring"));
            app.destroy(); // SIGTERM
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains(
                    "Commencing graceful shutdown. Waiting for active requests to complete",
                    "fasthttp stopped: all connections drained",
                    "Graceful shutdown complete");
        } finally {
            app.destroyForcibly();
        }
    }
}
