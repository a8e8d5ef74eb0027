package dev.nettune.ui.hosts;

import dev.nettune.ui.common.Messages;
import dev.nettune.linux.CpuSet;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.FlowType;
import dev.nettune.app.RssInEffect;
import dev.nettune.linux.HostState;
import dev.nettune.linux.NicName;
import dev.nettune.linux.NicState;
import dev.nettune.linux.OsRelease;
import dev.nettune.linux.QueueCounters;
import dev.nettune.linux.QueueIrq;
import dev.nettune.linux.Reading;
import dev.nettune.linux.RxFlowHash;
import dev.nettune.rss.IndirectionTable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Hosts screen without a toolkit: the host list (sandbox first, then local, then saved hosts),
 * reading the chosen host's state off the UI thread with progress and cancel, and the texts, queue
 * rows and indirection table of the chosen NIC. Results come back through {@code ui} (the FX thread
 * in the app, the calling thread in tests).
 */
public final class HostsViewModel {
    /** One entry of the host list. */
    public record HostEntry(String name, String kind, String detail) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One row of the per-queue table. */
    public record QueueRow(int queue, String rx, String tx, String irq, String affinity, String xps) {
    }

    /** Reads a host's state; blocking, cancelled by interruption. */
    @FunctionalInterface
    public interface StateSource {
        HostState read(String host, Optional<NicName> nic) throws Exception;
    }

    /**
     * Why the RSS key and table each NIC shows may not be in effect (a reboot since NetTune's last push, a driver
     * that ignores the table until the first ethtool -X, a channel change after it); blocking, cancelled by interruption.
     */
    @FunctionalInterface
    public interface RssWarningSource {
        Map<String, RssInEffect.Warning> read(String host, List<String> nics) throws Exception;
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Supplier<List<HostEntry>> lister;
    private final StateSource source;
    private final ExecutorService executor;
    private final Consumer<Runnable> ui;

    private final ObservableList<HostEntry> hosts = FXCollections.observableArrayList();
    private final ObjectProperty<HostEntry> selectedHost = new SimpleObjectProperty<>();
    private final ObjectProperty<HostState> state = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty(Messages.get("hosts.status.choose"));
    private final StringProperty error = new SimpleStringProperty("");
    private final ObservableList<String> nics = FXCollections.observableArrayList();
    private final StringProperty selectedNic = new SimpleStringProperty();
    private final StringProperty hostSummary = new SimpleStringProperty("");
    private final StringProperty kernelSettings = new SimpleStringProperty("");
    private final StringProperty nicSummary = new SimpleStringProperty("");
    private final StringProperty rssSummary = new SimpleStringProperty("");
    private final StringProperty countersSummary = new SimpleStringProperty("");
    private final StringProperty tableProblem = new SimpleStringProperty("");
    private final ObjectProperty<IndirectionTable> table = new SimpleObjectProperty<>();
    private final ObservableList<QueueRow> queueRows = FXCollections.observableArrayList();

    /** The chosen NIC's RSS warning as a short badge ("RSS not persistent: rebooted"), empty when none. */
    private final StringProperty rssBadge = new SimpleStringProperty("");
    /** The chosen NIC's RSS warning in full, with what to do. */
    private final StringProperty rssWarning = new SimpleStringProperty("");
    /** The host-level badge: which NICs have a stale RSS state, empty when none. */
    private final StringProperty hostRssBadge = new SimpleStringProperty("");
    private final Map<String, RssInEffect.Warning> warnings = new java.util.HashMap<>();
    /**
     * For the host list: each host's NICs whose shown key and table may not be in effect, as last read. Kept when
     * another host is chosen, so the list still marks a host read earlier; a host not read yet has no entry.
     */
    private final javafx.collections.ObservableMap<String, List<String>> staleRssNics = FXCollections.observableHashMap();
    private RssWarningSource rssWarnings = (h, n) -> Map.of();
    /** Host keys trusted on a first connection of a read, by host: said once in the status line after that read. */
    private final Map<String, String> trustedNow = new java.util.concurrent.ConcurrentHashMap<>();
    /** Host and fingerprint already said: a pooled connection keeps reporting how its key was first trusted. */
    private final java.util.Set<String> trustSaid = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private Future<?> running;
    private long generation;

    public HostsViewModel(Supplier<List<HostEntry>> lister, StateSource source, ExecutorService executor, Consumer<Runnable> ui) {
        this.lister = lister;
        this.source = source;
        this.executor = executor;
        this.ui = ui;
        selectedNic.addListener((o, was, is) -> showNic());
    }

    /** Where the RSS warnings come from (the journal and the host's boot); none until set. */
    /**
     * Called from the reading thread when this read's connection trusted the host's key just now (the user accepted
     * it, or ~/.ssh/config's accept-new): a key accepted is not a key verified, and the status line says so, as the
     * CLI's "trusted now" does. {@code savedTo} is the known_hosts file, empty when accepted for this run only.
     */
    public void hostKeyTrustedNow(String host, String fingerprint, Optional<String> savedTo) {
        if (!trustSaid.add(host + " " + fingerprint)) {
            return;
        }
        trustedNow.put(host, savedTo.map(f -> Messages.format("hosts.status.trustedSaved", host, fingerprint, f))
                .orElseGet(() -> Messages.format("hosts.status.trustedOnce", host, fingerprint)));
    }

    /** The status text plus, once, the "trusted now" of the host's key. */
    private String withTrust(String host, String text) {
        String t = trustedNow.remove(host);
        return t == null ? text : text + " " + t;
    }

    public void onRssWarnings(RssWarningSource source) {
        this.rssWarnings = source;
    }

    public StringProperty rssBadgeProperty() {
        return rssBadge;
    }

    public StringProperty rssWarningProperty() {
        return rssWarning;
    }

    public StringProperty hostRssBadgeProperty() {
        return hostRssBadge;
    }

    /** Host name to the NICs whose shown RSS table may not be in effect (sorted), for the host list's badge. */
    public javafx.collections.ObservableMap<String, List<String>> staleRssNics() {
        return staleRssNics;
    }

    /** The short badge for a warning's reason. */
    static String badge(RssInEffect.Warning w) {
        return switch (w.reason()) {
            case REBOOTED -> Messages.get("hosts.badge.rebooted");
            case NOT_SET_THIS_BOOT -> Messages.get("hosts.badge.notSetThisBoot");
            case CHANNELS_CHANGED -> Messages.get("hosts.badge.channelsChanged");
        };
    }

    public ObservableList<HostEntry> hosts() {
        return hosts;
    }

    public ObjectProperty<HostEntry> selectedHostProperty() {
        return selectedHost;
    }

    public ObjectProperty<HostState> stateProperty() {
        return state;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObservableList<String> nics() {
        return nics;
    }

    public StringProperty selectedNicProperty() {
        return selectedNic;
    }

    public StringProperty hostSummaryProperty() {
        return hostSummary;
    }

    public StringProperty kernelSettingsProperty() {
        return kernelSettings;
    }

    public StringProperty nicSummaryProperty() {
        return nicSummary;
    }

    public StringProperty rssSummaryProperty() {
        return rssSummary;
    }

    public StringProperty countersSummaryProperty() {
        return countersSummary;
    }

    public StringProperty tableProblemProperty() {
        return tableProblem;
    }

    public ObjectProperty<IndirectionTable> tableProperty() {
        return table;
    }

    public ObservableList<QueueRow> queueRows() {
        return queueRows;
    }

    /** Lists the hosts again (after one was added or removed), keeping the selection if it still exists. */
    public void reloadHosts() {
        reloadHosts(() -> { });
    }

    /**
     * Lists the hosts again off the UI thread (the saved ones are in SQLite, the aliases in
     * ~/.ssh/config), keeping the selection if it still exists; {@code then} runs on the UI thread after.
     */
    public void reloadHosts(Runnable then) {
        executor.execute(() -> {
            List<HostEntry> listed;
            try {
                listed = lister.get();
            } catch (RuntimeException e) {
                ui.accept(() -> {
                    error.set(Messages.format("hosts.error.list", plain(e)));
                    then.run();
                });
                return;
            }
            ui.accept(() -> {
                HostEntry keep = selectedHost.get();
                hosts.setAll(listed);
                if (keep != null) {
                    hosts.stream().filter(h -> h.name().equals(keep.name())).findFirst().ifPresent(selectedHost::set);
                }
                then.run();
            });
        });
    }

    /**
     * On first showing, reads the first host (the built-in sandbox) so that a newcomer sees a whole
     * host's state at once instead of an empty screen; does nothing once a host is chosen.
     */
    public void selectFirstIfNone() {
        if (selectedHost.get() == null && !hosts.isEmpty()) {
            select(hosts.get(0));
        }
    }

    /** Chooses a host and reads its state. */
    public void select(HostEntry host) {
        if (host == null) {
            return;
        }
        selectedHost.set(host);
        state.set(null);
        warnings.clear();
        hostRssBadge.set("");
        clearNic();
        nics.clear();
        hostSummary.set("");
        kernelSettings.set("");
        refresh();
    }

    /** Reads the chosen host's state again, off the UI thread; a read already running is cancelled first. */
    public void refresh() {
        HostEntry host = selectedHost.get();
        if (host == null) {
            status.set(Messages.get("hosts.status.chooseFirst"));
            return;
        }
        cancelRunning();
        long gen = ++generation;
        busy.set(true);
        error.set("");
        status.set(Messages.format("hosts.status.reading", host.name()));
        long started = System.nanoTime();
        running = executor.submit(() -> {
            try {
                HostState s = source.read(host.name(), Optional.empty());
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                Map<String, RssInEffect.Warning> w;
                String warningsFailed = "";
                try {
                    w = rssWarnings.read(host.name(), s.nics().stream().filter(NicState::hasRssTable).map(NicState::name).toList());
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    w = Map.of();
                    warningsFailed = " " + Messages.format("hosts.status.warningsFailed", plain(e));
                }
                Map<String, RssInEffect.Warning> found = w;
                String failed = warningsFailed;
                ui.accept(() -> {
                    if (gen == generation) {
                        busy.set(false);
                        warnings.clear();
                        warnings.putAll(found);
                        if (found.isEmpty()) {
                            staleRssNics.remove(host.name());
                        } else {
                            staleRssNics.put(host.name(), List.copyOf(new java.util.TreeSet<>(found.keySet())));
                        }
                        apply(s, took);
                        status.set(withTrust(host.name(), status.get() + failed));
                    }
                });
            } catch (InterruptedException | CancellationException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                ui.accept(() -> {
                    if (gen == generation) {
                        busy.set(false);
                        error.set(Messages.format("hosts.error.read", host.name(), plain(e)));
                        status.set(withTrust(host.name(), Messages.get("hosts.status.readFailed")));
                    }
                });
            }
        });
    }

    /** Stops a read in progress; what was shown before stays. */
    public void cancel() {
        if (busy.get()) {
            cancelRunning();
            generation++;
            busy.set(false);
            status.set(Messages.get("common.cancelled"));
        }
    }

    private void cancelRunning() {
        Future<?> f = running;
        if (f != null && !f.isDone()) {
            f.cancel(true);
        }
    }

    private static String plain(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        // Said in the language in use where the error can be (a domain phrase, a changed host key); else its message.
        return Messages.problem(t);
    }

    private void apply(HostState s, Duration took) {
        state.set(s);
        status.set(Messages.format("hosts.status.read", s.host(), TIME.format(s.readAt()), took.toMillis()));
        hostSummary.set(Messages.format("hosts.summary.host", shown(s.os(), OsRelease::prettyName), shown(s.kernel(), String::valueOf),
                shown(s.cpuCount(), String::valueOf), shown(s.onlineCpus(), CpuSet::toList)));
        kernelSettings.set(kernelText(s));
        hostRssBadge.set(warnings.isEmpty() ? "" : Messages.format("hosts.badge.stale",
                String.join(", ", new java.util.TreeSet<>(warnings.keySet()))));
        String keep = selectedNic.get();
        List<String> names = s.nics().stream().map(NicState::name).toList();
        nics.setAll(names);
        String pick = names.contains(keep) ? keep
                : s.nics().stream().filter(NicState::hasRssTable).map(NicState::name).findFirst()
                        .orElse(names.isEmpty() ? null : names.get(0));
        if (pick != null && pick.equals(selectedNic.get())) {
            showNic();
        } else {
            selectedNic.set(pick);
        }
        if (names.isEmpty()) {
            clearNic();
            nicSummary.set(Messages.get("hosts.noNics"));
        }
    }

    private static String kernelText(HostState s) {
        List<String> lines = new ArrayList<>();
        s.timeWaitSysctls().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> lines.add(e.getKey() + " = " + shown(e.getValue(), String::valueOf)));
        lines.add(Messages.format("hosts.summary.smcModule", shown(s.smcModuleLoaded(),
                b -> Messages.get(b ? "hosts.summary.loaded" : "hosts.summary.notLoaded"))));
        lines.add("net.smc: " + shown(s.smcSysctls(), m -> m.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "))));
        List<String> states = HostState.SERVICES.stream().map(n -> Optional.ofNullable(s.services().get(n))
                .map(r -> shown(r, String::valueOf)).orElse(Messages.get("hosts.summary.notRead"))).toList();
        if (states.stream().distinct().count() == 1 && !s.services().values().stream().allMatch(Reading::isKnown)) {
            // One reason for all (e.g. no systemd): say it once.
            lines.add(String.join(", ", HostState.SERVICES) + ": " + states.get(0));
        } else {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                parts.add(HostState.SERVICES.get(i) + ": " + states.get(i));
            }
            lines.add(String.join("   ", parts));
        }
        lines.add(HostState.TUNING_CONF + ": " + shown(s.tuningConf(), o -> o.map(c -> Messages.format("hosts.summary.lines",
                c.lines().count())).orElse(Messages.get("hosts.summary.absent"))));
        return String.join("\n", lines);
    }

    private void clearNic() {
        rssBadge.set("");
        rssWarning.set("");
        nicSummary.set("");
        rssSummary.set("");
        countersSummary.set("");
        tableProblem.set("");
        table.set(null);
        queueRows.clear();
    }

    private void showNic() {
        HostState s = state.get();
        String name = selectedNic.get();
        Optional<NicState> found = s == null || name == null ? Optional.empty() : s.nic(name);
        if (found.isEmpty()) {
            clearNic();
            return;
        }
        NicState n = found.get();
        RssInEffect.Warning w = warnings.get(n.name());
        rssBadge.set(w == null ? "" : badge(w));
        // The warning's English text carries the boot ids and the command; another language says it in its own words.
        rssWarning.set(w == null ? "" : Messages.format("hosts.rssWarning." + w.reason().name(), n.name(), Messages.say(w.said())));
        nicSummary.set(shown(n.driver(), d -> d.driver() + " " + d.version())
                + "  \u00b7  " + shown(n.link(), l -> l.mac().orElse(Messages.get("hosts.summary.noMac")) + "  \u00b7  mtu " + l.mtu()
                        + "  \u00b7  " + l.state())
                + "  \u00b7  " + shown(n.channels(), c -> Messages.format("hosts.summary.queues", c.rxQueues())
                        + (c.maxCombined().isPresent() ? Messages.format("hosts.summary.maxQueues", String.valueOf(c.maxCombined().getAsInt())) : ""))
                + "  \u00b7  " + shown(n.managedByNetworkManager(), b -> Messages.get(b ? "hosts.summary.nmManages" : "hosts.summary.nmDoesNotManage")));
        rssSummary.set(shown(n.rss(), r -> r.activeHashFunction().orElse(Messages.get("hosts.summary.noHashFunction")) + "  \u00b7  "
                + Messages.format("hosts.summary.key", r.key().map(k -> k.toColonHex()).orElse(Messages.format("hosts.unknownBecause",
                        r.keyReason().map(Messages::say).orElse("-")))))
                + "\nrx-flow-hash: " + java.util.Arrays.stream(FlowType.values()).map(t -> t.arg() + " "
                        + Optional.ofNullable(n.flowHash().get(t)).map(h -> shown(h, RxFlowHash::letters))
                                .map(x -> x.isEmpty() ? Messages.get("hosts.summary.none") : x).orElse(Messages.get("hosts.summary.notRead")))
                        .collect(Collectors.joining("   ")));
        countersSummary.set(Messages.format("hosts.summary.counters", shown(n.counters(), c -> Messages.say(c.source().labelPhrase()) + ": "
                + Messages.get("counterSource." + c.source().name()) + (c.note().isEmpty() ? "" : " (" + Messages.say(c.notePhrase()) + ")"))));
        Optional<IndirectionTable> t = n.rss().asOptional().flatMap(EthtoolRss::table);
        table.set(t.orElse(null));
        tableProblem.set(t.isPresent() ? "" : Messages.format("hosts.noTable", shown(n.rss(), r ->
                Messages.format("hosts.unknownBecause", r.tableReason().map(Messages::say).orElse(Messages.get("hosts.noTable.none"))))));
        queueRows.setAll(rows(n));
    }

    /**
     * A reading as shown: its value, or "unknown because" and the reason in the user's language (what the host itself
     * printed inside it stays as the host said it).
     */
    static <T> String shown(Reading<T> r, java.util.function.Function<? super T, String> format) {
        return r instanceof Reading.Known<T> k ? format.apply(k.value())
                : Messages.format("hosts.unknownBecause", Messages.say(((Reading.Unknown<T>) r).why()));
    }

    private static List<QueueRow> rows(NicState n) {
        int queues = n.queueCount().orElse(0);
        QueueCounters c = n.counters().orElse(null);
        List<QueueIrq> irqs = n.irqs().orElse(List.of());
        SortedMap<Integer, Reading<CpuSet>> xps = n.xps().orElse(new TreeMap<>());
        List<QueueRow> rows = new ArrayList<>();
        for (int q = 0; q < queues; q++) {
            final int qq = q;
            String rx = c == null || !c.hasPerQueue() ? "\u2013" : String.format("%,d", c.rxPackets(q));
            String tx = c == null || !c.hasPerQueue() ? "\u2013" : c.tx().stream().filter(x -> x.queue() == qq)
                    .map(x -> String.format("%,d", x.packets())).findFirst().orElse("\u2013");
            QueueIrq irq = irqs.stream().filter(i -> i.queue() == qq && i.servesRx()).findFirst().orElse(null);
            String x = xps.containsKey(q) ? shown(xps.get(q), CpuSet::toMask) : shown(n.xps(), m -> "\u2013");
            rows.add(new QueueRow(q, rx, tx, irq == null ? "\u2013" : irq.irq() + "  " + irq.name(),
                    irq == null ? "\u2013" : irq.affinity().map(CpuSet::toList).orElse("?"), x));
        }
        return rows;
    }
}
