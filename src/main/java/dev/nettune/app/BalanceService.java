package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.LinuxParseException;
import dev.nettune.monitor.CounterSnapshot;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.PredictedVsObserved;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.balance.BalanceAdvisor;
import dev.nettune.rss.balance.BalanceMode;
import dev.nettune.rss.balance.BalanceProposal;
import dev.nettune.rss.balance.BalanceReport;
import dev.nettune.rss.balance.ConntrackFlows;
import dev.nettune.rss.balance.KeySearch;
import dev.nettune.rss.balance.LoadStats;
import dev.nettune.rss.balance.NicAddresses;
import dev.nettune.rss.balance.ObservedFlow;
import dev.nettune.rss.balance.SsFlows;
import dev.nettune.rss.balance.WeightUnit;
import dev.nettune.rss.dpdk.DpdkRssConfig;
import dev.nettune.rss.dpdk.TestpmdCommands;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileEntry;
import dev.nettune.tuning.TuningEngine;
import dev.nettune.tuning.RssKeyChange;
import dev.nettune.tuning.RssTableChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The balance advisor over a host: reads the NIC's live key, table and addresses and the host's
 * flows ({@code ss -tinH}, and {@code /proc/net/nf_conntrack} where it is readable) in one round
 * trip, advises, and turns a chosen proposal into the tuning entries {@code rss apply} uses
 * (so applying goes through preview, commit-confirm, journal and undo).
 */
public final class BalanceService {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final BalanceAdvisor advisor;

    public BalanceService(KeySearch.Options options) {
        this.advisor = new BalanceAdvisor(options);
    }

    public BalanceService() {
        this(KeySearch.Options.defaults());
    }

    /**
     * What was read from the host: the NIC's RSS state, its addresses and the flows received on them, with notes on
     * what could not be read (phrases, said in the user's language; {@link Phrase#toString()} is their English).
     */
    public record HostFlows(String nic, RssKey key, IndirectionTable table, Set<IpAddress> addresses,
                            List<ObservedFlow> flows, Optional<PredictedVsObserved.QueueCounts> counters, List<Phrase> notes) {
        public HostFlows {
            addresses = Set.copyOf(addresses);
            flows = List.copyOf(flows);
            Objects.requireNonNull(counters, "counters");
            notes = List.copyOf(notes);
        }

        /** A prediction's per-queue shares beside the NIC's own per-queue counters. */
        public PredictedVsObserved compare(LoadStats predicted) {
            return PredictedVsObserved.of(predicted, counters);
        }
    }

    /** Where a host's flows are read from. */
    public enum FlowSource {
        /** {@code ss -tinH}: the TCP sockets the host terminates, weighed by their receive counters. */
        SS,
        /** Connection tracking ({@code conntrack -L -o extended}, else /proc/net/nf_conntrack): TCP and UDP, forwarded flows too. */
        CONNTRACK,
        /** Both, a flow counted once (ss first, as it weighs TCP exactly). */
        ALL;

        /** Parses {@code ss}, {@code conntrack} or {@code all}. */
        public static FlowSource parse(String text) {
            return switch (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "ss" -> SS;
                case "conntrack" -> CONNTRACK;
                case "all", "both" -> ALL;
                default -> throw new RssInputException(Phrase.of("app.balance.flowSource",
                        "'{0}' is not a flow source: use ss, conntrack or all.", String.valueOf(text)));
            };
        }
    }

    /** Reads the NIC's key, table, addresses and flows from {@code host} (ss and conntrack). */
    public HostFlows read(Host host, String nic, WeightUnit unit) throws HostException, InterruptedException {
        return read(host, nic, unit, FlowSource.ALL);
    }

    /** Reads the NIC's key, table, addresses and the flows of {@code source} from {@code host}, in one round trip. */
    public HostFlows read(Host host, String nic, WeightUnit unit, FlowSource source) throws HostException, InterruptedException {
        Objects.requireNonNull(nic, "nic");
        List<CommandResult> r = host.runAll(List.of(
                Command.of("ethtool", "-x", nic),
                Command.of("ip", "-o", "addr", "show", "dev", nic),
                Command.of("ss", "-tinH"),
                Command.of("conntrack", "-L", "-o", "extended"),
                Command.of("cat", "/proc/net/nf_conntrack")), TIMEOUT);
        EthtoolRss rss = ethtool(r.get(0), nic);
        RssKey key = rss.key().orElseThrow(() -> new RssInputException(Phrase.of("app.balance.noKey",
                "{0} shows no RSS key ({1}): nothing to balance with.", nic, problem(rss.keyReason()))));
        IndirectionTable table = rss.table().orElseThrow(() -> new RssInputException(Phrase.of("app.balance.noTable",
                "{0} shows no indirection table ({1}).", nic, problem(rss.tableReason()))));
        if (rss.ringCount().isPresent()) {
            table = table.withRingCount(rss.ringCount().getAsInt());
        }
        List<Phrase> notes = new ArrayList<>();
        Set<IpAddress> addresses = r.get(1).ok() ? NicAddresses.parseIpAddr(r.get(1).stdout()) : Set.of();
        if (addresses.isEmpty()) {
            notes.add(Phrase.of("app.balance.noAddress",
                    "ip -o addr show dev {0} gave no address: flows on every address are counted.", nic));
        }
        List<ObservedFlow> flows = new ArrayList<>();
        Set<Flow> seen = new HashSet<>();
        if (source != FlowSource.CONNTRACK) {
            if (r.get(2).ok()) {
                for (ObservedFlow f : NicAddresses.filter(SsFlows.parse(r.get(2).stdout(), unit), addresses)) {
                    if (seen.add(f.flow())) {
                        flows.add(f);
                    }
                }
            } else {
                notes.add(Phrase.of("app.balance.ssFailed", "ss -tinH failed: {0}", firstLine(r.get(2))));
            }
        }
        if (source != FlowSource.SS) {
            conntrack(r.get(3), r.get(4), addresses, unit, source, seen, flows, notes);
        }
        return new HostFlows(nic, key, table, addresses, flows, counters(host, nic, unit, notes), notes);
    }

    /** The NIC's per-queue receive counters in the unit flows are weighed in (packets for flows), as the monitor reads them. */
    private static Optional<PredictedVsObserved.QueueCounts> counters(Host host, String nic, WeightUnit unit, List<Phrase> notes)
            throws InterruptedException {
        try {
            CounterSnapshot s = new HostCounterReader(host, NicIdentity.read(host, nic)).read();
            Optional<PredictedVsObserved.QueueCounts> c = PredictedVsObserved.QueueCounts.of(s, unit == WeightUnit.BYTES);
            if (c.isEmpty()) {
                notes.add(Phrase.of("app.balance.noQueueCounters",
                        "{0} reports no per-queue receive counters ({1}): observed shares are not shown.", nic, s.source()));
            }
            return c;
        } catch (HostException e) {
            notes.add(Phrase.of("app.balance.countersUnread",
                    "The per-queue counters of {0} could not be read ({1}): observed shares are not shown.", nic, Phrase.from(e)));
            return Optional.empty();
        }
    }

    /** Adds the received flows of connection tracking: conntrack's listing where the tool answers, else the /proc file. */
    private static void conntrack(CommandResult tool, CommandResult proc, Set<IpAddress> addresses, WeightUnit unit,
                                  FlowSource source, Set<Flow> seen, List<ObservedFlow> flows, List<Phrase> notes) {
        CommandResult used = tool.ok() && !tool.stdout().isBlank() ? tool : proc.ok() ? proc : null;
        if (used == null) {
            if (source == FlowSource.CONNTRACK) {
                notes.add(Phrase.of("app.balance.noConntrack", "no connection tracking listing: conntrack -L -o extended failed ({0})"
                        + " and /proc/net/nf_conntrack is not readable ({1}).", firstLine(tool), firstLine(proc)));
            }
            return;
        }
        String from = used == tool ? "conntrack -L -o extended" : "/proc/net/nf_conntrack";
        if (addresses.isEmpty()) {
            notes.add(Phrase.of("app.balance.conntrackSkipped",
                    "{0} skipped: without the NIC's addresses the received direction of an entry is unknown.", from));
            return;
        }
        List<ConntrackFlows.Entry> entries = ConntrackFlows.parse(used.stdout());
        int added = 0;
        // With ss too, ss already weighs the TCP sockets this host terminates; conntrack adds UDP and forwarded flows.
        for (ObservedFlow f : ConntrackFlows.received(entries, addresses, unit)) {
            if (seen.add(f.flow())) {
                flows.add(f);
                added++;
            }
        }
        if (added > 0 || source == FlowSource.CONNTRACK) {
            notes.add(entries.isEmpty() || ConntrackFlows.accounted(entries) || unit == WeightUnit.FLOWS
                    ? Phrase.of("app.balance.conntrackFlows", "{0} flow(s) from {1}.", added, from)
                    : Phrase.of("app.balance.conntrackFlowsUnaccounted",
                            "{0} flow(s) from {1} (no accounting: net.netfilter.nf_conntrack_acct is 0, each counts 1).", added, from));
        }
    }

    private static EthtoolRss ethtool(CommandResult r, String nic) {
        if (!r.ok()) {
            throw new RssInputException(Phrase.of("app.balance.ethtoolFailed", "ethtool -x {0} failed: {1}", nic, firstLine(r)));
        }
        try {
            return EthtoolRssParser.parse(r.stdout());
        } catch (LinuxParseException e) {
            throw new RssInputException(Phrase.of("app.balance.ethtoolUnparsed", "ethtool -x {0}: {1}", nic, Phrase.from(e)));
        }
    }

    // What ethtool said is missing (its own words), or that the line is not in its output at all.
    private static Object problem(Optional<Phrase> said) {
        return said.isPresent() ? said.get() : Phrase.of("app.balance.notInEthtool", "not in ethtool -x");
    }

    private static String firstLine(CommandResult r) {
        String s = (r.stderr().isBlank() ? r.stdout() : r.stderr()).strip();
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * The advice for the flows read from a host ({@code flows}: the host's own, or a file's filtered to its addresses);
     * with none, says what was read and where flows come from instead of a bare "no flows".
     */
    public BalanceReport advise(HostFlows read, List<ObservedFlow> flows, Set<BalanceMode> modes, BooleanSupplier cancelled) {
        if (flows.isEmpty()) {
            Object to = read.addresses().isEmpty() ? "" : Phrase.of("app.balance.toAddresses", " to {0}",
                    read.addresses().stream().map(IpAddress::toString).sorted().collect(java.util.stream.Collectors.joining(", ")));
            Object notes = read.notes().isEmpty() ? "" : Phrase.of("app.balance.readNotes", " ({0})", Phrase.joined(" ", read.notes()));
            throw new RssInputException(Phrase.of("app.balance.noFlows",
                    "No flows to balance: {0} has no established TCP socket or tracked flow{1}{2}. Balance weighs the flows the NIC"
                    + " receives now: run it while the host carries its traffic, or give the flows as a CSV with --flows FILE"
                    + " (src,dst,sport,dport[,weight]).", read.nic(), to, notes));
        }
        return advise(flows, read.key(), read.table(), modes, cancelled);
    }

    /** The advice for flows under a key and table. */
    public BalanceReport advise(List<ObservedFlow> flows, RssKey key, IndirectionTable table, Set<BalanceMode> modes,
                                BooleanSupplier cancelled) {
        return advisor.advise(flows, key, table, modes, cancelled);
    }

    /** The tuning entries that set a proposal with {@code ethtool -X}: its key and/or its weights. */
    public static List<ProfileEntry> entries(String nic, BalanceProposal p) {
        if (p.mode() == BalanceMode.RETA) {
            throw new RssInputException(Phrase.of("app.balance.retaNotEthtool", "A RETA sets every entry on its own, which"
                    + " ethtool -X cannot: paste its testpmd lines into DPDK's testpmd, or apply the weights, key or both proposal."));
        }
        if (!p.changes()) {
            throw new RssInputException(Phrase.of("app.balance.keepsMapping",
                    "The {0} proposal keeps today's mapping: nothing to apply.", p.mode().label()));
        }
        List<ProfileEntry> out = new ArrayList<>();
        p.key().ifPresent(k -> out.add(new RssKeyChange(nic, k.toColonHex())));
        p.weights().ifPresent(w -> out.add(new RssTableChange(nic, w.toString())));
        return out;
    }

    /**
     * Applies a proposal to {@code host}'s NIC through the tuning engine, as {@code rss apply} does:
     * planned (only what differs), journaled, read back, commit-confirmed, undoable.
     */
    public static ApplyResult apply(TuningEngine engine, Host host, String nic, BalanceProposal p, Locale language, ApplyOptions options,
                                    ApplyListener listener, Cancellation cancel) throws HostException, InterruptedException {
        Plan plan = plan(host, nic, p, language);
        if (!plan.applicable()) {
            // The preview is the tuning area's English text: the head of the sentence at least is said in the user's language.
            throw new RssInputException(Phrase.of("app.balance.notApplicable", "The plan cannot be applied on {0}:\n{1}",
                    host.name(), PlanPreview.text(plan)));
        }
        return engine.apply(host, plan, options, listener, cancel);
    }

    /**
     * The tuning plan that sets a proposal (previewable before anything changes), under a profile named in
     * {@code language}: the name is journaled as made, so it is made in the language of the user who applies it.
     */
    public static Plan plan(Host host, String nic, BalanceProposal p, Locale language) throws HostException, InterruptedException {
        return new Planner().plan(host, new Profile(profileName(nic).in(language), "nettune rss balance " + p.mode().label(),
                entries(nic, p)));
    }

    /** The name of the profile that applies a balance proposal to {@code nic} ("Balance eth1"). */
    public static Phrase profileName(String nic) {
        return Phrase.of("app.balance.profileName", "Balance {0}", nic);
    }

    /** testpmd lines that set a proposal's key and table on DPDK port {@code port}. */
    public static List<String> testpmdLines(BalanceReport report, BalanceProposal p, int port) {
        RssKey k = p.key().orElse(report.key());
        int queues = report.span().last() + 1;
        TestpmdCommands t = new TestpmdCommands(new DpdkRssConfig(port, k, p.table(), queues));
        List<String> lines = new ArrayList<>();
        if (p.key().isPresent()) {
            lines.add(t.keyCommand());
        }
        lines.addAll(t.retaCommands());
        return lines;
    }
}
