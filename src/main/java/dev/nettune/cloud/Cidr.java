package dev.nettune.cloud;

import dev.nettune.rss.IpAddress;
import dev.nettune.rss.RssInputException;

/**
 * A source range of a security-group rule such as {@code 10.0.0.0/8} (IPv4) or {@code fd00::/8}
 * (IPv6); a bare address means a single host. Host bits must be zero so the rule says what it means.
 */
public record Cidr(IpAddress address, int prefixLength) {
    public Cidr {
        int max = address.isIpv4() ? 32 : 128;
        if (prefixLength < 0 || prefixLength > max) {
            throw new CloudInputException("Prefix length /" + prefixLength + " is out of range: " + (address.isIpv4() ? "IPv4" : "IPv6")
                    + " allows /0 to /" + max + ".");
        }
        byte[] b = address.bytes();
        byte[] net = network(b, prefixLength);
        if (!java.util.Arrays.equals(b, net)) {
            throw new CloudInputException(address + "/" + prefixLength + " has bits set after the first " + prefixLength
                    + "; the network is " + IpAddress.of(net) + "/" + prefixLength + ". Write that, or a longer prefix for a smaller range.");
        }
    }

    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CloudInputException("The source range is empty; write a CIDR such as 10.0.0.0/8 (or 0.0.0.0/0 for anywhere).");
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        IpAddress ip;
        try {
            ip = IpAddress.parse(slash < 0 ? t : t.substring(0, slash));
        } catch (RssInputException e) {
            throw new CloudInputException("'" + text + "' is not a CIDR: " + e.getMessage() + " Write it like 10.0.0.0/8.");
        }
        if (slash < 0) {
            return new Cidr(ip, ip.isIpv4() ? 32 : 128);
        }
        String len = t.substring(slash + 1);
        if (!len.matches("\\d{1,3}")) {
            throw new CloudInputException("'" + text + "' is not a CIDR: after '/' comes the prefix length, 0-32 for IPv4 or 0-128 for IPv6, e.g. 10.0.0.0/8.");
        }
        return new Cidr(ip, Integer.parseInt(len));
    }

    public boolean isIpv4() {
        return address.isIpv4();
    }

    private static byte[] network(byte[] b, int prefix) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            int bitsHere = Math.max(0, Math.min(8, prefix - i * 8));
            int mask = bitsHere == 0 ? 0 : (0xFF << (8 - bitsHere)) & 0xFF;
            out[i] = (byte) (out[i] & mask);
        }
        return out;
    }

    /** As the API writes it: {@code 10.0.0.0/8}. */
    public String apiValue() {
        return address + "/" + prefixLength;
    }

    @Override
    public String toString() {
        return apiValue();
    }
}
