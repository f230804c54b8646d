package dev.fasthttp.spring.boot.autoconfigure.binding;

import dev.fasthttp.bytes.ByteView;
import java.util.UUID;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;

/**
 * Converts a request value's text to a parameter's type. Chosen once per parameter: the JDK's
 * scalar types by hand (numbers, booleans and enum constants read from the bytes; a
 * {@code ByteView} is the view itself), anything else through Spring's {@link ConversionService}.
 */
@FunctionalInterface
interface TextConverter {

    Object convert(ByteView text);

    /** Whether empty text counts as absent: for every type but text itself, as in Spring. */
    default boolean emptyIsAbsent() {
        return true;
    }

    /**
     * The converter to {@code type}, or null if nothing converts text to it.
     *
     * @param what the parameter, for messages
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static TextConverter to(TypeDescriptor type, ConversionService conversions, Object what) {
        Class<?> raw = type.getObjectType();
        if (raw == String.class || raw == CharSequence.class) {
            return new TextConverter() {
                @Override
                public Object convert(ByteView text) {
                    return text.toString();
                }

                @Override
                public boolean emptyIsAbsent() {
                    return false;
                }
            };
        }
        if (raw == ByteView.class) {
            return new TextConverter() {
                @Override
                public Object convert(ByteView text) {
                    return text;
                }

                @Override
                public boolean emptyIsAbsent() {
                    return false;
                }
            };
        }
        if (raw == Long.class) {
            return text -> Texts.toLong(text, Long.MIN_VALUE, Long.MAX_VALUE, what);
        }
        if (raw == Integer.class) {
            return text -> (int) Texts.toLong(text, Integer.MIN_VALUE, Integer.MAX_VALUE, what);
        }
        if (raw == Short.class) {
            return text -> (short) Texts.toLong(text, Short.MIN_VALUE, Short.MAX_VALUE, what);
        }
        if (raw == Byte.class) {
            return text -> (byte) Texts.toLong(text, Byte.MIN_VALUE, Byte.MAX_VALUE, what);
        }
        if (raw == Boolean.class) {
            return text -> Texts.toBoolean(text, what);
        }
        if (raw == Double.class) {
            return text -> Texts.toDouble(text, what);
        }
        if (raw == Float.class) {
            return text -> (float) Texts.toDouble(text, what);
        }
        if (raw.isEnum()) {
            Enum[] constants = ((Class<? extends Enum>) raw).getEnumConstants();
            return text -> Texts.toEnum(text, constants, what);
        }
        if (raw == UUID.class) {
            return text -> {
                try {
                    return UUID.fromString(text.toString());
                } catch (IllegalArgumentException e) {
                    throw Texts.invalid(text, what, "a UUID");
                }
            };
        }
        TypeDescriptor string = TypeDescriptor.valueOf(String.class);
        if (!conversions.canConvert(string, type)) {
            return null;
        }
        return text -> {
            try {
                return conversions.convert(text.toString(), string, type);
            } catch (ConversionException e) {
                throw Texts.invalid(text, what, "a valid " + raw.getSimpleName());
            }
        };
    }
}
