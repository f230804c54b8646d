package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.ErrorHandler;
import dev.fasthttp.FormFile;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHandler;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.ControllerAdviceBean;
import tools.jackson.databind.json.JsonMapper;

/**
 * Binds handler methods that take more than a {@code RequestCtx}, once, when the server starts:
 * for each parameter a resolver (Spring's {@code @PathVariable}, {@code @RequestParam},
 * {@code @RequestHeader}, {@code @CookieValue}, {@code @RequestBody}, {@code @RequestPart}, or the ctx itself), joined
 * with the method into one method handle {@code (RequestCtx) -> result}, whose primitives are never
 * boxed; a writer for the return type; the exception handlers that apply. A method it cannot bind
 * fails start-up with a message naming the method and the parameter.
 */
public final class TypedHandlers {

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    private final JsonMapper mapper;
    private final ConversionService conversions;
    private final Validator validator;
    private final ErrorHandler errors;
    private final List<ControllerAdviceBean> advice;

    /**
     * @param validator for {@code @Valid} bodies; null when the application has none
     * @param errors    answers refused requests (400, 406, 415) and the statuses of exceptions
     */
    public TypedHandlers(JsonMapper mapper, ConversionService conversions, Validator validator, ErrorHandler errors,
                         List<ControllerAdviceBean> advice) {
        this.mapper = mapper;
        this.conversions = conversions;
        this.validator = validator;
        this.errors = errors;
        this.advice = advice;
    }

    /** Whether {@code method} is the plain form, {@code void m(RequestCtx)}, which needs no binding. */
    public static boolean isPlain(Method method) {
        return method.getParameterCount() == 1 && method.getParameterTypes()[0] == RequestCtx.class
                && method.getReturnType() == void.class;
    }

    /**
     * @param template    the route's path template, which must hold every path variable
     * @param description how start-up failures and logs name the method
     */
    public RequestHandler bind(Object bean, Method method, String template, String[] consumes, String[] produces,
                               String description) {
        if (Modifier.isStatic(method.getModifiers())) {
            throw new IllegalStateException(description + " is static: a handler method belongs to its bean");
        }
        MethodHandle target;
        try {
            target = MethodHandles.privateLookupIn(method.getDeclaringClass(), LOOKUP).unreflect(method).bindTo(bean);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + description + ": " + e.getMessage(), e);
        }
        int count = method.getParameterCount();
        MethodHandle[] resolvers = new MethodHandle[count];
        for (int i = 0; i < count; i++) {
            try {
                resolvers[i] = parameter(method, i, template);
            } catch (IllegalStateException e) {
                // The message says it all; the binder's own frames would only hide it.
                throw new IllegalStateException(description + ", parameter " + i + " (" + method.getParameters()[i].getType().getSimpleName()
                        + " " + method.getParameters()[i].getName() + "): " + e.getMessage());
            }
        }
        MethodHandle joined = joinOnCtx(MethodHandles.filterArguments(target, 0, resolvers), count);
        Class<?> returned = method.getReturnType();
        MethodHandle voidInvoker = returned == void.class ? joined : null;
        MethodHandle invoker = returned == void.class ? null : joined.asType(MethodType.methodType(Object.class, RequestCtx.class));
        ResponseStatus status = AnnotatedElementUtils.findMergedAnnotation(method, ResponseStatus.class);
        if (status == null) {
            status = AnnotatedElementUtils.findMergedAnnotation(method.getDeclaringClass(), ResponseStatus.class);
        }
        Class<?> written = CompletionStage.class.isAssignableFrom(returned)
                ? ResolvableType.forMethodReturnType(method).as(CompletionStage.class).getGeneric(0).toClass() : returned;
        return new TypedHandler(description, voidInvoker, invoker, ValueWriter.forType(written, mapper),
                status == null ? 0 : status.code().value(), mediaTypes(consumes, description), mediaTypes(produces, description),
                ExceptionHandlers.of(bean, AopUtils.getTargetClass(bean), advice, mapper), errors);
    }

    /** {@code (RequestCtx, RequestCtx, ...) -> R} as {@code (RequestCtx) -> R}. */
    private static MethodHandle joinOnCtx(MethodHandle handle, int count) {
        MethodType type = MethodType.methodType(handle.type().returnType(), RequestCtx.class);
        return count == 0 ? MethodHandles.dropArguments(handle, 0, RequestCtx.class)
                : MethodHandles.permuteArguments(handle, type, new int[count]);
    }

    private MethodHandle parameter(Method method, int index, String template) {
        Parameter parameter = method.getParameters()[index];
        Class<?> type = parameter.getType();
        if (type == RequestCtx.class) {
            return MethodHandles.identity(RequestCtx.class);
        }
        ResolvableType generic = ResolvableType.forMethodParameter(method, index);
        RequestBody body = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestBody.class);
        if (body != null) {
            boolean optional = type == Optional.class;
            Class<?> bodyType = optional ? generic.getGeneric(0).toClass() : type;
            BodyResolver resolver = new BodyResolver(bodyType, optional ? generic.getGeneric(0).getType() : generic.getType(),
                    body.required(), optional, mapper, validated(parameter) ? validator : null);
            return objectHandle(resolver, BodyResolver.class, type);
        }
        MethodHandle part = part(parameter, type, generic);
        if (part != null) {
            return part;
        }
        MethodHandle all = allValues(parameter, type);
        if (all != null) {
            return all;
        }
        Value value = value(parameter, template);
        boolean optional = type == Optional.class;
        ResolvableType valueType = optional ? generic.getGeneric(0) : generic;
        Class<?> raw = valueType.toClass();
        if (List.class == raw) {
            TextConverter element = converter(valueType.getGeneric(0).toClass(), value.source);
            return objectHandle(new ListResolver(value.source, value.required, optional, value.defaultValue, element),
                    ListResolver.class, type);
        }
        if (type.isPrimitive()) {
            return primitive(type, value);
        }
        ValueResolver resolver = new ValueResolver(value.source, value.required, optional, value.defaultValue,
                converter(raw, value.source), 0, 0);
        return objectHandle(resolver, ValueResolver.class, type);
    }

    /**
     * A {@code @RequestPart}, or a {@code @RequestParam} {@link FormFile} (Spring MVC binds a
     * {@code MultipartFile} either way): {@link PartResolver}; null for any other parameter.
     */
    private static MethodHandle part(Parameter parameter, Class<?> type, ResolvableType generic) {
        boolean optional = type == Optional.class;
        Class<?> valueType = optional ? generic.getGeneric(0).toClass() : type;
        RequestPart part = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestPart.class);
        RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
        if (part == null && (param == null || valueType != FormFile.class)) {
            return null;
        }
        String name = part != null ? name(part.name(), parameter) : name(param.name(), parameter);
        boolean required = part != null ? part.required() : param.required();
        return objectHandle(new PartResolver(name, valueType, required, optional), PartResolver.class, type);
    }

    /**
     * Every request parameter or every header as a map ({@link MapResolver}): an unnamed
     * {@code @RequestParam} or any {@code @RequestHeader} of a map type, as Spring MVC reads them;
     * null for any other parameter.
     */
    private static MethodHandle allValues(Parameter parameter, Class<?> type) {
        MapResolver.Shape shape = MapResolver.shapeOf(type);
        if (shape == null) {
            return null;
        }
        RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
        if (param != null && param.name().isEmpty() && shape != MapResolver.Shape.HTTP_HEADERS) {
            return objectHandle(new MapResolver(Source.Kind.PARAMETER, shape), MapResolver.class, type);
        }
        if (AnnotatedElementUtils.hasAnnotation(parameter, RequestHeader.class)) {
            return objectHandle(new MapResolver(Source.Kind.HEADER, shape), MapResolver.class, type);
        }
        return null;
    }

    private TextConverter converter(Class<?> type, Source source) {
        TextConverter converter = TextConverter.to(TypeDescriptor.valueOf(type), conversions, source);
        if (converter == null) {
            throw new IllegalStateException("nothing converts text to " + type.getName() + " (register a Converter<String, "
                    + type.getSimpleName() + "> with Spring's conversion service)");
        }
        return converter;
    }

    private static MethodHandle primitive(Class<?> type, Value value) {
        if (value.defaultValue == null && !value.required) {
            throw new IllegalStateException("a " + type + " cannot be absent: make it required, give it a defaultValue, or declare "
                    + "its box or an Optional");
        }
        long min = type == int.class ? Integer.MIN_VALUE : type == short.class ? Short.MIN_VALUE
                : type == byte.class ? Byte.MIN_VALUE : Long.MIN_VALUE;
        long max = type == int.class ? Integer.MAX_VALUE : type == short.class ? Short.MAX_VALUE
                : type == byte.class ? Byte.MAX_VALUE : Long.MAX_VALUE;
        ValueResolver resolver = new ValueResolver(value.source, true, false, value.defaultValue, null, min, max);
        try {
            MethodHandle handle;
            if (type == long.class || type == short.class || type == byte.class) {
                handle = LOOKUP.findVirtual(ValueResolver.class, "resolveLong", MethodType.methodType(long.class, RequestCtx.class));
            } else if (type == int.class) {
                handle = LOOKUP.findVirtual(ValueResolver.class, "resolveInt", MethodType.methodType(int.class, RequestCtx.class));
            } else if (type == boolean.class) {
                handle = LOOKUP.findVirtual(ValueResolver.class, "resolveBoolean", MethodType.methodType(boolean.class, RequestCtx.class));
            } else if (type == double.class || type == float.class) {
                handle = LOOKUP.findVirtual(ValueResolver.class, "resolveDouble", MethodType.methodType(double.class, RequestCtx.class));
            } else {
                throw new IllegalStateException("a " + type + " is not read from text: use a String");
            }
            return MethodHandles.explicitCastArguments(handle.bindTo(resolver), MethodType.methodType(type, RequestCtx.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code resolver.resolveObject(ctx)}, cast to the parameter's type. */
    private static MethodHandle objectHandle(Object resolver, Class<?> resolverType, Class<?> parameterType) {
        try {
            MethodHandle handle = LOOKUP.findVirtual(resolverType, "resolveObject", MethodType.methodType(Object.class, RequestCtx.class));
            return handle.bindTo(resolver).asType(MethodType.methodType(parameterType, RequestCtx.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where an annotated parameter's value comes from, whether it must be there, and its default. */
    private record Value(Source source, boolean required, String defaultValue) {
    }

    private static Value value(Parameter parameter, String template) {
        PathVariable path = AnnotatedElementUtils.findMergedAnnotation(parameter, PathVariable.class);
        if (path != null) {
            String name = name(path.name(), parameter);
            if (!template.contains("{" + name + "}") && !template.contains("{*" + name + "}")) {
                throw new IllegalStateException("the path variable '" + name + "' is not in the template " + template);
            }
            return new Value(new Source(Source.Kind.PATH, name), path.required(), null);
        }
        RequestParam param = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestParam.class);
        if (param != null) {
            return value(Source.Kind.PARAMETER, name(param.name(), parameter), param.required(), param.defaultValue());
        }
        RequestHeader header = AnnotatedElementUtils.findMergedAnnotation(parameter, RequestHeader.class);
        if (header != null) {
            return value(Source.Kind.HEADER, name(header.name(), parameter), header.required(), header.defaultValue());
        }
        CookieValue cookie = AnnotatedElementUtils.findMergedAnnotation(parameter, CookieValue.class);
        if (cookie != null) {
            return value(Source.Kind.COOKIE, name(cookie.name(), parameter), cookie.required(), cookie.defaultValue());
        }
        throw new IllegalStateException("fasthttp binds RequestCtx and parameters annotated @PathVariable, @RequestParam, "
                + "@RequestHeader, @CookieValue, @RequestBody or @RequestPart; this one has " + annotations(parameter));
    }

    /** As Spring reads them: a default makes the value optional. */
    private static Value value(Source.Kind kind, String name, boolean required, String defaultValue) {
        boolean hasDefault = !ValueConstants.DEFAULT_NONE.equals(defaultValue);
        return new Value(new Source(kind, name), required && !hasDefault, hasDefault ? defaultValue : null);
    }

    private static String name(String declared, Parameter parameter) {
        if (!declared.isEmpty()) {
            return declared;
        }
        if (!parameter.isNamePresent()) {
            throw new IllegalStateException("its name is unknown: give the annotation a name, or compile with -parameters"
                    + " (Boot's parent does)");
        }
        return parameter.getName();
    }

    private static boolean validated(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation instanceof Validated || annotation.annotationType().getName().equals("jakarta.validation.Valid")) {
                return true;
            }
        }
        return false;
    }

    private static String annotations(Parameter parameter) {
        Annotation[] annotations = parameter.getAnnotations();
        return annotations.length == 0 ? "no annotation" : Arrays.toString(annotations);
    }

    private static List<MediaType> mediaTypes(String[] types, String description) {
        try {
            return Arrays.stream(types).map(MediaType::parseMediaType).toList();
        } catch (InvalidMediaTypeException e) {
            throw new IllegalStateException(description + ": " + e.getMessage(), e);
        }
    }
}
