package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.BackgroundWork;
import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.KeySolver;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.List;
import java.util.stream.Collectors;
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
 * The Key solving panel: flows, each with the queue it should reach, in; a key that sends every
 * flow there (and the buckets it uses) or the flows that conflict, out. Solved off the UI thread.
 */
public final class KeySolverViewModel {
    /**
     * The example the panel opens with: four clients of the ENI 10.0.0.5:80, one per queue. (Four
     * consecutive source ports of one client would not do on the 64-queue table: their tuples differ
     * in neighbouring bits, which ties their buckets together, and the solver says so.)
     */
    static final String EXAMPLE = "# src,dst,sport,dport,queue (both ports empty = ICMP, addresses only)\n"
            + "10.0.0.252,10.0.0.5,40001,80,0\n"
            + "10.0.0.253,10.0.0.5,40002,80,1\n"
            + "10.0.0.254,10.0.0.5,40003,80,2\n"
            + "10.0.1.17,10.0.0.5,51234,80,3\n";

    private final CalculatorViewModel calculator;
    private final BackgroundWork work;

    private final StringProperty goals = new SimpleStringProperty(EXAMPLE);
    private final ObjectProperty<KeySolver.FreeBits> freeBits = new SimpleObjectProperty<>(KeySolver.FreeBits.RANDOM);

    private final ReadOnlyObjectWrapper<RssKey> solvedKey = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper solvedKeyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper bucketsUsed = new ReadOnlyStringWrapper("");
    private final ObservableList<KeySolver.Placement> placements = FXCollections.observableArrayList();
    private final ObservableList<KeySolver.Placement> placementsView = FXCollections.unmodifiableObservableList(placements);
    private final ObservableList<KeySolver.Conflict> conflicts = FXCollections.observableArrayList();
    private final ObservableList<KeySolver.Conflict> conflictsView = FXCollections.unmodifiableObservableList(conflicts);

    public KeySolverViewModel(CalculatorViewModel calculator, BackgroundWork work) {
        this.calculator = calculator;
        this.work = work;
    }

    /** Appends the calculator's flow with the queue it lands on now, to be edited to the wanted queue. */
    public void addCurrentFlow() {
        Flow f = calculator.flowProperty().get();
        if (f == null || !f.protocol().isHashed()) {
            return;
        }
        String ports = f.protocol().hashesPorts() ? f.sourcePort() + "," + f.destinationPort() : ",";
        int q = Math.max(calculator.queueProperty().get(), 0);
        String text = goals.get() == null ? "" : goals.get();
        goals.set(text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n")
                + f.source() + "," + f.destination() + "," + ports + "," + q + "\n");
    }

    /** Solves in the background; bad rows or a missing table only set the status. */
    public void run() {
        IndirectionTable table = calculator.tableProperty().get();
        String text = goals.get() == null ? "" : goals.get();
        KeySolver.FreeBits bits = freeBits.get();
        int keyLength = Math.max(4, calculator.keyLengthProperty().get());
        RssKey current = calculator.keyProperty().get();
        work.start(Messages.get("calculator.solver.working"), reporter -> {
            if (table == null) {
                throw new IllegalArgumentException(Messages.get("calculator.solver.needsTable"));
            }
            FlowCsv.Result rows = FlowCsv.parse(text, true);
            if (!rows.problems().isEmpty()) {
                throw new IllegalArgumentException(Messages.format("calculator.solver.badFlows", rows.problems().stream()
                        .map(p -> Messages.say(p.phrase())).collect(Collectors.joining("; "))));
            }
            List<KeySolver.Goal> g = rows.rows().stream()
                    .map(r -> KeySolver.Goal.toQueue(r.flow(), r.queue().getAsInt())).toList();
            KeySolver.Options options = KeySolver.Options.defaults().withKeyLength(keyLength);
            if (bits == KeySolver.FreeBits.BASE_KEY) {
                if (current == null) {
                    throw new IllegalArgumentException(Messages.get("calculator.solver.needsKey"));
                }
                options = options.withBaseKey(current);
            } else {
                options = options.withFreeBits(bits);
            }
            return new KeySolver(table).solve(g, options);
        }, this::show, r -> r.solved()
                ? Messages.format("calculator.solver.solved", String.valueOf(r.tries()))
                : Messages.format("calculator.solver.noKey", String.valueOf(r.conflicts().size())));
    }

    private void show(KeySolver.Result r) {
        if (r.solved()) {
            KeySolver.Solution s = r.solution().get();
            solvedKey.set(s.key());
            solvedKeyText.set(s.key().toColonHex());
            bucketsUsed.set(s.bucketsUsed().stream().map(String::valueOf).collect(Collectors.joining(", ")));
            placements.setAll(s.placements());
            conflicts.clear();
        } else {
            solvedKey.set(null);
            solvedKeyText.set("");
            bucketsUsed.set("");
            placements.clear();
            conflicts.setAll(r.conflicts());
        }
    }

    /** Puts the solved key in the calculator's key field, so every flow above can be checked there. */
    public void useSolvedKey() {
        RssKey k = solvedKey.get();
        if (k != null) {
            calculator.keyLengthProperty().set(k.length());
            calculator.keyTextProperty().set(k.toColonHex());
        }
    }

    public StringProperty goalsProperty() {
        return goals;
    }

    public ObjectProperty<KeySolver.FreeBits> freeBitsProperty() {
        return freeBits;
    }

    public ReadOnlyObjectProperty<RssKey> solvedKeyProperty() {
        return solvedKey.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty solvedKeyTextProperty() {
        return solvedKeyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bucketsUsedProperty() {
        return bucketsUsed.getReadOnlyProperty();
    }

    public ObservableList<KeySolver.Placement> placements() {
        return placementsView;
    }

    public ObservableList<KeySolver.Conflict> conflicts() {
        return conflictsView;
    }

    public BackgroundWork work() {
        return work;
    }
}
