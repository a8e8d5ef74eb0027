package dev.nettune.rss.balance;

import dev.nettune.rss.IpAddress;
import dev.nettune.rss.RssInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses of one NIC, from {@code ip -o addr show dev NIC}: only flows received on them
 * are hashed by that NIC's RSS, so other flows (loopback, other NICs) are left out.
 */
public final class NicAddresses {
    private NicAddresses() {
    }

    /** The inet and inet6 addresses in {@code ip -o addr show} output (prefix lengths dropped). */
    public static Set<IpAddress> parseIpAddr(String text) {
        Set<IpAddress> out = new LinkedHashSet<>();
        for (String line : text.replace("\r", "").split("\n")) {
            String[] w = line.strip().split("\\s+");
            for (int i = 0; i + 1 < w.length; i++) {
                if (w[i].equals("inet") || w[i].equals("inet6")) {
                    String a = w[i + 1];
                    int slash = a.indexOf('/');
                    out.add(IpAddress.parse(slash >= 0 ? a.substring(0, slash) : a));
                    break;
                }
            }
        }
        return out;
    }

    /** The flows received on one of {@code local}; all of them when {@code local} is empty. */
    public static List<ObservedFlow> filter(List<ObservedFlow> flows, Set<IpAddress> local) {
        if (local.isEmpty()) {
            return List.copyOf(flows);
        }
        List<ObservedFlow> out = new ArrayList<>();
        for (ObservedFlow f : flows) {
            if (local.contains(f.flow().destination())) {
                out.add(f);
            }
        }
        return out;
    }

    /** Parses addresses typed by a user, comma-separated. */
    public static Set<IpAddress> parseList(String text) {
        Set<IpAddress> out = new LinkedHashSet<>();
        for (String a : text.split(",")) {
            if (!a.isBlank()) {
                out.add(IpAddress.parse(a));
            }
        }
        if (out.isEmpty()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.noAddresses", "No addresses given: list the NIC's addresses,"
                    + " comma-separated, like 10.0.0.5,fd00::5."));
        }
        return out;
    }
}
