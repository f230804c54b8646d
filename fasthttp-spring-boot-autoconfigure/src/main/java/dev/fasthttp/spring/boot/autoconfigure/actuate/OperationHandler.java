package dev.fasthttp.spring.boot.autoconfigure.actuate;

import dev.fasthttp.Args;
import dev.fasthttp.PathParams;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.bytes.ByteView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.ProducibleOperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.WebOperation;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.util.StringUtils;

/**
 * Serves one Actuator operation ({@code GET /actuator/health/{*path}}, {@code POST
 * /actuator/loggers/{name}}, ...) as Boot's MVC and Jersey adapters do: its arguments are the
 * path variables, the query parameters and, for operations that consume a body, the fields of the
 * JSON body; its result is written by {@link EndpointResponses}. A request the operation finds
 * invalid (a missing or malformed argument) is a 400 with the reason.
 *
 * <p>Actuator operations may block (a health check querying a database), so their routes are
 * blocking routes, off the event loops.
 */
final class OperationHandler implements RequestHandler {

    private final WebOperation operation;
    private final WebServerNamespace namespace;
    private final EndpointResponses responses;

    OperationHandler(WebOperation operation, WebServerNamespace namespace, EndpointResponses responses) {
        this.operation = operation;
        this.namespace = namespace;
        this.responses = responses;
    }

    @Override
    public void handle(RequestCtx ctx) {
        Map<String, Object> arguments;
        try {
            arguments = arguments(ctx);
        } catch (IllegalArgumentException e) {
            responses.badRequest(ctx, e.getMessage());
            return;
        }
        String accept = ctx.headers().get("Accept");
        InvocationContext invocation = new InvocationContext(SecurityContext.NONE, arguments,
                OperationArgumentResolver.of(WebServerNamespace.class, () -> namespace),
                new ProducibleOperationArgumentResolver(() -> accept == null ? null : List.of(accept)));
        Object result;
        try {
            result = operation.invoke(invocation);
        } catch (InvalidEndpointRequestException e) {
            responses.badRequest(ctx, e.getReason());
            return;
        }
        if (result == null) {
            // Boot's convention: nothing to read is a 404, a write with nothing to say a 204.
            ctx.setStatusCode(ctx.isGet() || ctx.isHead() ? 404 : 204);
        } else if (result instanceof WebEndpointResponse<?> response) {
            responses.write(ctx, response.getStatus(), response.getContentType(), response.getBody(),
                    operation.getRequestPredicate().getProduces());
        } else {
            responses.write(ctx, 200, null, result, operation.getRequestPredicate().getProduces());
        }
    }

    private Map<String, Object> arguments(RequestCtx ctx) {
        Map<String, Object> arguments = new HashMap<>();
        if (!operation.getRequestPredicate().getConsumes().isEmpty() && !ctx.body().isEmpty()) {
            arguments.putAll(responses.readJsonObject(ctx.body()));
        }
        PathParams path = ctx.pathParams();
        String remaining = operation.getRequestPredicate().getMatchAllRemainingPathSegmentsVariable();
        for (int i = 0; i < path.size(); i++) {
            String name = path.name(i);
            arguments.put(name, name.equals(remaining) ? segments(path.value(i)) : path.value(i).toString());
        }
        Args query = ctx.queryArgs();
        Map<String, List<String>> multiValued = new HashMap<>();
        for (int i = 0; i < query.size(); i++) {
            multiValued.computeIfAbsent(query.key(i).toString(), k -> new ArrayList<>()).add(query.value(i).toString());
        }
        multiValued.forEach((name, values) -> arguments.put(name, values.size() == 1 ? values.get(0) : values));
        return arguments;
    }

    /** The segments of the rest of the path, which the server has already percent-decoded. */
    private static String[] segments(ByteView rest) {
        return StringUtils.tokenizeToStringArray(rest.toString(), "/", false, true);
    }

    @Override
    public String toString() {
        return "actuator " + operation;
    }
}
