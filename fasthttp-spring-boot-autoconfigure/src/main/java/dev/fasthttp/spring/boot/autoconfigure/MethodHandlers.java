package dev.fasthttp.spring.boot.autoconfigure;

import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Turns a bean method {@code void m(RequestCtx)} into a {@link RequestHandler} that calls it
 * directly: {@link LambdaMetafactory} generates the class a lambda {@code ctx -> bean.m(ctx)}
 * would compile to, so the request path has no reflection, no boxing and no argument array.
 */
final class MethodHandlers {

    private static final MethodType HANDLE = MethodType.methodType(void.class, RequestCtx.class);

    private MethodHandlers() {
    }

    static RequestHandler of(Object bean, Method method, String description) {
        if (method.getParameterCount() != 1 || method.getParameterTypes()[0] != RequestCtx.class
                || method.getReturnType() != void.class || Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException(description + " must be an instance method taking one RequestCtx and returning void");
        }
        try {
            Class<?> owner = method.getDeclaringClass();
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle target = lookup.unreflect(method);
            CallSite site = LambdaMetafactory.metafactory(lookup, "handle",
                    MethodType.methodType(RequestHandler.class, owner), HANDLE, target, HANDLE);
            RequestHandler handler = (RequestHandler) site.getTarget().invoke(bean);
            return RequestHandler.named(description, handler);
        } catch (Throwable e) {
            throw new IllegalStateException("cannot build a handler for " + description + ": " + e.getMessage(), e);
        }
    }
}
