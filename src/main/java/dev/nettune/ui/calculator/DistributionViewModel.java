package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.BackgroundWork;
import dev.nettune.ui.common.Exports;
import dev.nettune.rss.ChiSquare;
import dev.nettune.rss.Distribution;
import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.FlowPopulation;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssCalculator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Distribution panel: how a population of flows (the seed's scenario 1, a port sweep, or a CSV
 * file) spreads over the queues of the calculator's key and table, beside the share each queue
 * should get. Measured off the UI thread with progress and cancel.
 */
public final class DistributionViewModel {
    private final CalculatorViewModel calculator;
    private final BackgroundWork work;

    private final ObjectProperty<PopulationChoice> scenario = new SimpleObjectProperty<>(PopulationChoice.HPING);
    // The seed's scenario 1: hping3 ... --rand-dest -p 0 --baseport 10000 -c 10000.
    private final StringProperty packets = new SimpleStringProperty("10000");
    private final StringProperty basePort = new SimpleStringProperty("10000");
    private final StringProperty seed = new SimpleStringProperty("1");
    private final ObjectProperty<PortSide> sweepSide = new SimpleObjectProperty<>(PortSide.SOURCE);
    private final StringProperty sweepFrom = new SimpleStringProperty("1024");
    private final StringProperty sweepTo = new SimpleStringProperty("65535");
    private final ObjectProperty<Path> csvFile = new SimpleObjectProperty<>();

    private final ObservableList<Distribution.QueueLoad> queues = FXCollections.observableArrayList();
    private final ObservableList<Distribution.QueueLoad> queuesView = FXCollections.unmodifiableObservableList(queues);
    private final ReadOnlyObjectWrapper<Distribution> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public DistributionViewModel(CalculatorViewModel calculator, BackgroundWork work) {
        this.calculator = calculator;
        this.work = work;
    }

    /** Measures the chosen population in the background; a bad input only sets the status. */
    public void run() {
        RssCalculator calc = calculator.calculatorProperty().get();
        if (calc == null) {
            work.start(Messages.get("calculator.work.checking"), r -> {
                throw new IllegalArgumentException(Messages.get("calculator.distribution.needsKeyAndTable"));
            }, x -> { }, x -> "");
            return;
        }
        PopulationChoice s = scenario.get();
        Flow flow = calculator.flowProperty().get();
        // Everything the job reads is taken here, on the UI thread.
        Inputs in = new Inputs(packets.get(), basePort.get(), seed.get(), sweepSide.get(), sweepFrom.get(), sweepTo.get(),
                csvFile.get());
        String what = Messages.format("calculator.distribution.measuring", s.label());
        work.start(what, reporter -> {
            FlowPopulation population;
            String skipped = "";
            switch (s) {
                case HPING -> population = hping(flow, in);
                case SWEEP -> population = sweep(flow, in);
                default -> {
                    FlowCsv.Result rows = readCsv(in.csvFile());
                    if (rows.rows().isEmpty()) {
                        throw new IllegalArgumentException(rows.problems().isEmpty() ? Messages.get("calculator.distribution.noFlow")
                                : Messages.format("calculator.distribution.noFlowFirst", Messages.say(rows.problems().get(0).phrase())));
                    }
                    if (!rows.problems().isEmpty()) {
                        skipped = " " + Messages.format("calculator.distribution.skipped", rows.problems().size(), Messages.say(rows.problems().get(0).phrase()));
                    }
                    population = new FlowPopulation.FlowList(rows.flows());
                }
            }
            Distribution d = Distribution.of(calc, population, reporter::progress);
            return new Measured(d, skipped);
        }, m -> {
            result.set(m.distribution());
            queues.setAll(m.distribution().queues());
            summary.set(describe(m.distribution()) + m.skipped());
        }, m -> Messages.format("calculator.distribution.measured", String.format("%,d", m.distribution().flows())));
    }

    private record Measured(Distribution distribution, String skipped) {
    }

    /**
     * The last measurement as CSV: one row per queue (flows, share, the table's share), then one per
     * bucket (its queue and flows), so a spreadsheet can redraw both views.
     */
    public String csv() {
        Distribution d = result.get();
        if (d == null) {
            throw new IllegalStateException(Messages.get("calculator.distribution.nothingMeasured"));
        }
        StringBuilder sb = new StringBuilder("kind,index,queue,buckets,flows,share,expected_share\n");
        for (Distribution.QueueLoad q : d.queues()) {
            sb.append(String.format(java.util.Locale.ROOT, "queue,%d,%d,%d,%d,%.6f,%.6f%n", q.queue(), q.queue(), q.buckets(), q.flows(),
                    q.share(), q.expectedShare()));
        }
        long[] perBucket = d.bucketFlows();
        for (int b = 0; b < perBucket.length; b++) {
            double share = d.hashedFlows() == 0 ? 0 : perBucket[b] / (double) d.hashedFlows();
            sb.append(String.format(java.util.Locale.ROOT, "bucket,%d,%d,1,%d,%.6f,%.6f%n", b, d.table().entry(b), perBucket[b], share,
                    1.0 / perBucket.length));
        }
        return sb.toString();
    }

    /** Saves {@link #csv()} to {@code file} off the FX thread; the status says where it went. */
    public void exportCsv(java.nio.file.Path file) {
        Exports.writeCsv(work, file, csv());
    }

    /** Saves a picture of the panel (taken by the view) as PNG off the FX thread. */
    public void exportPng(java.nio.file.Path file, java.awt.image.BufferedImage image) {
        Exports.writePng(work, file, image);
    }

    private record Inputs(String packets, String basePort, String seed, PortSide side, String from, String to, Path csvFile) {
    }

    private static FlowPopulation hping(Flow flow, Inputs in) {
        if (flow == null || !flow.protocol().isHashed()) {
            throw new IllegalArgumentException(Messages.get("calculator.distribution.hpingNeedsFlow"));
        }
        Protocol p = flow.protocol().hashesPorts() ? flow.protocol() : Protocol.TCP;
        return new FlowPopulation.Hping(flow.source(), flow.destination(), number(Messages.get("calculator.field.packets"), in.packets(), 1, 100_000_000),
                Flow.parsePort(Messages.get("calculator.field.basePort"), in.basePort()), OptionalInt.empty(), p, number(Messages.get("calculator.field.seed"), in.seed(), 0, Integer.MAX_VALUE));
    }

    private static FlowPopulation sweep(Flow flow, Inputs in) {
        if (flow == null || !flow.protocol().hashesPorts()) {
            throw new IllegalArgumentException(Messages.get("calculator.distribution.sweepNeedsFlow"));
        }
        return new FlowPopulation.PortSweep(flow, in.side(), Flow.parsePort(Messages.get("calculator.field.fromPort"), in.from()),
                Flow.parsePort(Messages.get("calculator.field.toPort"), in.to()));
    }

    private static FlowCsv.Result readCsv(Path file) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException(Messages.format("calculator.distribution.chooseCsv", FlowCsv.header(false)));
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(Messages.format("calculator.distribution.missingFile", String.valueOf(file)));
        }
        return FlowCsv.parse(Files.readString(file, StandardCharsets.UTF_8), false);
    }

    static int number(String what, String text, int min, int max) {
        String t = text == null ? "" : text.strip().replace(",", "").replace("_", "");
        if (t.isEmpty() || t.length() > 10 || !t.chars().allMatch(Character::isDigit)
                || Long.parseLong(t) < min || Long.parseLong(t) > max) {
            throw new IllegalArgumentException(Messages.format("calculator.field.notNumber", what, text == null ? "" : text.strip(),
                    String.format("%,d-%,d", min, max)));
        }
        return Integer.parseInt(t);
    }

    /** One sentence on how even the spread is, for the panel's summary line. */
    static String describe(Distribution d) {
        Distribution.QueueLoad busiest = null;
        for (Distribution.QueueLoad q : d.queues()) {
            if (q.buckets() > 0 && (busiest == null || q.share() - q.expectedShare() > busiest.share() - busiest.expectedShare())) {
                busiest = q;
            }
        }
        StringBuilder sb = new StringBuilder(Messages.format("calculator.distribution.flows", String.format("%,d", d.flows())));
        if (d.unhashedFlows() > 0) {
            sb.append(Messages.format("calculator.distribution.unhashed", String.format("%,d", d.unhashedFlows())));
        }
        if (busiest != null) {
            sb.append(Messages.format("calculator.distribution.busiest", String.valueOf(busiest.queue()),
                    String.format("%.1f%%", busiest.share() * 100), String.format("%.1f%%", busiest.expectedShare() * 100)));
        }
        ChiSquare chi = d.queueChiSquare();
        if (chi.degreesOfFreedom() > 0) {
            sb.append(Messages.format("calculator.distribution.chiSquare", String.format("%.3g", chi.pValue()), Messages.get(chi.pValue() < 0.01
                    ? "calculator.distribution.uneven" : "calculator.distribution.even")));
        }
        return sb.append(Messages.get("calculator.distribution.end")).toString();
    }

    public ObjectProperty<PopulationChoice> scenarioProperty() {
        return scenario;
    }

    public StringProperty packetsProperty() {
        return packets;
    }

    public StringProperty basePortProperty() {
        return basePort;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<PortSide> sweepSideProperty() {
        return sweepSide;
    }

    public StringProperty sweepFromProperty() {
        return sweepFrom;
    }

    public StringProperty sweepToProperty() {
        return sweepTo;
    }

    public ObjectProperty<Path> csvFileProperty() {
        return csvFile;
    }

    /** One line per queue: buckets, flows, observed and expected share. */
    public ObservableList<Distribution.QueueLoad> queues() {
        return queuesView;
    }

    public ReadOnlyObjectProperty<Distribution> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BackgroundWork work() {
        return work;
    }
}
