package dev.nettune.cloud;

import dev.nettune.Phrase;
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
            throw new CloudInputException(Phrase.of("cloud.cidr.prefixOutOfRange", "Prefix length /{0} is out of range: {1} allows /0 to /{2}.",
                    prefixLength, address.isIpv4() ? "IPv4" : "IPv6", max));
        }
        byte[] b = address.bytes();
        byte[] net = network(b, prefixLength);
        if (!java.util.Arrays.equals(b, net)) {
            throw new CloudInputException(Phrase.of("cloud.cidr.hostBits", "{0}/{1} has bits set after the first {1}; the network is {2}/{1}."
                    + " Write that, or a longer prefix for a smaller range.", address, prefixLength, IpAddress.of(net)));
        }
    }

    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new CloudInputException(Phrase.of("cloud.cidr.empty", "The source range is empty; write a CIDR such as 10.0.0.0/8 (or 0.0.0.0/0 for anywhere)."));
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        IpAddress ip;
        try {
            ip = IpAddress.parse(slash < 0 ? t : t.substring(0, slash));
        } catch (RssInputException e) {
            throw new CloudInputException(Phrase.of("cloud.cidr.badAddress", "'{0}' is not a CIDR: {1} Write it like 10.0.0.0/8.", text, e));
        }
        if (slash < 0) {
            return new Cidr(ip, ip.isIpv4() ? 32 : 128);
        }
        String len = t.substring(slash + 1);
        if (!len.matches("\\d{1,3}")) {
            throw new CloudInputException(Phrase.of("cloud.cidr.badPrefix",
                    "'{0}' is not a CIDR: after '/' comes the prefix length, 0-32 for IPv4 or 0-128 for IPv6, e.g. 10.0.0.0/8.", text));
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
