package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;

/** Receives name/value pairs: headers, cookies, query or form arguments. The views are valid during the call only. */
@FunctionalInterface
public interface KeyValueVisitor {
    void visit(ByteView key, ByteView value);
}
