package dev.fasthttp.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up that failed because the port is taken, and names the property to change. */
class FastHttpPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<FastHttpPortInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FastHttpPortInUseException cause) {
        return new FailureAnalysis("fasthttp failed to start: port " + cause.getPort() + " is already in use.",
                "Stop the process listening on port " + cause.getPort() + ", or set server.port (or fasthttp.server.port,"
                        + " which wins) to another port (0 picks a free one, published as local.server.port).",
                cause);
    }
}
