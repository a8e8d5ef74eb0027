package dev.nettune.ui.monitor;

import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.host.Command;
import dev.nettune.host.Host;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.dpdk.DpdkCSnippet;
import dev.nettune.rss.dpdk.DpdkRssConfig;
import dev.nettune.rss.dpdk.L3fwdBinding;
import dev.nettune.rss.dpdk.PciAddress;
import dev.nettune.rss.dpdk.TestpmdCommands;
import dev.nettune.ui.common.TaskRunner;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Monitor's DPDK tab: testpmd, l3fwd and C configuration from the chosen NIC's live key and table. */
public final class DpdkViewModel {
    private final HostResolver hosts;
    private final MonitorTarget target;
    private final TaskRunner tasks;
    private final StringProperty port = new SimpleStringProperty("0");
    private final StringProperty lcores = new SimpleStringProperty("1-4");
    private final StringProperty pci = new SimpleStringProperty("0000:00:05.0");
    private final StringProperty text = new SimpleStringProperty("");

    public DpdkViewModel(HostResolver hosts, MonitorTarget target, TaskRunner tasks) {
        this.hosts = hosts;
        this.target = target;
        this.tasks = tasks;
    }

    /** Reads the key and table ({@code ethtool -x}) in the background and renders the configuration. */
    public void generate() {
        String h = target.hostProperty().get();
        String n = target.nicProperty().get();
        int p;
        List<Integer> cores;
        try {
            p = VerifyViewModel.integer("DPDK port", port.get());
            cores = L3fwdBinding.parseLcores(lcores.get());
            PciAddress.parse(pci.get());
        } catch (IllegalArgumentException e) {
            text.set(e.getMessage());
            return;
        }
        String address = pci.get();
        text.set("Reading the key and table of " + n + " on " + h + " (ethtool -x) ...");
        tasks.submit(() -> {
            Host host = hosts.resolve(h, HostOptions.defaults());
            EthtoolRss rss = EthtoolRssParser.parse(host.run(Command.of("ethtool", "-x", n), Duration.ofSeconds(20)).stdoutOrThrow());
            return render(p, cores, address, rss, n, h);
        }, text::set, e -> text.set("Cannot build the DPDK configuration: " + MonitorViewModel.message(e)));
    }

    static String render(int port, List<Integer> lcores, String pci, EthtoolRss rss, String nic, String host) {
        if (rss.key().isEmpty() || rss.table().isEmpty()) {
            return nic + " on " + host + " shows no RSS " + (rss.key().isEmpty() ? "key" : "table") + ": "
                    + rss.keyProblem().or(rss::tableProblem).orElse("not reported") + ".";
        }
        IndirectionTable t = rss.table().get();
        int queues = Math.max(t.highestQueue() + 1, t.ringCount().orElse(0));
        DpdkRssConfig config = new DpdkRssConfig(port, rss.key().get(), t, queues);
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

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty lcoresProperty() {
        return lcores;
    }

    public StringProperty pciProperty() {
        return pci;
    }

    public StringProperty textProperty() {
        return text;
    }
}
