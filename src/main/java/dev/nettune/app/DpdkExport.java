package dev.nettune.app;

import dev.nettune.host.HostException;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.dpdk.DpdkCSnippet;
import dev.nettune.rss.dpdk.DpdkRssConfig;
import dev.nettune.rss.dpdk.L3fwdBinding;
import dev.nettune.rss.dpdk.TestpmdCommands;
import java.util.List;

/**
 * The DPDK configuration that reproduces a NIC's RSS (testpmd commands, the l3fwd binding, C
 * code): the queue count and the guide text the Monitor screen shows and {@code nettune dpdk}
 * prints, in one place.
 */
public final class DpdkExport {
    private final NicRssService nicRss;

    public DpdkExport(NicRssService nicRss) {
        this.nicRss = nicRss;
    }

    /** The live key and table of {@code nic} on {@code host} ({@code ethtool -x}). */
    public EthtoolRss readLive(String host, String nic, HostOptions options) throws HostException, InterruptedException {
        return nicRss.read(host, nic, options);
    }

    /**
     * Everything needed to run DPDK with the NIC's key and table: the testpmd start line and
     * commands, l3fwd's --config for {@code lcores}, and the C code; or one line saying why not
     * (the NIC shows no key or no table).
     */
    public static String guide(int port, List<Integer> lcores, String pci, EthtoolRss rss, String nic, String host) {
        if (rss.key().isEmpty() || rss.table().isEmpty()) {
            return nic + " on " + host + " shows no RSS " + (rss.key().isEmpty() ? "key" : "table") + ": "
                    + rss.keyProblem().or(rss::tableProblem).orElse("not reported") + ".";
        }
        IndirectionTable t = rss.table().get();
        DpdkRssConfig config = DpdkRssConfig.forTable(port, rss.key().get(), t);
        int queues = config.queueCount();
        TestpmdCommands testpmd = new TestpmdCommands(config);
        StringBuilder sb = new StringBuilder();
        sb.append("# DPDK >= ").append(DpdkRssConfig.MINIMUM_DPDK).append(": key and table of ").append(nic).append(" on ")
                .append(host).append(", ").append(queues).append(" queues\n");
        sb.append("# start testpmd:\n").append(testpmd.launchCommand(pci)).append("\n\n");
        sb.append("# at the testpmd> prompt (the RETA takes a numeric port id, 8 pairs per line):\n").append(testpmd.script());
        try {
            L3fwdBinding binding = L3fwdBinding.roundRobin(port, queues, lcores);
            sb.append("\n# l3fwd, queues dealt to lcores ").append(binding.lcoreList()).append(":\n")
                    .append(binding.commandLine(pci)).append("\n");
        } catch (IllegalArgumentException e) {
            sb.append("\n# l3fwd: ").append(e.getMessage()).append("\n");
        }
        sb.append("\n").append(DpdkCSnippet.render(config));
        return sb.toString();
    }
}
