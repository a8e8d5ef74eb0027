package dev.nettune.rss;

import dev.nettune.Phrase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** A literal IPv4 or IPv6 address (never a host name: nothing here ever asks DNS). */
public final class IpAddress {
    private final byte[] bytes;

    private IpAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static IpAddress of(byte[] bytes) {
        if (bytes.length != 4 && bytes.length != 16) {
            throw new RssInputException(Phrase.of("rss.ip.byteCount", "An address has 4 (IPv4) or 16 (IPv6) bytes, not {0}.", bytes.length));
        }
        return new IpAddress(bytes.clone());
    }

    public static IpAddress ofIpv4(int address) {
        return new IpAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                (byte) (address >>> 8), (byte) address});
    }

    /** Parses a dotted IPv4 address or an IPv6 literal; anything else gets a message saying why. */
    public static IpAddress parse(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new RssInputException(Phrase.of("rss.ip.empty", "The address is empty: give an IPv4 address like 10.0.0.1 or an IPv6 one like fd00::1."));
        }
        if (s.indexOf(':') >= 0) {
            return parseIpv6(s);
        }
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw new RssInputException(Phrase.of("rss.ip.notIpv4",
                    "'{0}' is not an IPv4 address: it needs four numbers 0-255 separated by dots, like 10.0.0.1.", s));
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new RssInputException(Phrase.of("rss.ip.partNotNumber", "'{0}': part {1} ('{2}') must be a number 0-255.", s, i + 1, p));
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                throw new RssInputException(Phrase.of("rss.ip.leadingZero", "'{0}': part {1} ('{2}') has a leading zero, which inet_aton and"
                        + " hping3 read as octal (010 is 8): write it without the zero.", s, i + 1, p));
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw new RssInputException(Phrase.of("rss.ip.partTooBig", "'{0}': part {1} is {2}, above 255.", s, i + 1, v));
            }
            b[i] = (byte) v;
        }
        return new IpAddress(b);
    }

    private static IpAddress parseIpv6(String s) {
        if (!s.matches("[0-9A-Fa-f:.]+") || s.contains(":::") || s.indexOf("::") != s.lastIndexOf("::")) {
            throw new RssInputException(Phrase.of("rss.ip.notIpv6", "'{0}' is not an IPv6 address: use hex groups separated by colons, like fd00::1.", s));
        }
        try {
            // Only hex, colons and dots reach here, so this is a literal: InetAddress does no lookup.
            byte[] b = InetAddress.getByName(s).getAddress();
            if (b.length != 16) {
                throw new RssInputException(Phrase.of("rss.ip.notIpv6Short", "'{0}' is not an IPv6 address.", s));
            }
            return new IpAddress(b);
        } catch (UnknownHostException e) {
            throw new RssInputException(Phrase.of("rss.ip.notIpv6", "'{0}' is not an IPv6 address: use hex groups separated by colons, like fd00::1.", s));
        }
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    public int length() {
        return bytes.length;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    int byteAt(int i) {
        return bytes[i] & 0xff;
    }

    /** The {@code i}th 32-bit word of the address, big-endian (0 for IPv4; 0-3 for IPv6): no copy of the bytes. */
    int word(int i) {
        int o = i << 2;
        return (byteAt(o) << 24) | (byteAt(o + 1) << 16) | (byteAt(o + 2) << 8) | byteAt(o + 3);
    }

    /** The IPv4 address as a big-endian int. */
    public int ipv4AsInt() {
        if (!isIpv4()) {
            throw new IllegalStateException("not IPv4");
        }
        return (byteAt(0) << 24) | (byteAt(1) << 16) | (byteAt(2) << 8) | byteAt(3);
    }

    @Override
    public String toString() {
        try {
            String t = InetAddress.getByAddress(bytes).getHostAddress();
            return isIpv4() ? t : compressIpv6(t);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String compressIpv6(String full) {
        // InetAddress prints 0:0:0:0:0:0:0:1; users expect ::1 (RFC 5952).
        String[] g = full.split(":");
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < g.length; ) {
            if (g[i].equals("0")) {
                int j = i;
                while (j < g.length && g[j].equals("0")) {
                    j++;
                }
                if (j - i > bestLen && j - i > 1) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestStart < 0) {
            return full;
        }
        String left = String.join(":", Arrays.copyOfRange(g, 0, bestStart));
        String right = String.join(":", Arrays.copyOfRange(g, bestStart + bestLen, g.length));
        return left + "::" + right;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpAddress a && Arrays.equals(bytes, a.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
