package dev.nettune.ui.balance;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.BalanceService;
import dev.nettune.monitor.PredictedVsObserved;
import dev.nettune.rss.balance.BalanceMode;
import dev.nettune.rss.balance.BalanceProposal;
import dev.nettune.rss.balance.BalanceReport;
import dev.nettune.rss.balance.WeightUnit;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.ui.common.BackgroundWork;
import dev.nettune.ui.common.TaskRunner;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Balance screen: reads a host's flows for one NIC, shows today's per-bucket load and the
 * proposals (predicted max/mean and spread before and after), and applies the chosen one through
 * the tuning engine. All host work runs on the task runner, never on the FX thread.
 */
public final class BalanceViewModel {

    /** Reads a NIC's key, table and flows. */
    @FunctionalInterface
    public interface Reader {
        BalanceService.HostFlows read(String host, String nic, WeightUnit unit) throws Exception;
    }

    /** Applies a proposal to a host's NIC (preview, journal, commit-confirm are the engine's). */
    @FunctionalInterface
    public interface Applier {
        ApplyResult apply(String host, String nic, BalanceProposal proposal) throws Exception;
    }

    /** One line of the proposals table. */
    public record Row(String mode, String maxOverMean, String spread, String action, BalanceProposal proposal) {
    }

    /**
     * One queue: its share predicted under today's mapping, the share its counters observed, the
     * difference (marked when over the tolerance), and its share under the selected proposal.
     */
    public record QueueRow(int queue, String today, String observed, String difference, boolean flagged, String proposed) {
    }

    public static final List<String> MODES = List.of("weights, key, both", "weights", "key", "both", "reta");
    public static final List<String> UNITS = List.of("bytes", "packets", "flows");

    private final Reader reader;
    private final Applier applier;
    private final BalanceService service;
    private final BackgroundWork work;
    private final StringProperty host = new SimpleStringProperty("sandbox");
    private final StringProperty nic = new SimpleStringProperty("eth1");
    private final StringProperty unit = new SimpleStringProperty("bytes");
    private final StringProperty mode = new SimpleStringProperty(MODES.get(0));
    private final StringProperty summary = new SimpleStringProperty(Messages.get("balance.status.start"));
    private final StringProperty warning = new SimpleStringProperty("");
    private final ObjectProperty<long[]> todayBuckets = new SimpleObjectProperty<>(new long[0]);
    private final ObjectProperty<long[]> proposedBuckets = new SimpleObjectProperty<>(new long[0]);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObservableList<QueueRow> queueRows = FXCollections.observableArrayList();
    private final StringProperty comparison = new SimpleStringProperty("");
    private Optional<PredictedVsObserved.QueueCounts> counters = Optional.empty();
    private BalanceReport report;
    private volatile String readHost;
    private volatile String readNic;

    public BalanceViewModel(Reader reader, Applier applier, BalanceService service, TaskRunner tasks) {
        this.reader = reader;
        this.applier = applier;
        this.service = service;
        this.work = new BackgroundWork(tasks);
        selected.addListener((o, was, is) -> {
            proposedBuckets.set(is == null ? new long[0] : is.proposal().bucketLoads());
            showQueues();
        });
    }

    /** Reads the flows and advises, in the background. */
    public void advise() {
        String h = host.get() == null ? "" : host.get().strip();
        String n = nic.get() == null ? "" : nic.get().strip();
        if (h.isEmpty() || n.isEmpty()) {
            summary.set(Messages.get("balance.status.needHostAndNic"));
            return;
        }
        WeightUnit u = WeightUnit.parse(unit.get());
        Set<BalanceMode> modes = modes(mode.get());
        work.start(Messages.format("balance.work.reading", h), r -> {
            BalanceService.HostFlows hf = reader.read(h, n, u);
            BalanceReport advice = service.advise(hf, hf.flows(), modes, r::cancelled);
            readHost = h;
            readNic = n;
            return new Advice(advice, hf.counters());
        }, a -> show(a.report(), a.counters()), a -> Messages.format("balance.work.done", a.report().flows(),
                a.report().proposals().size()));
    }

    /** What one reading gives: the advice and the NIC's per-queue counters to compare it with. */
    private record Advice(BalanceReport report, Optional<PredictedVsObserved.QueueCounts> counters) {
    }

    static Set<BalanceMode> modes(String text) {
        return text == null || text.contains(",") ? BalanceMode.ethtoolModes() : EnumSet.of(BalanceMode.parse(text));
    }

    void show(BalanceReport r, Optional<PredictedVsObserved.QueueCounts> observed) {
        this.report = r;
        this.counters = observed;
        summary.set(Messages.format("balance.summary", Integer.toString(r.flows()),
                Integer.toString(r.span().first()), Integer.toString(r.span().last()), String.format(Locale.ROOT, "%.3f", r.today().maxOverMean()),
                String.format(Locale.ROOT, "%.3f", r.today().coefficientOfVariation())));
        warning.set(Messages.say(r.elephants().said()));
        todayBuckets.set(r.bucketLoads());
        rows.setAll(r.proposals().stream().map(p -> row(r, p)).toList());
        selected.set(r.best().flatMap(b -> rows.stream().filter(x -> x.proposal() == b).findFirst()).orElse(
                rows.isEmpty() ? null : rows.get(0)));
        showQueues();
    }

    /** Today's prediction beside the counters, with the selected proposal's shares: one row per queue. */
    private void showQueues() {
        if (report == null) {
            queueRows.clear();
            comparison.set("");
            return;
        }
        PredictedVsObserved today = PredictedVsObserved.of(report.today(), counters);
        Row sel = selected.get();
        java.util.Map<Integer, Double> proposed = new java.util.HashMap<>();
        if (sel != null) {
            PredictedVsObserved.of(sel.proposal().stats(), Optional.empty()).queues()
                    .forEach(l -> proposed.put(l.queue(), l.predictedShare()));
        }
        queueRows.setAll(today.queues().stream().map(l -> new QueueRow(l.queue(), percent(l.predictedShare()),
                l.observedShare().isPresent() ? percent(l.observedShare().getAsDouble()) : Messages.get("balance.notReported"),
                l.observedShare().isPresent() ? Messages.format("balance.queue.difference", String.format(Locale.ROOT, "%+.1f", 100 * l.difference()))
                        + (l.flagged() ? Messages.get("balance.queue.off") : "") : "",
                l.flagged(), sel == null ? "" : percent(proposed.getOrDefault(l.queue(), 0.0)))).toList());
        comparison.set(Messages.say(today.said()));
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private Row row(BalanceReport r, BalanceProposal p) {
        String action;
        if (!p.improves()) {
            action = Messages.get("balance.keepMapping");
        } else if (p.mode() == BalanceMode.RETA) {
            action = String.join("\n", BalanceService.testpmdLines(r, p, 0));
        } else {
            StringBuilder sb = new StringBuilder();
            p.key().ifPresent(k -> sb.append("ethtool -X ").append(nic.get()).append(" hkey ").append(k.toColonHex()));
            p.weights().ifPresent(w -> sb.append(sb.length() > 0 ? "\n" : "").append("ethtool -X ").append(nic.get()).append(' ').append(w));
            action = sb.toString();
        }
        return new Row(Messages.get("balance.mode." + p.mode().label()),
                String.format(Locale.ROOT, "%.3f \u2192 %.3f", r.today().maxOverMean(), p.stats().maxOverMean()),
                String.format(Locale.ROOT, "%.3f \u2192 %.3f", r.today().coefficientOfVariation(), p.stats().coefficientOfVariation()),
                action, p);
    }

    /** Whether the selected proposal can be applied with ethtool (it changes something and is not a RETA). */
    public boolean canApply() {
        Row r = selected.get();
        return r != null && r.proposal().changes() && r.proposal().mode() != BalanceMode.RETA && readHost != null;
    }

    /** Applies the selected proposal in the background; the result goes to the status. */
    public void apply() {
        Optional<Row> r = Optional.ofNullable(selected.get());
        if (r.isEmpty() || !canApply()) {
            summary.set(Messages.get("balance.status.chooseProposal"));
            return;
        }
        String h = readHost;
        String n = readNic;
        BalanceProposal p = r.get().proposal();
        work.start(Messages.format("balance.work.applying", Messages.get("balance.mode." + p.mode().label()), n, h), x -> applier.apply(h, n, p),
                res -> summary.set(outcome(res)), BalanceViewModel::outcome);
    }

    public BackgroundWork work() {
        return work;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty nicProperty() {
        return nic;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty modeProperty() {
        return mode;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty warningProperty() {
        return warning;
    }

    public ObjectProperty<long[]> todayBucketsProperty() {
        return todayBuckets;
    }

    public ObjectProperty<long[]> proposedBucketsProperty() {
        return proposedBuckets;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    /** Per queue: predicted today, observed, difference, with the selected proposal. */
    public ObservableList<QueueRow> queueRows() {
        return queueRows;
    }

    /** What the comparison of predicted and observed shares says. */
    public StringProperty comparisonProperty() {
        return comparison;
    }

    // An apply's status and message, in the language in use ("APPLIED: ..." / "已应用：...").
    private static String outcome(dev.nettune.tuning.ApplyResult res) {
        return Messages.say(res.status().phrase()) + ": " + Messages.say(res.messagePhrase());
    }
}
