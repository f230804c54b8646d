package dev.fasthttp.internal.server;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IP address literals, parsed without ever asking a name service: forwarding headers and proxy
 * settings must never make a request wait on DNS, or let a header choose what is looked up.
 */
public final class IpLiterals {

    private IpLiterals() {
    }

    /** The address {@code text} spells (dotted IPv4, or IPv6 without brackets), or null. */
    public static InetAddress address(String text) {
        byte[] bytes = parse(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null; // not reached: the length is 4 or 16
        }
    }

    /** The bytes of the address {@code text} spells, or null. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        return ipv4(text);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = decimal(parts[i]);
            if (value < 0 || value > 255) {
                return null;
            }
            bytes[i] = (byte) value;
        }
        return bytes;
    }

    private static int decimal(String s) {
        if (s.isEmpty() || s.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static byte[] ipv6(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!allowed) {
                return null; // zone ids and anything else: refused rather than resolved
            }
        }
        try {
            // A literal of hex digits, colons and dots: the JDK parses it without a lookup.
            byte[] bytes = InetAddress.getByName(text).getAddress();
            return bytes.length == 16 || text.contains(".") ? bytes : null;
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }
}
