package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostStateReader;
import dev.nettune.linux.HostState;
import dev.nettune.linux.HostStateDocument;
import dev.nettune.linux.NicName;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nettune host state HOST [--nic NIC] [--json]}: the whole network state of a host, read in one round trip. */
@CommandLine.Command(name = "state", mixinStandardHelpOptions = true,
        description = {"Read a host's network state in one round trip: kernel, OS, CPUs, and per NIC the driver,",
            "channels, RSS key/hash/table, rx-flow-hash, per-queue counters (with their source), XPS, IRQ affinity;",
            "the TIME-WAIT and SMC sysctls, irqbalance/tuned/NetworkManager. What cannot be read says why."})
final class HostStateCommand implements Callable<Integer> {
    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "local, sandbox, a saved host, an ssh alias, or user@host[:port].")
    String host;

    @Option(names = "--nic", paramLabel = "NIC", description = "Read only this NIC (e.g. eth1).")
    String nic;

    @Option(names = "--json", description = "Print JSON (unknown parts are {\"unknown\": \"because ...\"}).")
    boolean json;

    @Option(names = "--table", description = "Also print each NIC's indirection table in ethtool's layout.")
    boolean table;

    @Mixin
    HostConnectionOptions connection;

    HostStateCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws HostException, InterruptedException {
        Optional<NicName> only = nic == null ? Optional.empty() : Optional.of(NicName.of(nic));
        PrintWriter out = spec.commandLine().getOut();
        HostState state;
        java.util.Map<String, dev.nettune.app.RssInEffect.Warning> rssWarnings = new java.util.LinkedHashMap<>();
        try (Host h = context.hostResolver().resolve(host, connection.toHostOptions())) {
            state = new HostStateReader().read(h, only, HostStateReader.DEFAULT_TIMEOUT);
            // Whether the key and table shown are in effect: pushed by NetTune since this boot, no channel change after.
            dev.nettune.app.RssInEffect effect = new dev.nettune.app.RssInEffect(context.tuningJournal());
            for (var n : state.nics()) {
                effect.check(h, n.name()).ifPresent(w -> rssWarnings.put(n.name(), w));
            }
        }
        if (only.isPresent() && state.nics().isEmpty()) {
            throw new CliInputException(CliText.format("host.state.noSuchNic", host, nic));
        }
        if (json) {
            java.util.Map<String, Object> tree = new java.util.LinkedHashMap<>(HostStateDocument.toTree(state));
            java.util.Map<String, String> english = new java.util.LinkedHashMap<>();
            rssWarnings.forEach((n, w) -> english.put(n, w.text()));
            tree.put("rssWarnings", english);
            out.println(CliJson.write(tree));
        } else {
            out.print(HostStateDocument.toText(state, table, CliText.locale()));
            rssWarnings.forEach((n, w) -> out.println(CliText.format("host.state.warning", n, w.said().in(CliText.locale()))));
        }
        out.flush();
        return 0;
    }
}
