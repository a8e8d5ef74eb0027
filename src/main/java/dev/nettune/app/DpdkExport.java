package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.HostException;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.dpdk.DpdkCSnippet;
import dev.nettune.rss.dpdk.DpdkRssConfig;
import dev.nettune.rss.dpdk.L3fwdBinding;
import dev.nettune.rss.dpdk.TestpmdCommands;
import java.util.List;
import java.util.Locale;

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
        return guide(port, lcores, pci, rss, nic, host, Locale.ENGLISH);
    }

    /** {@link #guide(int, List, String, EthtoolRss, String, String)} with its comment lines in {@code locale}; the code stays code. */
    public static String guide(int port, List<Integer> lcores, String pci, EthtoolRss rss, String nic, String host, Locale locale) {
        if (rss.key().isEmpty() || rss.table().isEmpty()) {
            Object why = rss.keyReason().or(rss::tableReason).<Object>map(s -> s)
                    .orElse(Phrase.of("app.dpdk.notReported", "not reported"));
            return (rss.key().isEmpty()
                    ? Phrase.of("app.dpdk.noKey", "{0} on {1} shows no RSS key: {2}.", nic, host, why)
                    : Phrase.of("app.dpdk.noTable", "{0} on {1} shows no RSS table: {2}.", nic, host, why)).in(locale);
        }
        IndirectionTable t = rss.table().get();
        DpdkRssConfig config = DpdkRssConfig.forTable(port, rss.key().get(), t);
        int queues = config.queueCount();
        TestpmdCommands testpmd = new TestpmdCommands(config);
        StringBuilder sb = new StringBuilder();
        sb.append(Phrase.of("app.dpdk.head", "# DPDK >= {0}: key and table of {1} on {2}, {3} queues",
                DpdkRssConfig.MINIMUM_DPDK, nic, host, queues).in(locale)).append('\n');
        sb.append(Phrase.of("app.dpdk.startTestpmd", "# start testpmd:").in(locale)).append('\n')
                .append(testpmd.launchCommand(pci)).append("\n\n");
        sb.append(Phrase.of("app.dpdk.atPrompt", "# at the testpmd> prompt (the RETA takes a numeric port id, 8 pairs per line):")
                .in(locale)).append('\n').append(testpmd.script());
        try {
            L3fwdBinding binding = L3fwdBinding.roundRobin(port, queues, lcores);
            sb.append('\n').append(Phrase.of("app.dpdk.l3fwd", "# l3fwd, queues dealt to lcores {0}:", binding.lcoreList()).in(locale))
                    .append('\n').append(binding.commandLine(pci)).append("\n");
        } catch (IllegalArgumentException e) {
            sb.append('\n').append(Phrase.of("app.dpdk.l3fwdProblem", "# l3fwd: {0}", Phrase.from(e)).in(locale)).append("\n");
        }
        sb.append("\n").append(DpdkCSnippet.render(config));
        return sb.toString();
    }
}
