package dev.fasthttp.internal.http1;

import java.nio.charset.StandardCharsets;

/** Formats IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}, RFC 9110 5.6.7) into a byte array, without garbage. */
public final class HttpDate {

    /** Length of a formatted date. */
    public static final int LENGTH = 29;

    private static final byte[] DAYS = "ThuFriSatSunMonTueWed".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);

    private HttpDate() {
    }

    /** Writes the date of {@code epochSecond} at {@code dst[pos, pos + 29)}. */
    public static void format(long epochSecond, byte[] dst, int pos) {
        long days = Math.floorDiv(epochSecond, 86400);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86400);
        System.arraycopy(DAYS, (int) Math.floorMod(days, 7) * 3, dst, pos, 3); // 1970-01-01 was a Thursday
        dst[pos + 3] = ',';
        dst[pos + 4] = ' ';

        // Civil date from days since the epoch (H. Hinnant's civil_from_days).
        long z = days + 719468;
        long era = Math.floorDiv(z, 146097);
        long doe = z - era * 146097;
        long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);

        twoDigits(dst, pos + 5, day);
        dst[pos + 7] = ' ';
        System.arraycopy(MONTHS, (month - 1) * 3, dst, pos + 8, 3);
        dst[pos + 11] = ' ';
        twoDigits(dst, pos + 12, (int) (year / 100));
        twoDigits(dst, pos + 14, (int) (year % 100));
        dst[pos + 16] = ' ';
        twoDigits(dst, pos + 17, secondOfDay / 3600);
        dst[pos + 19] = ':';
        twoDigits(dst, pos + 20, secondOfDay / 60 % 60);
        dst[pos + 22] = ':';
        twoDigits(dst, pos + 23, secondOfDay % 60);
        dst[pos + 25] = ' ';
        dst[pos + 26] = 'G';
        dst[pos + 27] = 'M';
        dst[pos + 28] = 'T';
    }

    private static void twoDigits(byte[] dst, int pos, int value) {
        dst[pos] = (byte) ('0' + value / 10);
        dst[pos + 1] = (byte) ('0' + value % 10);
    }
}
