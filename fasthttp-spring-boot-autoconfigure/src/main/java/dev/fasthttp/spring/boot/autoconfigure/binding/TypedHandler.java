package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.ErrorHandler;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestError;
import dev.fasthttp.RequestHandler;
import dev.fasthttp.RequestRejectedException;
import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.http.Status;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Calls one typed handler method: checks {@code consumes} (415) and {@code produces} (406), runs
 * the method handle the binder built (arguments resolved from the ctx, no reflection), and writes
 * what it returns; a {@link CompletionStage} is awaited on a virtual thread, never on the event
 * loop. A failure goes, in Spring's order, to an {@code @ExceptionHandler} of the bean or of a
 * {@code @ControllerAdvice}; else a {@link RequestRejectedException} (a {@link BindingException}
 * among them), an {@link ErrorResponse} (such as {@code ResponseStatusException}) or an exception
 * annotated {@code @ResponseStatus} is answered with its status through the server's error
 * handler; anything else is the server's 500.
 */
final class TypedHandler implements RequestHandler {

    private final String description;
    /** {@code (RequestCtx)void} for methods returning void; else null. */
    private final MethodHandle voidInvoker;
    /** {@code (RequestCtx)Object} for methods returning a value; else null. */
    private final MethodHandle invoker;
    private final ValueWriter writer;
    private final int status;
    private final List<MediaType> consumes;
    private final List<MediaType> produces;
    private final ExceptionHandlers exceptionHandlers;
    private final ErrorHandler errors;

    TypedHandler(String description, MethodHandle voidInvoker, MethodHandle invoker, ValueWriter writer, int status,
                 List<MediaType> consumes, List<MediaType> produces, ExceptionHandlers exceptionHandlers, ErrorHandler errors) {
        this.description = description;
        this.voidInvoker = voidInvoker;
        this.invoker = invoker;
        this.writer = writer;
        this.status = status;
        this.consumes = consumes;
        this.produces = produces;
        this.exceptionHandlers = exceptionHandlers;
        this.errors = errors;
    }

    @Override
    public void handle(RequestCtx ctx) throws Exception {
        String contentType = null;
        try {
            if (!consumes.isEmpty()) {
                String type = header(ctx.headers().contentType());
                if (!MediaTypes.accepts(consumes, type)) {
                    throw new BindingException(415, "Content-Type '" + type + "' is not supported: send " + MediaType.toString(consumes));
                }
            }
            if (!produces.isEmpty()) {
                MediaType negotiated = MediaTypes.negotiate(produces, ctx.headers().get("Accept"));
                if (negotiated == null) {
                    throw new BindingException(406, "Acceptable representations: " + MediaType.toString(produces));
                }
                contentType = negotiated.toString();
            }
            if (status != 0) {
                ctx.setStatusCode(status);
            }
            if (voidInvoker != null) {
                voidInvoker.invokeExact(ctx);
            } else {
                respond(ctx, (Object) invoker.invokeExact(ctx), contentType);
            }
        } catch (Throwable failure) {
            answerFailure(ctx, failure);
        }
    }

    private void respond(RequestCtx ctx, Object result, String contentType) {
        if (result instanceof CompletionStage<?> stage) {
            // Awaited on a virtual thread: the event loop serves other connections meanwhile.
            ctx.runBlocking(later -> {
                try {
                    respond(later, stage.toCompletableFuture().get(), contentType);
                } catch (Throwable failure) {
                    answerFailure(later, failure);
                }
            });
        } else {
            writer.write(ctx, result, contentType);
        }
    }

    /** Answers a failure as the class comment says; rethrows what is the server's to answer (500). */
    private void answerFailure(RequestCtx ctx, Throwable thrown) throws Exception {
        Throwable failure = thrown instanceof CompletionException || thrown instanceof ExecutionException ? thrown.getCause() : thrown;
        try {
            if (exceptionHandlers.handle(ctx, failure)) {
                return;
            }
        } catch (Throwable fromExceptionHandler) {
            throw asException(fromExceptionHandler);
        }
        RequestError error = requestError(failure);
        if (error == null) {
            throw asException(failure);
        }
        ctx.response().discard();
        errors.handle(ctx, error);
    }

    private static Exception asException(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof Exception exception ? exception : new IllegalStateException(failure);
    }

    /** The answer Spring gives {@code failure} by its type, or null for a server error. */
    private static RequestError requestError(Throwable failure) {
        if (failure instanceof RequestRejectedException rejected) {
            return new RequestError(rejected.status(), rejected.getMessage(), null, rejected);
        }
        if (failure instanceof ErrorResponse response) {
            int code = response.getStatusCode().value();
            String detail = response.getBody().getDetail();
            return new RequestError(code, detail != null ? detail : Status.reason(code), null, failure);
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
        if (annotated != null) {
            int code = annotated.code().value();
            return new RequestError(code, annotated.reason().isEmpty() ? Status.reason(code) : annotated.reason(), null, failure);
        }
        return null;
    }

    private static String header(ByteView value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        return description;
    }
}
