package dev.fasthttp.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up that would have run fasthttp and another web server side by side. */
class FastHttpWithAnotherWebServerFailureAnalyzer extends AbstractFailureAnalyzer<FastHttpWithAnotherWebServerException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FastHttpWithAnotherWebServerException cause) {
        String other = cause.getOtherServer();
        if (cause.isEnabledWithoutPort()) {
            return new FailureAnalysis(
                    "fasthttp and " + other + " would both listen on server.port: fasthttp.server.enabled=true runs"
                            + " fasthttp beside " + other + ", but fasthttp.server.port is not set.",
                    "Give fasthttp a port of its own with fasthttp.server.port (server.port belongs to " + other + ").",
                    cause);
        }
        return new FailureAnalysis(
                "Two web servers would serve this application: fasthttp (fasthttp-spring-boot-starter) and " + other
                        + ", which Boot starts because spring-boot-starter-web, -webmvc or -webflux is on the class path.",
                "Remove the other web server's starter to serve with fasthttp alone, or run both: set"
                        + " fasthttp.server.enabled=true and give fasthttp a port of its own with fasthttp.server.port.",
                cause);
    }
}
