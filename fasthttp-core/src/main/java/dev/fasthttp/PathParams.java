package dev.fasthttp;

import dev.fasthttp.bytes.ByteView;
import java.util.Arrays;

/**
 * The path parameters a router matched ({@code /users/{id}} against {@code /users/42}: id = 42),
 * as views into the request path. Valid until the handler returns, like every view.
 *
 * <p>Handlers read them with {@link RequestCtx#pathParam(String)}; routers fill them with
 * {@link #add} and take them back with {@link #truncate} when a branch does not match. Names are
 * compared by reference first: routers pass the same String instances they registered.
 */
public final class PathParams {

    private final Request request;
    private String[] names = new String[4];
    private int[] bounds = new int[8];
    private ByteView[] views = new ByteView[0];
    private int count;

    PathParams(Request request) {
        this.request = request;
    }

    void clear() {
        Arrays.fill(names, 0, count, null);
        count = 0;
    }

    public int size() {
        return count;
    }

    public String name(int i) {
        checkIndex(i);
        return names[i];
    }

    public ByteView value(int i) {
        checkIndex(i);
        if (i >= views.length) {
            int old = views.length;
            views = Arrays.copyOf(views, Math.max(4, names.length));
            for (int j = old; j < views.length; j++) {
                views[j] = new ByteView();
            }
        }
        ByteView path = request.path();
        return views[i].set(path.array(), path.offset() + bounds[2 * i], bounds[2 * i + 1] - bounds[2 * i]);
    }

    /** The value of the parameter {@code name}, or null if the route has none of that name. */
    public ByteView get(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i] == name) {
                return value(i);
            }
        }
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return value(i);
            }
        }
        return null;
    }

    /** For routers: records that {@code name} matched {@code path()[start, end)}. */
    public void add(String name, int start, int end) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            bounds = Arrays.copyOf(bounds, count * 4);
        }
        names[count] = name;
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        count++;
    }

    /** For routers: forgets the parameters added after the first {@code size}, when backtracking. */
    public void truncate(int size) {
        if (size < count) {
            Arrays.fill(names, size, count, null);
            count = size;
        }
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
    }
}
