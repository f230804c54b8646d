package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.RequestCtx;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code @ExceptionHandler} methods that may answer for one handler bean, in Spring's order:
 * the bean's own first, then those of the {@code @ControllerAdvice} beans that apply to it, by
 * their order. Within one bean, Spring's resolver picks the method for the closest exception type
 * (the cause is tried too). The chosen method is called with the exception and the ctx, and its
 * return value written as a handler's is; {@code @ResponseStatus} on it sets the status.
 */
final class ExceptionHandlers {

    private record Candidate(Object bean, ExceptionHandlerMethodResolver resolver) {
    }

    private final List<Candidate> candidates;
    private final JsonMapper mapper;

    private ExceptionHandlers(List<Candidate> candidates, JsonMapper mapper) {
        this.candidates = candidates;
        this.mapper = mapper;
    }

    static ExceptionHandlers of(Object bean, Class<?> beanType, List<ControllerAdviceBean> advice, JsonMapper mapper) {
        List<Candidate> candidates = new ArrayList<>();
        add(candidates, bean, beanType);
        for (ControllerAdviceBean adviceBean : advice) {
            if (adviceBean.isApplicableToBeanType(beanType)) {
                add(candidates, adviceBean.resolveBean(), adviceBean.getBeanType());
            }
        }
        return new ExceptionHandlers(List.copyOf(candidates), mapper);
    }

    private static void add(List<Candidate> candidates, Object bean, Class<?> type) {
        ExceptionHandlerMethodResolver resolver = new ExceptionHandlerMethodResolver(type);
        if (resolver.hasExceptionMappings()) {
            for (Method method : ReflectionUtils.getAllDeclaredMethods(type)) {
                checkSignature(method);
            }
            candidates.add(new Candidate(bean, resolver));
        }
    }

    /** Fails start-up for an exception handler whose parameters fasthttp cannot supply. */
    private static void checkSignature(Method method) {
        if (!AnnotatedElementUtils.hasAnnotation(method, ExceptionHandler.class)) {
            return;
        }
        for (Class<?> type : method.getParameterTypes()) {
            if (!Throwable.class.isAssignableFrom(type) && type != RequestCtx.class) {
                throw new IllegalStateException("@ExceptionHandler " + method.getDeclaringClass().getName() + "." + method.getName()
                        + " takes a " + type.getName() + ": an exception handler may take the exception and the RequestCtx");
            }
        }
    }

    /** Answers for {@code failure} with the first handler that takes it; false if none does. */
    boolean handle(RequestCtx ctx, Throwable failure) throws Throwable {
        for (Candidate candidate : candidates) {
            Method method = candidate.resolver.resolveMethodByThrowable(failure);
            if (method != null) {
                invoke(candidate.bean, method, ctx, failure);
                return true;
            }
        }
        return false;
    }

    private void invoke(Object bean, Method method, RequestCtx ctx, Throwable failure) throws Throwable {
        Class<?>[] types = method.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == RequestCtx.class ? ctx
                    : types[i].isInstance(failure) ? failure : failure.getCause();
        }
        ctx.response().discard();
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
        if (status != null) {
            ctx.setStatusCode(status.code().value());
        }
        Object result;
        try {
            method.setAccessible(true);
            result = method.invoke(bean, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (method.getReturnType() != void.class) {
            ValueWriter.forType(method.getReturnType(), mapper).write(ctx, result, null);
        }
    }
}
