package dev.nettune.ui.monitor;

import dev.nettune.Phrase;
import dev.nettune.ui.common.Messages;
import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.app.RssProposals;
import dev.nettune.host.Host;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedTraffic;
import dev.nettune.monitor.Explanation;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.RssVerifier;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.Verdict;
import dev.nettune.monitor.VerificationResult;
import dev.nettune.rss.IpAddress;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.PlanPreview;
import dev.nettune.ui.common.TaskRunner;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Monitor's Verify tab: the seed's two hping3 scenarios as a form, the exact command shown before
 * it runs, the verdict against the live key and table, and the fix handed to the Tuning screen.
 */
public final class VerifyViewModel implements AutoCloseable {
    /** Finds the sender for a verification: a sandbox sender for the sandbox, hping3 elsewhere. */
    public interface SenderFactory {
        TrafficSender sender(String senderHost, String receiverHost, String nic) throws Exception;
    }

    /** Runs a designed verification (the app's VerificationService). */
    public interface DesignedRunner {
        DesignedResult run(String receiverHost, String nic, String senderHost, DesignedTraffic traffic, Consumer<Phrase> progress)
                throws Exception;
    }

    /** Plans and applies the re-push of a NIC's live key and table (the app's VerificationService). */
    public interface Repusher {
        Plan plan(String host, String nic) throws Exception;

        ApplyResult apply(String host, Plan plan) throws Exception;
    }

    private final HostResolver hosts;
    private final MonitorTarget target;
    private final SenderFactory senders;
    private final TaskRunner tasks;
    private DesignedRunner designedRunner;
    /** The default: designed flows that cannot pass by chance; off runs the seed's scenario chosen below. */
    private final BooleanProperty designed = new SimpleBooleanProperty(true);

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
    private final BooleanProperty canHandFix = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");

    /** Whether the last verification failed in a way a re-push of key and table fixes (RSS not active, after boot or -L). */
    private final BooleanProperty canRepush = new SimpleBooleanProperty(false);
    /** The re-push plan waiting for the user's confirmation, as text; empty when none waits. */
    private final StringProperty repushPreview = new SimpleStringProperty("");
    private Repusher repusher;
    private Plan pendingRepush;
    private String lastReceiver;
    private String lastNic;
    private Consumer<RssProposals.Proposal> proposals = p -> { };
    private RssProposals.Proposal pendingFix;
    private TaskRunner.Handle verification = TaskRunner.Handle.none();

    public VerifyViewModel(HostResolver hosts, MonitorTarget target, SenderFactory senders, TaskRunner tasks) {
        this.hosts = hosts;
        this.target = target;
        this.senders = senders;
        this.tasks = tasks;
        scenario.addListener((o, was, is) -> {
            sourcePort.set(is == Scenario.SPREAD ? "10000" : "12345");
            destinationPort.set(is == Scenario.SPREAD ? "0" : "80");
            previewCommands();
        });
        for (StringProperty p : List.of(source, destination, count, intervalMicros, sourcePort, destinationPort, senderInterface, sender)) {
            p.addListener((o, was, is) -> previewCommands());
        }
        designed.addListener((o, was, is) -> previewCommands());
        target.nicProperty().addListener((o, was, is) -> previewCommands());
        previewCommands();
    }

    /** The traffic the form describes, validated; the message says what is wrong. */
    public TestTraffic traffic() {
        Scenario s = scenario.get();
        Optional<String> iface = s == Scenario.SPREAD && !senderInterface.get().isBlank()
                ? Optional.of(senderInterface.get().strip()) : Optional.empty();
        return new TestTraffic(s, IpAddress.parse(source.get().strip()), IpAddress.parse(destination.get().strip()),
                integer("count", count.get()), integer("interval", intervalMicros.get()),
                integer("sourcePort", sourcePort.get()), integer("destinationPort", destinationPort.get()), iface);
    }

    /** {@code field} names the form's field in the bundle ({@code monitor.verify.field.count}, ...). */
    static int integer(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("\\d{1,7}")) {
            throw new IllegalArgumentException(Messages.format("monitor.verify.notWhole", Messages.get("monitor.verify.field." + field),
                    String.valueOf(text)));
        }
        return Integer.parseInt(t);
    }

    private void previewCommands() {
        if (designed.get()) {
            // The flows are chosen from the receiver's live key and table, so their commands exist only once it runs.
            String nic = target.nicProperty().get();
            commandsPreview.set(Messages.format("monitor.verify.designedPreview",
                    nic == null || nic.isBlank() ? Messages.get("monitor.verify.theNic") : nic));
            return;
        }
        try {
            commandsPreview.set(Hping3Sender.command(traffic()).display() + "    " + Messages.format("monitor.verify.onSender", sender.get()));
        } catch (IllegalArgumentException e) {
            commandsPreview.set(Messages.format("monitor.verify.notReady", Messages.problem(e)));
        }
    }

    /** Where designed verifications run (set once when the panel is built). */
    public void onDesigned(DesignedRunner runner) {
        this.designedRunner = runner;
    }

    public BooleanProperty designedProperty() {
        return designed;
    }

    /** Runs the designed verification in the background: k flows per queue, one burst each, the cause when it fails. */
    private void verifyDesigned() {
        DesignedTraffic t;
        try {
            t = DesignedTraffic.sourcePorts(source.get().strip(), destination.get().strip(), 10000, 60000, 80);
        } catch (IllegalArgumentException e) {
            verdict.set(Messages.get("monitor.verify.notRun"));
            verdictDetail.set(Messages.problem(e));
            return;
        }
        String receiver = target.hostProperty().get();
        String n = target.nicProperty().get();
        String from = sender.get();
        verifying.set(true);
        canRepush.set(false);
        verdict.set(Messages.get("monitor.verify.running"));
        verdictDetail.set("");
        fix.set("");
        verification = tasks.submit(() -> designedRunner.run(receiver, n, from, t,
                        p -> tasks.toUi(() -> verdictDetail.set(Messages.say(p)))),
                r -> showDesigned(r, receiver, n), e -> {
                    verdict.set(Messages.get("monitor.verify.error"));
                    verdictDetail.set(MonitorViewModel.message(e));
                    verifying.set(false);
                });
    }

    private void showDesigned(DesignedResult r, String receiver, String n) {
        lastReceiver = receiver;
        lastNic = n;
        // RSS not active, the previous table, a queue count change: the device does not use what it shows; pushing the
        // same key and table again (ethtool -X) makes it, whatever rebooted or changed channels since.
        canRepush.set(repusher != null && r.verdict() == Verdict.FAIL && r.fix().isPresent());
        pendingFix = r.fix().map(f -> new RssProposals.Proposal(receiver, n, f.key().map(k -> k.toColonHex()),
                f.table().map(RssVerifier::tableArguments), Messages.say(f.said()))).orElse(null);
        canHandFix.set(pendingFix != null);
        verdict.set(Messages.format("monitor.verify.verdict", r.verdict().name(), String.format(java.util.Locale.ROOT, "%.3g",
                r.falsePassProbability())));
        StringBuilder sb = new StringBuilder(Messages.say(r.said()));
        // Where a trace attributed every packet, its per-queue counts are what was judged (the counters include background).
        r.bursts().forEach(b -> sb.append('\n').append(Messages.format("monitor.verify.burst", b.burst().queue()))
                .append(java.util.Arrays.toString(b.perFlow().map(VerifyViewModel::perQueue).orElse(b.excess()))));
        if (!r.counterSource().isEmpty()) {
            sb.append('\n').append(Messages.format("monitor.verify.countedFrom", Messages.say(r.counted())));
        }
        verdictDetail.set(sb.toString());
        if (!r.commands().isEmpty()) {
            commandsPreview.set(String.join(" ; ", r.commands()) + "    " + Messages.format("monitor.verify.onSender", sender.get()));
        }
        fix.set(r.verdict() == Verdict.FAIL && r.cause() != Explanation.AS_PREDICTED
                ? Messages.say(r.cause().labelPhrase()) + ": " + Messages.say(r.cause().advicePhrase()) : "");
        verifying.set(false);
    }

    /** A burst's traced packets per queue, summed over its flows. */
    static long[] perQueue(List<long[]> perFlow) {
        long[] t = new long[perFlow.stream().mapToInt(f -> f.length).max().orElse(0)];
        for (long[] f : perFlow) {
            for (int q = 0; q < f.length; q++) {
                t[q] += f[q];
            }
        }
        return t;
    }

    /** Runs the chosen scenario in the background; the verdict lands in the verdict properties. */
    public void verify() {
        if (designed.get() && designedRunner != null) {
            verifyDesigned();
            return;
        }
        TestTraffic t;
        try {
            t = traffic();
        } catch (IllegalArgumentException e) {
            verdict.set(Messages.get("monitor.verify.notRun"));
            verdictDetail.set(Messages.problem(e));
            return;
        }
        String receiver = target.hostProperty().get();
        String n = target.nicProperty().get();
        String from = sender.get();
        verifying.set(true);
        verdict.set(Messages.get("monitor.verify.running"));
        verdictDetail.set("");
        fix.set("");
        verification = tasks.submit(() -> {
            Host host = hosts.resolve(receiver, HostOptions.defaults());
            TrafficSender ts = senders.sender(from, receiver, n);
            RssVerifier v = new RssVerifier(host, n, new HostCounterReader(host, NicIdentity.read(host, n)));
            return v.run(t, ts, p -> tasks.toUi(() -> verdictDetail.set(Messages.say(p))));
        }, r -> show(r, receiver, n), e -> {
            verdict.set(Messages.get("monitor.verify.error"));
            verdictDetail.set(MonitorViewModel.message(e));
            verifying.set(false);
        });
    }

    private void show(VerificationResult r, String receiver, String n) {
        pendingFix = r.fix().map(f -> new RssProposals.Proposal(receiver, n, f.key().map(k -> k.toColonHex()),
                f.table().map(RssVerifier::tableArguments), Messages.say(f.said()))).orElse(null);
        canHandFix.set(pendingFix != null);
        verdict.set(r.verdict().name());
        verdictDetail.set(Messages.say(r.said()));
        fix.set(r.fix().map(f -> Messages.say(f.said()) + "\nethtool -X " + n + " " + f.ethtoolArguments()).orElse(""));
        verifying.set(false);
    }

    /** Where re-pushes are planned and applied (set once when the panel is built). */
    public void onRepush(Repusher r) {
        this.repusher = r;
    }

    /** Plans the re-push of the last verified NIC's live key and table in the background; its preview waits for confirmation. */
    public void previewRepush() {
        if (!canRepush.get() || repusher == null) {
            return;
        }
        String h = lastReceiver;
        String n = lastNic;
        status.set(Messages.format("monitor.verify.repush.planning", n, h));
        tasks.submit(() -> repusher.plan(h, n), plan -> {
            pendingRepush = plan;
            repushPreview.set(PlanPreview.text(plan, Messages.locale()));
            status.set(Messages.format("monitor.verify.repush.review", n, h));
        }, e -> status.set(Messages.format("monitor.verify.repush.cannotPlan", MonitorViewModel.message(e))));
    }

    /** Applies the re-push the user confirmed: journaled, read back, undoable from the Journal. */
    public void confirmRepush() {
        Plan plan = pendingRepush;
        pendingRepush = null;
        repushPreview.set("");
        if (plan == null) {
            return;
        }
        String h = lastReceiver;
        String n = lastNic;
        verifying.set(true);
        status.set(Messages.format("monitor.verify.repush.pushing", n, h));
        tasks.submit(() -> repusher.apply(h, plan), r -> {
            verifying.set(false);
            boolean applied = r.status() == Journal.PlanStatus.APPLIED;
            canRepush.set(!applied);
            status.set(applied ? Messages.format("monitor.verify.repush.done", n, h, String.valueOf(r.planId()))
                    : Messages.format("monitor.verify.repush.notApplied", Messages.say(r.messagePhrase())));
            fix.set(status.get());
        }, e -> {
            verifying.set(false);
            status.set(Messages.format("monitor.verify.repush.failed", MonitorViewModel.message(e)));
        });
    }

    /** Drops the re-push waiting for confirmation: nothing runs. */
    public void dropRepush() {
        pendingRepush = null;
        repushPreview.set("");
        status.set(Messages.get("monitor.verify.repush.cancelled"));
    }

    public BooleanProperty canRepushProperty() {
        return canRepush;
    }

    public StringProperty repushPreviewProperty() {
        return repushPreview;
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
            status.set(Messages.get("monitor.verify.fixHandedOn"));
        }
    }

    /** Stops a running verification; its result is dropped. */
    public void cancelVerification() {
        verification.cancel();
        if (verifying.get()) {
            verifying.set(false);
            verdict.set(Messages.get("monitor.verify.cancelled"));
        }
    }

    @Override
    public void close() {
        verification.cancel();
    }

    public BooleanProperty canHandFixProperty() {
        return canHandFix;
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

    /** What the last action did (the fix handed on). */
    public StringProperty statusProperty() {
        return status;
    }
}
