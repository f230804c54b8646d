package dev.fasthttp.internal.server;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * A set of CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}, or single addresses), and whether an
 * address falls in one of them. An IPv4 address also matches as its IPv4-mapped IPv6 form does not:
 * blocks and addresses are compared in their own family only.
 */
public final class AddressBlocks {

    private final byte[][] networks;
    private final int[] prefixes;

    public AddressBlocks(String... blocks) {
        networks = new byte[blocks.length][];
        prefixes = new int[blocks.length];
        for (int i = 0; i < blocks.length; i++) {
            String block = blocks[i].trim();
            int slash = block.indexOf('/');
            byte[] network = IpLiterals.parse(slash < 0 ? block : block.substring(0, slash));
            if (network == null) {
                throw new IllegalArgumentException("not an IP address or CIDR block: " + blocks[i]);
            }
            int bits = network.length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(block.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("invalid prefix length in " + blocks[i]);
                }
            }
            networks[i] = network;
            prefixes[i] = prefix;
        }
    }

    public boolean contains(InetAddress address) {
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (int i = 0; i < networks.length; i++) {
            if (networks[i].length == bytes.length && samePrefix(networks[i], bytes, prefixes[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        int whole = bits / 8;
        if (!Arrays.equals(a, 0, whole, b, 0, whole)) {
            return false;
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (a[whole] & mask) == (b[whole] & mask);
    }
}
