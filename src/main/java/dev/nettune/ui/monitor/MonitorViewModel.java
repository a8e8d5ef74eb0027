package dev.nettune.ui.monitor;

import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.app.RssProposals;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.monitor.ChartFrame;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.MonitorSession;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.QueueHistory;
import dev.nettune.monitor.QueueMetric;
import dev.nettune.monitor.RateCsv;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.RssVerifier;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.VerificationResult;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.dpdk.DpdkCSnippet;
import dev.nettune.rss.dpdk.DpdkRssConfig;
import dev.nettune.rss.dpdk.L3fwdBinding;
import dev.nettune.rss.dpdk.PciAddress;
import dev.nettune.rss.dpdk.TestpmdCommands;
import dev.nettune.store.RecordingStore;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import dev.nettune.ui.common.TaskRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * The Monitor screen's state and actions, testable without the FX toolkit: which host and NIC,
 * the running session, the latest chart frame (rebuilt off the FX thread at most
 * {@value #REDRAWS_PER_SECOND} times a second and only when a sample arrived), hidden queues,
 * pause, recording, CSV export, and the verification panel. Every property is changed on the
 * {@code fx} executor; blocking work runs on {@code background}.
 */
public final class MonitorViewModel implements AutoCloseable {
    public static final int REDRAWS_PER_SECOND = 4;
    /** Points per queue a redraw draws at most, whatever the window holds. */
    public static final int MAX_POINTS = 600;
    public static final List<String> INTERVALS = List.of("0.2", "0.5", "1", "2", "5", "10");
    public static final List<String> WINDOWS = List.of("1 min", "5 min", "15 min", "1 h");

    /** Finds the sender for a verification: a sandbox sender for the sandbox, hping3 elsewhere. */
    public interface SenderFactory {
        TrafficSender sender(String senderHost, String receiverHost, String nic) throws Exception;
    }

    private final HostResolver hosts;
    private final Supplier<Optional<RecordingStore>> recordingStore;
    private final SenderFactory senders;
    private final ExecutorService background;
    private final ScheduledExecutorService scheduler;
    private final Executor fx;
    private final LongSupplier clock;
    private final BiFunction<String, String, Runnable> onStart;

    private final ObservableList<String> hostNames = FXCollections.observableArrayList();
    private final StringProperty host = new SimpleStringProperty("sandbox");
    private final ObservableList<String> nics = FXCollections.observableArrayList();
    private final StringProperty nic = new SimpleStringProperty("eth1");
    private final StringProperty interval = new SimpleStringProperty("1");
    private final StringProperty window = new SimpleStringProperty("5 min");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty recording = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("Pick a host and a NIC, then Start.");
    private final StringProperty imbalance = new SimpleStringProperty("");
    private final ObjectProperty<ChartFrame> frame = new SimpleObjectProperty<>(ChartFrame.empty(QueueMetric.RX_PACKETS));
    private final ObjectProperty<Optional<IndirectionTable>> table = new SimpleObjectProperty<>(Optional.empty());
    private final ObservableSet<Integer> hiddenQueues = FXCollections.observableSet();
    private final IntegerProperty queueCount = new SimpleIntegerProperty(0);

    // Verification panel
    private final StringProperty sender = new SimpleStringProperty("sandbox");
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.SPREAD);
    private final StringProperty source = new SimpleStringProperty("10.0.0.252");
    private final StringProperty destination = new SimpleStringProperty("10.0.0.5");
    private final StringProperty count = new SimpleStringProperty("10000");
    private final StringProperty intervalMicros = new SimpleStringProperty("100");
    private final StringProperty sourcePort = new SimpleStringProperty("10000");
    private final StringProperty destinationPort = new SimpleStringProperty("0");
    private final StringProperty senderInterface = new SimpleStringProperty("eth0");
    private final StringProperty commandsPreview = new SimpleStringProperty("");
    private final StringProperty verdict = new SimpleStringProperty("");
    private final StringProperty verdictDetail = new SimpleStringProperty("");
    private final StringProperty fix = new SimpleStringProperty("");
    private final BooleanProperty verifying = new SimpleBooleanProperty(false);

    // DPDK panel
    private final StringProperty dpdkPort = new SimpleStringProperty("0");
    private final StringProperty dpdkLcores = new SimpleStringProperty("1-4");
    private final StringProperty dpdkPci = new SimpleStringProperty("0000:00:05.0");
    private final StringProperty dpdkText = new SimpleStringProperty("");

    private final BooleanProperty canHandFix = new SimpleBooleanProperty(false);
    private volatile Consumer<RssProposals.Proposal> proposals = p -> { };
    private volatile RssProposals.Proposal pendingFix;

    private MonitorSession session;
    private ScheduledFuture<?> ticker;
    private long drawnVersion = -1;
    private Future<?> verification;

    public MonitorViewModel(HostResolver hosts, List<String> hostChoices, Supplier<Optional<RecordingStore>> recordings, SenderFactory senders,
            TaskRunner tasks, BiFunction<String, String, Runnable> onStart) {
        this.hosts = hosts;
        this.recordingStore = recordings;
        this.senders = senders;
        this.background = tasks.workers();
        this.scheduler = tasks.scheduler();
        this.fx = tasks.ui();
        this.clock = tasks.clock();
        this.onStart = onStart;
        hostNames.setAll(hostChoices);
        scenario.addListener((o, was, is) -> {
            sourcePort.set(is == Scenario.SPREAD ? "10000" : "12345");
            destinationPort.set(is == Scenario.SPREAD ? "0" : "80");
            previewCommands();
        });
        for (StringProperty p : List.of(source, destination, count, intervalMicros, sourcePort, destinationPort, senderInterface, sender)) {
            p.addListener((o, was, is) -> previewCommands());
        }
        previewCommands();
    }

    /** Lists the NICs of the chosen host (ls /sys/class/net), in the background. */
    public void loadNics() {
        String h = host.get();
        background.submit(() -> {
            try {
                Host target = hosts.resolve(h, HostOptions.defaults());
                CommandResult r = target.run(Command.of("ls", "/sys/class/net"), Duration.ofSeconds(20));
                List<String> names = Arrays.stream(r.stdoutOrThrow().split("\\s+")).filter(s -> !s.isBlank() && !s.equals("lo"))
                        .sorted().toList();
                fx.execute(() -> {
                    nics.setAll(names);
                    if (!names.contains(nic.get()) && !names.isEmpty()) {
                        nic.set(names.get(names.size() - 1));
                    }
                });
            } catch (Exception e) {
                fx.execute(() -> status.set("Cannot list the NICs of " + h + ": " + message(e)));
            }
        });
    }

    /** Starts monitoring the chosen host and NIC (stopping any running session first). */
    public void start() {
        stop();
        String h = host.get();
        String n = nic.get();
        SamplingInterval iv;
        Duration win;
        try {
            iv = SamplingInterval.ofSeconds(interval.get());
            win = windowDuration(window.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        status.set("Connecting to " + h + " ...");
        running.set(true);
        background.submit(() -> {
            try {
                Host target = hosts.resolve(h, HostOptions.defaults());
                Runnable before = onStart.apply(h, n);
                if (before != null) {
                    before.run();
                }
                MonitorSession s = new MonitorSession(target, n, iv, QueueHistory.DEFAULT_WINDOW.compareTo(win) > 0
                        ? QueueHistory.DEFAULT_WINDOW : win, scheduler, clock);
                s.addListener(new MonitorSession.Listener() {
                    @Override
                    public void status(String text) {
                        fx.execute(() -> status.set(text));
                    }
                });
                s.start();
                Optional<IndirectionTable> t = s.table();
                synchronized (this) {
                    session = s;
                    drawnVersion = -1;
                    ticker = scheduler.scheduleWithFixedDelay(this::redraw, 0, 1000 / REDRAWS_PER_SECOND, TimeUnit.MILLISECONDS);
                }
                fx.execute(() -> {
                    table.set(t);
                    status.set("Sampling " + n + " on " + h + " every " + iv.sleepArgument() + " s");
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    running.set(false);
                    status.set("Cannot monitor " + n + " on " + h + ": " + message(e));
                });
            }
        });
    }

    /** Builds a frame off the FX thread when a new sample arrived and the view is not paused; hands it to the FX thread. */
    void redraw() {
        MonitorSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null || paused.get()) {
            return;
        }
        long v = s.version();
        if (v == drawnVersion) {
            return;
        }
        drawnVersion = v;
        long from = clock.getAsLong() - windowDuration(window.get()).toMillis();
        ChartFrame f = s.history().frame(QueueMetric.RX_PACKETS, from, MAX_POINTS);
        String text = imbalanceText(f);
        fx.execute(() -> {
            frame.set(f);
            queueCount.set(f.queueCount());
            imbalance.set(text);
        });
    }

    static String imbalanceText(ChartFrame f) {
        RateSample latest = f.latest();
        if (latest == null) {
            return "";
        }
        var i = f.imbalance();
        if (i.queues() == 0 || i.idle()) {
            return String.format(Locale.ROOT, "No traffic on the %d queue(s) in the last interval.", f.queueCount());
        }
        return String.format(Locale.ROOT, "%.0f pkt/s in total · busiest queue %d at %.2f× the mean · coefficient of variation %.2f"
                + " · source: %s", latest.totalRxPps(), i.busiestQueue(), i.maxOverMean(), i.coefficientOfVariation(), latest.source());
    }

    /** Stops monitoring; call on the FX thread (properties change here). */
    public void stop() {
        if (stopSession()) {
            status.set("Stopped.");
        }
        running.set(false);
        recording.set(false);
    }

    /** Ends the session and the redraw ticker, touching no property: safe from any thread. */
    private boolean stopSession() {
        MonitorSession s;
        synchronized (this) {
            s = session;
            session = null;
            if (ticker != null) {
                ticker.cancel(false);
                ticker = null;
            }
        }
        if (s != null) {
            s.close();
        }
        return s != null;
    }

    public void setQueueVisible(int queue, boolean visible) {
        if (visible) {
            hiddenQueues.remove(queue);
        } else {
            hiddenQueues.add(queue);
        }
    }

    public boolean queueVisible(int queue) {
        return !hiddenQueues.contains(queue);
    }

    /** Starts or stops writing every sample to a stored recording. */
    public void setRecording(boolean on) {
        MonitorSession s;
        synchronized (this) {
            s = session;
        }
        // Opening the store touches SQLite: on first use only, and Record is a deliberate click.
        Optional<RecordingStore> recordings = recordingStore.get();
        if (s == null || recordings.isEmpty()) {
            recording.set(false);
            status.set(recordings.isEmpty() ? "Recordings need the database." : "Start monitoring first.");
            return;
        }
        if (on && !s.recording()) {
            RecordingStore.Writer w = recordings.get().start(s.hostName(), s.nic(), s.interval().millis(), "", clock.getAsLong());
            s.startRecording(w);
            status.set("Recording " + s.nic() + " on " + s.hostName() + " as recording " + w.id() + ".");
        } else if (!on && s.recording()) {
            s.stopRecording();
            status.set("Recording stopped; it is under Recordings.");
        }
        recording.set(on);
    }

    /** Writes the visible window's samples as CSV. */
    public void exportCsv(Path file) throws IOException {
        MonitorSession s;
        synchronized (this) {
            s = session;
        }
        if (s == null) {
            throw new IOException("Nothing to export: start monitoring first.");
        }
        long from = clock.getAsLong() - windowDuration(window.get()).toMillis();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            RateCsv csv = new RateCsv(w);
            for (RateSample r : s.history().samples(from)) {
                csv.sample(r);
            }
        }
    }

    static Duration windowDuration(String text) {
        return switch (text) {
            case "1 min" -> Duration.ofMinutes(1);
            case "5 min" -> Duration.ofMinutes(5);
            case "15 min" -> Duration.ofMinutes(15);
            case "1 h" -> Duration.ofHours(1);
            default -> throw new IllegalArgumentException("'" + text + "' is not a window: choose " + String.join(", ", WINDOWS) + ".");
        };
    }

    // ---- verification ----

    /** The traffic the form describes, validated; the message says what is wrong. */
    public TestTraffic traffic() {
        Scenario s = scenario.get();
        Optional<String> iface = s == Scenario.SPREAD && !senderInterface.get().isBlank()
                ? Optional.of(senderInterface.get().strip()) : Optional.empty();
        return new TestTraffic(s, IpAddress.parse(source.get().strip()), IpAddress.parse(destination.get().strip()),
                integer("packet count", count.get()), integer("interval (µs)", intervalMicros.get()),
                integer("source port", sourcePort.get()), integer("destination port", destinationPort.get()), iface);
    }

    private static int integer(String what, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,7}")) {
            throw new IllegalArgumentException("The " + what + " '" + text + "' is not a whole number.");
        }
        return Integer.parseInt(t);
    }

    void previewCommands() {
        try {
            commandsPreview.set(Hping3Sender.command(traffic()).display() + "    (on " + sender.get() + ")");
        } catch (IllegalArgumentException e) {
            commandsPreview.set("Not ready: " + e.getMessage());
        }
    }

    /** Runs the chosen scenario in the background; the verdict lands in the verdict properties. */
    public void verify() {
        TestTraffic t;
        try {
            t = traffic();
        } catch (IllegalArgumentException e) {
            verdict.set("Not run");
            verdictDetail.set(e.getMessage());
            return;
        }
        String receiver = host.get();
        String n = nic.get();
        String from = sender.get();
        verifying.set(true);
        verdict.set("Running ...");
        verdictDetail.set("");
        fix.set("");
        verification = background.submit(() -> {
            try {
                Host target = hosts.resolve(receiver, HostOptions.defaults());
                TrafficSender ts = senders.sender(from, receiver, n);
                RssVerifier v = new RssVerifier(target, n, new HostCounterReader(target, NicIdentity.read(target, n)));
                VerificationResult r = v.run(t, ts, p -> fx.execute(() -> verdictDetail.set(p)));
                RssProposals.Proposal proposal = r.fix().map(f -> new RssProposals.Proposal(receiver, n,
                        f.key().map(k -> k.toColonHex()), f.table().map(RssVerifier::tableArguments), f.summary())).orElse(null);
                fx.execute(() -> {
                    pendingFix = proposal;
                    canHandFix.set(proposal != null);
                    verdict.set(r.verdict().name());
                    verdictDetail.set(r.explanation());
                    fix.set(r.fix().map(f -> f.summary() + "\nethtool -X " + n + " " + f.ethtoolArguments()).orElse(""));
                    verifying.set(false);
                });
            } catch (Exception e) {
                fx.execute(() -> {
                    verdict.set("Error");
                    verdictDetail.set(message(e));
                    verifying.set(false);
                });
            }
        });
    }

    /**
     * The DPDK configuration for the chosen host's NIC, from its live key and table: testpmd session,
     * l3fwd command line (queues dealt to the chosen lcores) and the C snippet. In the background.
     */
    public void generateDpdk() {
        String h = host.get();
        String n = nic.get();
        int port;
        List<Integer> lcores;
        try {
            port = integer("DPDK port", dpdkPort.get());
            lcores = L3fwdBinding.parseLcores(dpdkLcores.get());
            PciAddress.parse(dpdkPci.get());
        } catch (IllegalArgumentException e) {
            dpdkText.set(e.getMessage());
            return;
        }
        String pci = dpdkPci.get();
        dpdkText.set("Reading the key and table of " + n + " on " + h + " (ethtool -x) ...");
        background.submit(() -> {
            try {
                Host target = hosts.resolve(h, HostOptions.defaults());
                EthtoolRss rss = EthtoolRssParser.parse(target.run(Command.of("ethtool", "-x", n), Duration.ofSeconds(20)).stdoutOrThrow());
                String text = dpdkText(port, lcores, pci, rss, n, h);
                fx.execute(() -> dpdkText.set(text));
            } catch (Exception e) {
                fx.execute(() -> dpdkText.set("Cannot build the DPDK configuration: " + message(e)));
            }
        });
    }

    static String dpdkText(int port, List<Integer> lcores, String pci, EthtoolRss rss, String nic, String host) {
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

    public StringProperty dpdkPortProperty() {
        return dpdkPort;
    }

    public StringProperty dpdkLcoresProperty() {
        return dpdkLcores;
    }

    public StringProperty dpdkPciProperty() {
        return dpdkPci;
    }

    public StringProperty dpdkTextProperty() {
        return dpdkText;
    }

    /** Where a fix goes when the user hands it on (the Tuning screen, through the app's proposals). */
    public void onProposal(Consumer<RssProposals.Proposal> sink) {
        proposals = sink;
    }

    /** Hands the last verification's fix to the Tuning screen, which plans it with preview and rollback. */
    public void handFixToTuning() {
        RssProposals.Proposal p = pendingFix;
        if (p != null) {
            proposals.accept(p);
            status.set("The fix went to the Tuning screen: plan it there, apply, then run the scenario again.");
        }
    }

    public BooleanProperty canHandFixProperty() {
        return canHandFix;
    }

    public void cancelVerification() {
        Future<?> f = verification;
        if (f != null) {
            f.cancel(true);
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Ends everything; safe from any thread (the properties follow on the fx executor). */
    @Override
    public void close() {
        stopSession();
        cancelVerification();
        fx.execute(() -> {
            running.set(false);
            recording.set(false);
        });
    }

    public ObservableList<String> hostNames() {
        return hostNames;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public ObservableList<String> nics() {
        return nics;
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public StringProperty windowProperty() {
        return window;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    public BooleanProperty recordingProperty() {
        return recording;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty imbalanceProperty() {
        return imbalance;
    }

    public ObjectProperty<ChartFrame> frameProperty() {
        return frame;
    }

    public ObjectProperty<Optional<IndirectionTable>> tableProperty() {
        return table;
    }

    public ObservableSet<Integer> hiddenQueues() {
        return hiddenQueues;
    }

    public IntegerProperty queueCountProperty() {
        return queueCount;
    }

    public StringProperty senderProperty() {
        return sender;
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringProperty countProperty() {
        return count;
    }

    public StringProperty intervalMicrosProperty() {
        return intervalMicros;
    }

    public StringProperty sourcePortProperty() {
        return sourcePort;
    }

    public StringProperty destinationPortProperty() {
        return destinationPort;
    }

    public StringProperty senderInterfaceProperty() {
        return senderInterface;
    }

    public StringProperty commandsPreviewProperty() {
        return commandsPreview;
    }

    public StringProperty verdictProperty() {
        return verdict;
    }

    public StringProperty verdictDetailProperty() {
        return verdictDetail;
    }

    public StringProperty fixProperty() {
        return fix;
    }

    public BooleanProperty verifyingProperty() {
        return verifying;
    }
}
