package dev.fasthttp.benchmarks;

import static dev.fasthttp.benchmarks.FasthttpRequests.HELLO;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * The fasthttp benchmark handler written for Netty behind {@code HttpServerCodec}, the way
 * Netty's own HelloWorld server example is: the response is a {@link FullHttpResponse} with
 * {@code Content-Type: text/plain} and {@code Content-Length}, written on the last part of the
 * request, and everything written during a read is flushed once in
 * {@link #channelReadComplete}. With one request per connection the response carries
 * {@code Connection: close} and the channel closes once it is written; otherwise the connection
 * stays open (HTTP/1.1's default, so no header).
 *
 * <p>A POST body is echoed as fasthttp's handler does: the decoder's slice of it is sent back as
 * the response body when it came in one piece (no copy), else the pieces are gathered into one
 * pooled buffer. One instance per channel, as the handler is stateful.
 */
final class NettyHelloHandler extends ChannelInboundHandlerAdapter {

    private static final ByteBuf EXPECTED_BODY = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(HELLO));

    /** What the handlers of one benchmark share: the count of requests served, the first failure. */
    static final class Stats {
        long served;
        String failure;

        void fail(String message) {
            if (failure == null) {
                failure = message;
            }
        }
    }

    private final Stats stats;
    private final boolean post;
    private final boolean close;
    private ByteBuf body;

    NettyHelloHandler(Stats stats, boolean post, boolean close) {
        this.stats = stats;
        this.post = post;
        this.close = close;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                if (request.decoderResult().isFailure()) {
                    fail(ctx, "Undecodable request: " + request.decoderResult().cause());
                    return;
                }
                HttpMethod expected = post ? HttpMethod.POST : HttpMethod.GET;
                if (!expected.equals(request.method())) {
                    fail(ctx, "Unexpected request method: " + request.method());
                    return;
                }
            }
            if (msg instanceof HttpContent content) {
                boolean last = msg instanceof LastHttpContent;
                if (post) {
                    gather(ctx, content.content(), last);
                }
                if (last) {
                    respond(ctx);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void gather(ChannelHandlerContext ctx, ByteBuf part, boolean last) {
        if (body == null && last) {
            body = part.retain(); // the whole body in one piece: echo the decoder's slice
            return;
        }
        if (body == null) {
            body = ctx.alloc().buffer(part.readableBytes() * 2);
        }
        body.writeBytes(part);
    }

    private void respond(ChannelHandlerContext ctx) {
        ByteBuf content;
        if (post) {
            content = body;
            body = null;
            if (content == null || !ByteBufUtil.equals(content, EXPECTED_BODY)) {
                String got = content == null ? "none" : content.toString(java.nio.charset.StandardCharsets.US_ASCII);
                ReferenceCountUtil.release(content);
                fail(ctx, "Unexpected body \"" + got + "\". Expected \"Hello, world!\"");
                return;
            }
        } else {
            content = Unpooled.wrappedBuffer(HELLO);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, content);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        stats.served++;
        if (close) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.write(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.write(response);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (body != null) {
            body.release();
            body = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, "Exception: " + cause);
    }

    private void fail(ChannelHandlerContext ctx, String message) {
        stats.fail(message);
        ctx.close();
    }
}
