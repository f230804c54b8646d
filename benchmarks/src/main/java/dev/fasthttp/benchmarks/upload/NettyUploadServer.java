package dev.fasthttp.benchmarks.upload;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Netty 4.2 streaming a request body: {@link HttpServerCodec} (its defaults: content in pieces of
 * at most 8 KiB) and a handler that takes each {@link HttpContent} as it comes and lets it go,
 * with no {@code HttpObjectAggregator}; at {@link LastHttpContent} it answers the byte count. One
 * event loop (epoll when available, as the load comparison's Netty peer), Netty's pooled buffers.
 *
 * <p>Two handlers: one copies each piece into a heap array, the work {@link FasthttpUploadServer}'s
 * handler does when it reads the body from an {@code InputStream}; the other only counts, leaving
 * the bytes where Netty read them (off-heap), which no {@code InputStream} reader can do.
 *
 * <p>Not measured: {@code HttpPostRequestDecoder}. It keeps every file part it decodes in an
 * {@code HttpData}, in memory or in a temporary file, so a 1 GiB multipart upload through it would
 * measure a gigabyte of heap or a disk, not the HTTP path.
 */
final class NettyUploadServer implements UploadServer {

    /** Where the copying handler copies the body to, and forgets it (shared, as {@link FasthttpUploadServer}'s). */
    private static final byte[] SCRATCH = new byte[64 * 1024];

    private final EventLoopGroup group;
    private final Channel channel;

    /** @param copy whether the handler copies the content into a heap array, or only counts it */
    NettyUploadServer(boolean copy) {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(1, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        try {
            channel = new ServerBootstrap()
                    .group(group)
                    .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new CountingHandler(copy));
                        }
                    })
                    .bind("127.0.0.1", 0).sync().channel();
        } catch (InterruptedException e) {
            group.shutdownGracefully();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts one request's content; the superclass releases each message after {@link #channelRead0}. */
    private static final class CountingHandler extends SimpleChannelInboundHandler<HttpObject> {

        private final boolean copy;
        private long count;
        private boolean keepAlive;

        CountingHandler(boolean copy) {
            this.copy = copy;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
            if (msg instanceof HttpRequest request) {
                count = 0;
                keepAlive = HttpUtil.isKeepAlive(request);
            }
            if (msg instanceof HttpContent content) {
                ByteBuf bytes = content.content();
                int n = bytes.readableBytes();
                for (int at = 0; copy && at < n; at += SCRATCH.length) {
                    bytes.getBytes(bytes.readerIndex() + at, SCRATCH, 0, Math.min(SCRATCH.length, n - at));
                }
                count += n;
            }
            if (msg instanceof LastHttpContent) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                        HttpResponseStatus.OK, ByteBufUtil.writeAscii(ctx.alloc(), Long.toString(count)));
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN);
                response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
                if (keepAlive) {
                    ctx.writeAndFlush(response);
                } else {
                    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Override
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
