package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.Args;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHeaders;
import dev.fasthttp.bytes.ByteView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Where a parameter's text comes from, and what Spring calls that place in its messages. */
record Source(Kind kind, String name) {

    enum Kind {
        PATH("path variable"), PARAMETER("request parameter"), HEADER("request header"), COOKIE("cookie");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** The value, as a view valid while the handler runs; null when absent. */
    ByteView find(RequestCtx ctx) {
        return switch (kind) {
            case PATH -> ctx.pathParam(name);
            case PARAMETER -> ctx.formValue(name);
            case HEADER -> ctx.headers().peek(name);
            case COOKIE -> ctx.cookie(name);
        };
    }

    /** Every value of a repeated parameter or header (query first, then form), as Strings. */
    List<String> findAll(RequestCtx ctx) {
        List<String> values = new ArrayList<>(2);
        switch (kind) {
            case PARAMETER -> forEach(kind, ctx, (key, value) -> {
                if (key.contentEquals(name)) {
                    values.add(value.toString());
                }
            });
            case HEADER -> forEach(kind, ctx, (key, value) -> {
                if (key.equalsIgnoreCase(name)) {
                    values.add(value.toString());
                }
            });
            default -> {
                ByteView value = find(ctx);
                if (value != null) {
                    values.add(value.toString());
                }
            }
        }
        return values;
    }

    /**
     * Every request parameter (query, then form) or every header ({@code kind} PARAMETER or
     * HEADER), name and value, in the order they came; views valid during the call.
     */
    static void forEach(Kind kind, RequestCtx ctx, BiConsumer<ByteView, ByteView> action) {
        if (kind == Kind.HEADER) {
            RequestHeaders headers = ctx.headers();
            for (int i = 0; i < headers.size(); i++) {
                action.accept(headers.name(i), headers.value(i));
            }
        } else {
            forEach(ctx.queryArgs(), action);
            forEach(ctx.postArgs(), action);
        }
    }

    private static void forEach(Args args, BiConsumer<ByteView, ByteView> action) {
        for (int i = 0; i < args.size(); i++) {
            action.accept(args.key(i), args.value(i));
        }
    }

    @Override
    public String toString() {
        return kind.words + " '" + name + "'";
    }
}
