package dev.fasthttp.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heap allocated during a window of a JVM's life, from its own accounting: the GC log
 * ({@code -Xlog:gc}) says how full the heap was before and after each collection; between two
 * collections the heap only grows by what the program allocated.
 *
 * <pre>
 *   allocated = (before(1) - used at start) + sum of (before(i) - after(i-1)) + (used at end - after(last))
 * </pre>
 *
 * With no collection in the window it is simply the growth of the used heap.
 */
final class GcLog {

    /** {@code GC(12) Pause Young (Allocation Failure) 66M->1M(247M) 1.234ms}, and the like for other collectors. */
    private static final Pattern PAUSE = Pattern.compile("GC\\(\\d+\\) Pause.*?(\\d+)([KMG])->(\\d+)([KMG])\\(");

    record Collection(long beforeBytes, long afterBytes) {
    }

    private GcLog() {
    }

    static List<Collection> collections(String log) {
        List<Collection> result = new ArrayList<>();
        Matcher m = PAUSE.matcher(log);
        while (m.find()) {
            result.add(new Collection(bytes(m.group(1), m.group(2)), bytes(m.group(3), m.group(4))));
        }
        return result;
    }

    static long allocatedBytes(long usedAtStart, List<Collection> collections, long usedAtEnd) {
        long allocated = 0;
        long previous = usedAtStart;
        for (Collection c : collections) {
            allocated += Math.max(0, c.beforeBytes() - previous);
            previous = c.afterBytes();
        }
        return allocated + Math.max(0, usedAtEnd - previous);
    }

    private static long bytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }
}
