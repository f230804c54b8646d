package dev.fasthttp;

import java.util.Arrays;

/**
 * Values handlers of one request pass each other ({@link RequestCtx#userValue}): a few pairs in
 * two arrays kept with the ctx, compared with equals, so storing one allocates nothing once the
 * arrays have grown to what the application uses.
 */
final class UserValues {

    private Object[] keys = new Object[4];
    private Object[] values = new Object[4];
    private int count;

    Object get(Object key) {
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    void put(Object key, Object value) {
        for (int i = 0; i < count; i++) {
            if (keys[i].equals(key)) {
                values[i] = value;
                return;
            }
        }
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        keys[count] = key;
        values[count++] = value;
    }

    /** Forgets every pair, so the request's objects can be collected. */
    void clear() {
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(values, 0, count, null);
        count = 0;
    }
}
