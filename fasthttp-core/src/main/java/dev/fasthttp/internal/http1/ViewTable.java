package dev.fasthttp.internal.http1;

import dev.fasthttp.bytes.ByteView;
import java.util.Arrays;

/**
 * Reusable key and value views for a list of pairs, grown on demand and kept across requests,
 * so pointing the i-th pair at new bytes allocates nothing.
 */
public final class ViewTable {

    private ByteView[] keys = new ByteView[0];
    private ByteView[] values = new ByteView[0];

    public ByteView key(int i) {
        ensure(i);
        return keys[i];
    }

    public ByteView value(int i) {
        ensure(i);
        return values[i];
    }

    private void ensure(int i) {
        if (i >= keys.length) {
            int n = Math.max(8, Math.max(i + 1, keys.length * 2));
            int old = keys.length;
            keys = Arrays.copyOf(keys, n);
            values = Arrays.copyOf(values, n);
            for (int j = old; j < n; j++) {
                keys[j] = new ByteView();
                values[j] = new ByteView();
            }
        }
    }
}
