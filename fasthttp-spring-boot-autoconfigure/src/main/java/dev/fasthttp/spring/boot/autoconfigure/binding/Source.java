package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.Args;
import dev.fasthttp.RequestCtx;
import dev.fasthttp.RequestHeaders;
import dev.fasthttp.bytes.ByteView;
import java.util.ArrayList;
import java.util.List;

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
            case PARAMETER -> {
                addAll(ctx.queryArgs(), values);
                addAll(ctx.postArgs(), values);
            }
            case HEADER -> {
                RequestHeaders headers = ctx.headers();
                for (int i = 0; i < headers.size(); i++) {
                    if (headers.name(i).equalsIgnoreCase(name)) {
                        values.add(headers.value(i).toString());
                    }
                }
            }
            default -> {
                ByteView value = find(ctx);
                if (value != null) {
                    values.add(value.toString());
                }
            }
        }
        return values;
    }

    private void addAll(Args args, List<String> values) {
        for (int i = 0; i < args.size(); i++) {
            if (args.key(i).contentEquals(name)) {
                values.add(args.value(i).toString());
            }
        }
    }

    @Override
    public String toString() {
        return kind.words + " '" + name + "'";
    }
}
