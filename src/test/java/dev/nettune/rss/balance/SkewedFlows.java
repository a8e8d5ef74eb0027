package dev.nettune.rss.balance;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generated receive-side populations as real hosts see them: a few heavy flows, many mice, ports clustered. */
final class SkewedFlows {
    private SkewedFlows() {
    }

    /**
     * {@code heavy} flows of weight about {@code heavyWeight}, {@code mice} flows of weight 1-100, from a
     * handful of clients on ephemeral ports packed into a narrow range, to one server address and two
     * service ports; IPv6 when {@code ipv6}.
     */
    static List<ObservedFlow> generate(long seed, int heavy, long heavyWeight, int mice, boolean ipv6) {
        SplittableRandom r = new SplittableRandom(seed);
        List<ObservedFlow> out = new ArrayList<>();
        IpAddress server = IpAddress.parse(ipv6 ? "fd00::5" : "10.0.0.5");
        int[] services = {5201, 443};
        for (int i = 0; i < heavy + mice; i++) {
            int client = r.nextInt(6);
            IpAddress src = IpAddress.parse(ipv6 ? "fd00::1:" + Integer.toHexString(0x10 + client) : "10.0.1." + (10 + client));
            int sport = 40000 + r.nextInt(512); // clustered ephemeral ports
            int dport = services[r.nextInt(4) == 0 ? 1 : 0];
            long w = i < heavy ? heavyWeight / 2 + r.nextLong(heavyWeight) : 1 + r.nextInt(100);
            out.add(new ObservedFlow(new Flow(src, server, sport, dport, Protocol.TCP), w));
        }
        return out;
    }
}
