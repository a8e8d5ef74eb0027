package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.BackgroundWork;
import dev.nettune.ui.common.Exports;
import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.FlowResult;
import dev.nettune.rss.FlowTarget;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.ReverseSearch;
import dev.nettune.rss.RssCalculator;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Reverse search panel: which source (or destination) ports of a range send the calculator's
 * flow to queue Q (or bucket B). Searched off the UI thread.
 */
public final class ReverseSearchViewModel {
    /** Ranges longer than this are cut in the summary; the table lists every port. */
    static final int SUMMARY_RANGES_MAX = 240;

    /** One port found, and where the flow lands with it. */
    public record PortRow(int port, String hash, int bucket, int queue) {
    }

    private final CalculatorViewModel calculator;
    private final BackgroundWork work;

    private final ObjectProperty<PortSide> side = new SimpleObjectProperty<>(PortSide.SOURCE);
    private final StringProperty from = new SimpleStringProperty("1024");
    private final StringProperty to = new SimpleStringProperty("65535");
    private final BooleanProperty bucketTarget = new SimpleBooleanProperty(false);
    private final StringProperty target = new SimpleStringProperty("0");

    private final ObservableList<PortRow> ports = FXCollections.observableArrayList();
    private final ObservableList<PortRow> portsView = FXCollections.unmodifiableObservableList(ports);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public ReverseSearchViewModel(CalculatorViewModel calculator, BackgroundWork work) {
        this.calculator = calculator;
        this.work = work;
    }

    /** Searches the range in the background; a bad input only sets the status. */
    public void run() {
        RssCalculator calc = calculator.calculatorProperty().get();
        Flow flow = calculator.flowProperty().get();
        PortSide s = side.get();
        String fromText = from.get();
        String toText = to.get();
        String targetText = target.get();
        boolean bucket = bucketTarget.get();
        work.start(Messages.get("calculator.search.working"), reporter -> {
            if (calc == null) {
                throw new IllegalArgumentException(Messages.get("calculator.search.needsKeyAndTable"));
            }
            if (flow == null || !flow.protocol().hashesPorts()) {
                throw new IllegalArgumentException(Messages.get("calculator.search.needsFlow"));
            }
            int value = bucket ? DistributionViewModel.number(Messages.get("calculator.field.bucket"), targetText, 0, calc.table().size() - 1)
                    : FlowCsv.parseQueue(targetText);
            FlowTarget t = bucket ? FlowTarget.bucket(value) : FlowTarget.queue(value);
            ReverseSearch.Result r = ReverseSearch.ports(calc, flow, s, Flow.parsePort(Messages.get("calculator.field.fromPort"), fromText),
                    Flow.parsePort(Messages.get("calculator.field.toPort"), toText), t);
            List<PortRow> rows = new ArrayList<>(r.ports().size());
            for (int p : r.ports()) {
                FlowResult fr = calc.calculate(s.withPort(flow, p));
                rows.add(new PortRow(p, fr.hashHex(), fr.index(), fr.queue()));
            }
            return new Found(r, rows);
        }, found -> {
            ports.setAll(found.rows());
            summary.set(describe(found.result()));
        }, found -> Messages.format("calculator.search.found", String.format("%,d", found.rows().size())));
    }

    /** The ports found as CSV (port, hash, bucket, queue). */
    public String csv() {
        if (ports.isEmpty()) {
            throw new IllegalStateException(Messages.get("calculator.search.nothingYet"));
        }
        StringBuilder sb = new StringBuilder("port,hash,bucket,queue\n");
        for (PortRow r : ports) {
            sb.append(r.port()).append(',').append(r.hash()).append(',').append(r.bucket()).append(',').append(r.queue()).append('\n');
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

    private record Found(ReverseSearch.Result result, List<PortRow> rows) {
    }

    static String describe(ReverseSearch.Result r) {
        String ranges = r.ranges();
        if (ranges.length() > SUMMARY_RANGES_MAX) {
            ranges = ranges.substring(0, ranges.lastIndexOf(',', SUMMARY_RANGES_MAX)) + ", \u2026";
        }
        String which = Messages.format("calculator.search.which", Messages.get("calculator.side." + r.side().name()), String.valueOf(r.from()), String.valueOf(r.to()));
        if (r.ports().isEmpty()) {
            return Messages.format("calculator.search.none", String.format("%,d", r.scanned()), which, String.valueOf(r.template()),
                    String.valueOf(r.target()));
        }
        return Messages.format("calculator.search.summary", String.format("%,d", r.ports().size()), String.format("%,d", r.scanned()),
                which, String.format("%.1f%%", 100.0 * r.ports().size() / r.scanned()), String.valueOf(r.target()), ranges);
    }

    public ObjectProperty<PortSide> sideProperty() {
        return side;
    }

    public StringProperty fromProperty() {
        return from;
    }

    public StringProperty toProperty() {
        return to;
    }

    /** True: the target is a bucket; false: a queue. */
    public BooleanProperty bucketTargetProperty() {
        return bucketTarget;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObservableList<PortRow> ports() {
        return portsView;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public BackgroundWork work() {
        return work;
    }
}
