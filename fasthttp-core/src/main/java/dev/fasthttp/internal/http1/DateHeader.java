package dev.fasthttp.internal.http1;

import dev.fasthttp.internal.bytes.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * The {@code Date: <IMF-fixdate>\r\n} header line, re-formatted in place at most once a second.
 *
 * <p>One instance per event loop: the loop refreshes it from the clock it already reads, and
 * responses copy the 37 bytes. No formatter, no String, no lock.
 */
public final class DateHeader {

    private static final int DATE_OFFSET = "Date: ".length();

    private final byte[] line = "Date: Thu, 01 Jan 1970 00:00:00 GMT\r\n".getBytes(StandardCharsets.US_ASCII);
    private long second = Long.MIN_VALUE;

    /** Re-formats the line if {@code epochMillis} falls in a new second. */
    public void refresh(long epochMillis) {
        long s = Math.floorDiv(epochMillis, 1000);
        if (s != second) {
            second = s;
            HttpDate.format(s, line, DATE_OFFSET);
        }
    }

    public void appendTo(ByteBuf out) {
        out.append(line);
    }
}
