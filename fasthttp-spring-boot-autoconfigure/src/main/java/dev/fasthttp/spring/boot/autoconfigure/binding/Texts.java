package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.bytes.ByteView;
import java.util.Arrays;

/**
 * Parses request text into primitives and enum constants straight from the bytes, allocating
 * nothing unless the text is invalid: the conversions a typed handler's hot parameters need.
 * Accepts what Spring's converters accept for the same types (an optional sign for numbers;
 * true/false, on/off, yes/no, 1/0 in any case for booleans; an enum constant's exact name).
 */
final class Texts {

    private static final long MIN_DIV_10 = Long.MIN_VALUE / 10;
    private static final String[] TRUE = {"true", "on", "yes", "1"};
    private static final String[] FALSE = {"false", "off", "no", "0"};

    private Texts() {
    }

    /** The decimal number in {@code text}, within {@code [min, max]}; else a 400 naming {@code what}. */
    static long toLong(ByteView text, long min, long max, Object what) {
        int length = text.length();
        int i = 0;
        boolean negative = false;
        if (length > 0 && (text.byteAt(0) == '-' || text.byteAt(0) == '+')) {
            negative = text.byteAt(0) == '-';
            i = 1;
        }
        if (i == length) {
            throw invalid(text, what, "a number");
        }
        long value = 0; // accumulated negatively, so Long.MIN_VALUE fits
        for (; i < length; i++) {
            int digit = text.byteAt(i) - '0';
            if (digit < 0 || digit > 9) {
                throw invalid(text, what, "a number");
            }
            if (value < MIN_DIV_10 || (value == MIN_DIV_10 && digit > 8)) {
                throw invalid(text, what, "a number in range");
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw invalid(text, what, "a number in range");
            }
            value = -value;
        }
        if (value < min || value > max) {
            throw invalid(text, what, "a number in range");
        }
        return value;
    }

    static boolean toBoolean(ByteView text, Object what) {
        for (int i = 0; i < TRUE.length; i++) {
            if (text.equalsIgnoreCase(TRUE[i])) {
                return true;
            }
            if (text.equalsIgnoreCase(FALSE[i])) {
                return false;
            }
        }
        throw invalid(text, what, "true or false");
    }

    static double toDouble(ByteView text, Object what) {
        try {
            return Double.parseDouble(text.toString());
        } catch (NumberFormatException e) {
            throw invalid(text, what, "a number");
        }
    }

    /** The constant whose name is {@code text}, compared byte by byte. */
    static <E extends Enum<E>> E toEnum(ByteView text, E[] constants, Object what) {
        for (E constant : constants) {
            if (text.contentEquals(constant.name())) {
                return constant;
            }
        }
        throw invalid(text, what, "one of " + Arrays.toString(constants));
    }

    static BindingException invalid(ByteView text, Object what, String expected) {
        return invalid(text.toString(), what, expected);
    }

    static BindingException invalid(String text, Object what, String expected) {
        return new BindingException(400, "Invalid " + what + ": '" + printable(text) + "' is not " + expected);
    }

    /** The value as it may be echoed to the client: at most 64 characters, control characters escaped. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 64) + 3);
        for (int i = 0; i < text.length() && i < 64; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return text.length() > 64 ? out.append("...").toString() : out.toString();
    }
}
