package dev.fasthttp.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.Random;

/**
 * An in-memory connection for {@link Server#serveConnection}: hands the server the input in
 * reads of a chosen size (one byte at a time, random splits, or all at once), then end of
 * stream; collects everything the server writes. Deterministic, so every split is really
 * exercised.
 */
public final class ScriptedChannel implements ByteChannel {

    /** How much of the remaining input one read may return. */
    public interface Splits {
        int next(int remaining);

        static Splits whole() {
            return remaining -> remaining;
        }

        static Splits byteByByte() {
            return remaining -> 1;
        }

        static Splits random(long seed) {
            Random random = new Random(seed);
            return remaining -> 1 + random.nextInt(Math.min(remaining, 64));
        }
    }

    private final byte[] input;
    private final Splits splits;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private int position;
    private boolean open = true;

    public ScriptedChannel(byte[] input, Splits splits) {
        this.input = input;
        this.splits = splits;
    }

    @Override
    public int read(ByteBuffer dst) {
        if (position == input.length) {
            return -1;
        }
        int n = Math.min(dst.remaining(), Math.min(splits.next(input.length - position), input.length - position));
        dst.put(input, position, n);
        position += n;
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        int n = src.remaining();
        byte[] bytes = new byte[n];
        src.get(bytes);
        output.write(bytes, 0, n);
        return n;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }

    public byte[] output() {
        return output.toByteArray();
    }

    /** How much input the server consumed before it stopped. */
    public int consumed() {
        return position;
    }
}
