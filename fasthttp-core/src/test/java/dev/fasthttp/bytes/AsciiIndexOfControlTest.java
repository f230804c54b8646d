package dev.fasthttp.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fasthttp.internal.bytes.Ascii;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time search must agree with the obvious byte loop, for every byte value at every position. */
class AsciiIndexOfControlTest {

    private static int reference(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            int b = a[i] & 0xFF;
            if (b < 0x20 || b == 0x7F) {
                return i;
            }
        }
        return to;
    }

    @Test
    void everyByteValueAtEveryPositionOfTwoWords() {
        for (int value = 0; value < 256; value++) {
            for (int position = 0; position < 19; position++) {
                byte[] a = new byte[19];
                Arrays.fill(a, (byte) 'a');
                a[position] = (byte) value;
                for (int from = 0; from <= 3; from++) {
                    assertThat(Ascii.indexOfControl(a, from, a.length))
                            .as("byte 0x%02x at %d from %d", value, position, from)
                            .isEqualTo(reference(a, from, a.length));
                }
            }
        }
    }

    @Test
    void highBytesAndBorrowsNeverHideOrInventAMatch() {
        Random random = new Random(42);
        byte[] alphabet = {0, 1, 0x1F, 0x20, 0x21, 0x7E, 0x7F, (byte) 0x80, (byte) 0x9F, (byte) 0xA0, (byte) 0xFF, '\r', '\n', '\t', 'x'};
        for (int round = 0; round < 100_000; round++) {
            byte[] a = new byte[1 + random.nextInt(40)];
            for (int i = 0; i < a.length; i++) {
                a[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)] : (byte) (0x20 + random.nextInt(0x5F));
            }
            int from = random.nextInt(a.length);
            int to = from + random.nextInt(a.length - from + 1);
            assertThat(Ascii.indexOfControl(a, from, to)).isEqualTo(reference(a, from, to));
        }
    }
}
