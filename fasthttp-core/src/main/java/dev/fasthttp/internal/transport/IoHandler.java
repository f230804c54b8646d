package dev.fasthttp.internal.transport;

import java.nio.channels.SelectionKey;

/** What a selection key is attached to: told when its channel is ready, on the loop thread. */
public interface IoHandler {

    void onReady(SelectionKey key);
}
