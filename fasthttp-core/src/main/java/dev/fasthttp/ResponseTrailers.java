package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import dev.fasthttp.internal.bytes.ByteBuf;
import dev.fasthttp.internal.http1.HeaderBlock;
import dev.fasthttp.internal.http1.TrailerFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Trailer fields of the response (RFC 9112 7.1.2): sent after the body, so a handler streaming
 * it can add what it learns on the way, such as a checksum. Trailers need a chunked response to
 * an HTTP/1.1 client: a response that has any is sent chunked even when its body is a buffer
 * or a stream of known size; to an HTTP/1.0 client they are dropped.
 *
 * <p>The response head announces them in a {@code Trailer} field: the names set by then and
 * those {@linkplain #declare declared}, so a handler that sets a trailer only while the body is
 * written ({@link Response#setBodyStreamWriter}) should declare it first. Fields that may not be
 * trailers (framing, routing, authentication, content type and coding: see RFC 9110 6.5.1) are
 * refused with an {@link IllegalArgumentException}, as are names that are not tokens and values
 * with CR, LF or other control characters.
 */
public final class ResponseTrailers {

    private final HeaderBlock lines = new HeaderBlock(new ForbiddenNames());
    private final List<String> declared = new ArrayList<>(2);

    ResponseTrailers() {
    }

    /** Replaces every trailer called {@code name} with one. */
    public ResponseTrailers set(String name, CharSequence value) {
        lines.set(name, value);
        return this;
    }

    /** Adds a trailer, keeping others of the same name. */
    public ResponseTrailers add(String name, CharSequence value) {
        lines.add(name, value);
        return this;
    }

    public ResponseTrailers del(String name) {
        lines.del(name);
        return this;
    }

    /** Announces a trailer in the head's {@code Trailer} field before its value is known. */
    public ResponseTrailers declare(String name) {
        HeaderBlock.checkName(name);
        checkAllowed(name);
        declared.add(name);
        return this;
    }

    public ByteView peek(String name) {
        return lines.peek(name);
    }

    public int size() {
        return lines.size();
    }

    /** Whether any trailer is set or declared: the response then goes chunked. */
    public boolean isEmpty() {
        return lines.size() == 0 && declared.isEmpty();
    }

    void reset() {
        lines.reset();
        declared.clear();
    }

    /** The {@code Trailer} field's value: the names declared, then those set and not declared. */
    void appendAnnouncement(ByteBuf out) {
        boolean first = true;
        for (String name : declared) {
            out.appendLatin1(first ? "" : ", ").appendLatin1(name);
            first = false;
        }
        for (int i = 0; i < lines.size(); i++) {
            ByteView name = lines.name(i);
            if (!isAnnounced(name, i)) {
                out.appendLatin1(first ? "" : ", ").append(name.array(), name.offset(), name.length());
                first = false;
            }
        }
    }

    /** Whether line {@code line}'s name was declared, or set on an earlier line. */
    private boolean isAnnounced(ByteView name, int line) {
        String text = name.toString();
        for (String d : declared) {
            if (text.equalsIgnoreCase(d)) {
                return true;
            }
        }
        for (int i = 0; i < line; i++) {
            if (lines.name(i).equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    /** The trailer lines in wire format. */
    ByteBuf wireLines() {
        return lines.wireLines();
    }

    private static void checkAllowed(String name) {
        if (TrailerFields.isForbidden(name)) {
            throw new IllegalArgumentException(name + " cannot be a trailer field (RFC 9110 6.5.1)");
        }
    }

    /** Every forbidden name is refused: none is managed by the engine here. */
    private static final class ForbiddenNames implements HeaderBlock.Policy {

        @Override
        public boolean managed(String name) {
            return false;
        }

        @Override
        public boolean route(String name, CharSequence value) {
            checkAllowed(name);
            return false;
        }
    }
}
