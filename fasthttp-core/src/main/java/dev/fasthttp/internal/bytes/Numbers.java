package dev.fasthttp.internal.bytes;

/** Number parsing and formatting on byte arrays, without garbage. */
public final class Numbers {

    /** Long.MAX_VALUE has 19 digits; more can only overflow. */
    private static final int MAX_DECIMAL_DIGITS = 19;

    private Numbers() {
    }

    /**
     * Parses {@code a[from, to)} as a non-negative decimal number made of digits only.
     *
     * @return the value, or -1 if empty, not all digits, or larger than {@code Long.MAX_VALUE}
     */
    public static long parseDecimal(byte[] a, int from, int to) {
        if (from >= to) {
            return -1;
        }
        // Leading zeros cannot overflow, so they do not count against the digit limit.
        int firstSignificant = from;
        while (firstSignificant < to - 1 && a[firstSignificant] == '0') {
            firstSignificant++;
        }
        if (to - firstSignificant > MAX_DECIMAL_DIGITS) {
            for (int i = from; i < to; i++) {
                if (!Ascii.isDigit(a[i])) {
                    return -1;
                }
            }
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            byte b = a[i];
            if (!Ascii.isDigit(b)) {
                return -1;
            }
            value = value * 10 + (b - '0');
            if (value < 0) {
                return -1;
            }
        }
        return value;
    }

    /** Value of a hex digit, or -1. */
    public static int hexValue(byte b) {
        if (b >= '0' && b <= '9') return b - '0';
        if (b >= 'a' && b <= 'f') return b - 'a' + 10;
        if (b >= 'A' && b <= 'F') return b - 'A' + 10;
        return -1;
    }

    /** Number of decimal digits of a non-negative {@code value}. */
    public static int decimalLength(long value) {
        long bound = 10;
        for (int digits = 1; digits < MAX_DECIMAL_DIGITS; digits++) {
            if (value < bound) {
                return digits;
            }
            bound *= 10;
        }
        return MAX_DECIMAL_DIGITS;
    }

    /**
     * Writes a non-negative {@code value} as decimal digits at {@code a[pos]}.
     *
     * @return the position after the last digit
     */
    public static int writeDecimal(byte[] a, int pos, long value) {
        int end = pos + decimalLength(value);
        int i = end;
        // int arithmetic for the common small values; long division only above 2^31
        while (value > Integer.MAX_VALUE) {
            a[--i] = (byte) ('0' + (value % 10));
            value /= 10;
        }
        int v = (int) value;
        do {
            a[--i] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        return end;
    }

    /** Number of hex digits of a non-negative {@code value}. */
    public static int hexLength(long value) {
        return value == 0 ? 1 : (67 - Long.numberOfLeadingZeros(value)) / 4;
    }

    /** Writes a non-negative {@code value} as lowercase hex at {@code a[pos]}; returns the end. */
    public static int writeHex(byte[] a, int pos, long value) {
        int end = pos + hexLength(value);
        int i = end;
        do {
            int digit = (int) (value & 0xF);
            a[--i] = (byte) (digit < 10 ? '0' + digit : 'a' + digit - 10);
            value >>>= 4;
        } while (value != 0);
        return end;
    }
}
