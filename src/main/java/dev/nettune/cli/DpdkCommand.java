package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.host.HostException;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.NicName;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.rss.dpdk.DpdkCSnippet;
import dev.nettune.rss.dpdk.DpdkRssConfig;
import dev.nettune.rss.dpdk.L3fwdBinding;
import dev.nettune.rss.dpdk.TestpmdCommands;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nettune dpdk testpmd|l3fwd|c}: the DPDK configuration for a key and table. */
@Command(name = "dpdk", mixinStandardHelpOptions = true,
        description = "Print the DPDK configuration (testpmd commands, l3fwd --config, C code) for an RSS key and table.",
        subcommands = {DpdkCommand.Testpmd.class, DpdkCommand.L3fwd.class, DpdkCommand.CSnippet.class})
final class DpdkCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the key and table come from: options, or a host's live ethtool -x. */
    static final class Source {
        @Option(names = "--key", description = "The RSS key: 40 bytes as hex, colon-separated or plain.")
        String key;
        @Option(names = "--table", description = "The table as ethtool -X takes it: 'equal 64', 'weight 6 4', 'start 2 equal 40'.")
        String table;
        @Option(names = "--queues", description = "Receive queues the DPDK port is started with (--rxq). Default: what the table uses.")
        Integer queues;
        @Option(names = "--port", defaultValue = "0", description = "DPDK port id (default ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--from-host", description = "Read the key and table from this host's NIC (sandbox, local, an ssh alias).")
        String fromHost;
        @Option(names = "--nic", description = "The NIC to read with --from-host, for example eth1.")
        String nic;
        @CommandLine.Mixin
        HostConnectionOptions connection = new HostConnectionOptions();

        DpdkRssConfig config(AppContext context) {
            RssKey k;
            IndirectionTable t;
            if (fromHost != null) {
                if (nic == null) {
                    throw new CliInputException(CliText.get("dpdk.fromHostNeedsNic"));
                }
                EthtoolRss live = readLive(context, fromHost, nic, connection);
                k = key != null ? RssKey.parse(key) : live.key().orElseThrow(() -> new CliInputException(
                        CliText.format("dpdk.noKey", fromHost, nic, live.keyReason().map(p -> p.in(CliText.locale())).orElse(CliText.get("dpdk.notReported")))));
                t = table != null ? TableSpec.parse(table).build(OptionalInt.empty()) : live.table().orElseThrow(() ->
                        new CliInputException(CliText.format("dpdk.noTable", fromHost, nic,
                                live.tableReason().map(p -> p.in(CliText.locale())).orElse(CliText.get("dpdk.notReported")))));
            } else {
                if (key == null || table == null) {
                    throw new CliInputException(CliText.get("dpdk.needKeyAndTable"));
                }
                k = RssKey.parse(key);
                t = TableSpec.parse(table).build(OptionalInt.empty());
            }
            return queues != null ? new DpdkRssConfig(port, k, t, queues) : DpdkRssConfig.forTable(port, k, t);
        }
    }

    /** {@code ethtool -x NIC} on the host, parsed. */
    static EthtoolRss readLive(AppContext context, String host, String nic, HostConnectionOptions connection) {
        NicName.of(nic);
        try {
            return context.dpdkExport().readLive(host, nic, connection.toHostOptions());
        } catch (HostException e) {
            throw new CliInputException(CliText.format("dpdk.cannotRead", nic, host, CliText.problem(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliInputException(CliText.format("dpdk.interrupted", host));
        }
    }

    @Command(name = "testpmd", mixinStandardHelpOptions = true,
            description = "testpmd commands that set the key and table and read them back (paste at the testpmd> prompt).")
    static final class Testpmd implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Mixin
        Source source = new Source();
        @Option(names = "--flow-type", defaultValue = "ipv4-tcp", description = "rss-hash-key flow type (default ${DEFAULT-VALUE}).")
        String flowType;
        @Option(names = "--pci", description = "PCI address, to also print the dpdk-testpmd start line (e.g. 0000:00:05.0).")
        String pci;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        Testpmd(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            TestpmdCommands c = new TestpmdCommands(source.config(context), flowType);
            PrintWriter out = spec.commandLine().getOut();
            if (pci != null) {
                out.println(CliText.get("dpdk.startTestpmd"));
                out.println("# " + c.launchCommand(pci));
            }
            out.println(CliText.get("dpdk.retaNote"));
            out.println(CliText.get("dpdk.retaNote2"));
            out.print(c.script());
            out.flush();
            return 0;
        }
    }

    @Command(name = "l3fwd", mixinStandardHelpOptions = true, description = "The l3fwd --config binding of queues to lcores.")
    static final class L3fwd implements Callable<Integer> {
        @Option(names = "--queues", required = true, description = "Receive queues of the port.")
        int queues;
        @Option(names = "--lcores", required = true, description = "Lcores to deal the queues to, in turn: '1-16' or '0,2,4'.")
        String lcores;
        @Option(names = "--port", defaultValue = "0", description = "DPDK port id (default ${DEFAULT-VALUE}).")
        int port;
        @Option(names = "--pci", defaultValue = "0000:00:05.0", description = "PCI address (default ${DEFAULT-VALUE}).")
        String pci;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            L3fwdBinding b = L3fwdBinding.roundRobin(port, queues, L3fwdBinding.parseLcores(lcores));
            PrintWriter out = spec.commandLine().getOut();
            out.println(b.commandLine(pci));
            out.flush();
            return 0;
        }
    }

    @Command(name = "c", mixinStandardHelpOptions = true,
            description = "C code that sets the same key and table with rte_eth_dev_rss_hash_update / rte_eth_dev_rss_reta_update.")
    static final class CSnippet implements Callable<Integer> {
        private final AppContext context;
        @CommandLine.Mixin
        Source source = new Source();
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        CSnippet(AppContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.print(DpdkCSnippet.render(source.config(context)));
            out.flush();
            return 0;
        }
    }
}
