package dev.nettune.ui.calculator;

import dev.nettune.ui.common.Messages;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.LinuxParseException;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssCalculator;
import dev.nettune.rss.RssKey;
import dev.nettune.rss.TableSpec;
import dev.nettune.rss.ToeplitzHash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the Calculator screen shows, computed from what the user typed: flow, key and table
 * in; hash, bucket, queue, per-field error messages and the queue counts out. Recomputed on every
 * change, synchronously (one hash is nanoseconds). Plain JavaFX properties, no toolkit needed.
 */
public final class CalculatorViewModel {
    /** What a result field shows when it cannot be computed. */
    public static final String NONE = "\u2014";

    // The seed's worked example (eni-custom-rss): 10.0.0.251:18042 -> 10.0.0.1:26000 lands in bucket 117, queue 53.
    static final String SEED_SOURCE = "10.0.0.251";
    static final String SEED_DESTINATION = "10.0.0.1";
    static final String SEED_KEY = "69:e8:7c:56:bf:03:9f:63:d7:c5:e5:96:b3:00:36:93:02:8c:d2:8f:"
            + "cc:a9:00:65:fd:c8:94:71:5f:fd:c8:de:7a:30:a9:73:b3:33:0c:c6";

    private final StringProperty source = new SimpleStringProperty(SEED_SOURCE);
    private final StringProperty destination = new SimpleStringProperty(SEED_DESTINATION);
    private final StringProperty sourcePort = new SimpleStringProperty("18042");
    private final StringProperty destinationPort = new SimpleStringProperty("26000");
    private final ObjectProperty<Protocol> protocol = new SimpleObjectProperty<>(Protocol.TCP);
    private final StringProperty keyText = new SimpleStringProperty(SEED_KEY);
    private final IntegerProperty keyLength = new SimpleIntegerProperty(RssKey.ENI_LENGTH);

    private final ObjectProperty<TableFill> tableMode = new SimpleObjectProperty<>(TableFill.EQUAL);
    private final StringProperty equalQueues = new SimpleStringProperty("64");
    private final StringProperty weights = new SimpleStringProperty("6 4");
    private final StringProperty start = new SimpleStringProperty("");
    private final StringProperty ringCount = new SimpleStringProperty("");
    private final StringProperty tableSize = new SimpleStringProperty(String.valueOf(IndirectionTable.ENI_SIZE));
    private final ObjectProperty<EthtoolRss> pasted = new SimpleObjectProperty<>();

    private final ReadOnlyStringWrapper sourceError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper destinationError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourcePortError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper destinationPortError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper keyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tableError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pasteError = new ReadOnlyStringWrapper("");

    private final ReadOnlyStringWrapper hashHex = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyStringWrapper hashDecimal = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyIntegerWrapper bucket = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper queue = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper bucketText = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyStringWrapper queueText = new ReadOnlyStringWrapper(NONE);
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<IndirectionTable> table = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RssKey> key = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Flow> flow = new ReadOnlyObjectWrapper<>();
    private final ObservableList<QueueBuckets> queueCounts = FXCollections.observableArrayList();
    private final ObservableList<QueueBuckets> queueCountsView = FXCollections.unmodifiableObservableList(queueCounts);
    private final ReadOnlyBooleanWrapper addressesUsed = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper portsUsed = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper keyNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tableSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RssCalculator> calculator = new ReadOnlyObjectWrapper<>();

    private final IntegerProperty hoveredBucket = new SimpleIntegerProperty(-1);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper("");
    private final BooleanProperty recomputing = new SimpleBooleanProperty(false);

    public CalculatorViewModel() {
        Observable[] inputs = {source, destination, sourcePort, destinationPort, protocol, keyText, keyLength,
            tableMode, equalQueues, weights, start, ringCount, tableSize, pasted};
        for (Observable o : inputs) {
            o.addListener(x -> recompute());
        }
        hoveredBucket.addListener(x -> updateHoverText());
        recompute();
    }

    // ---- actions ----

    /** Puts a fresh random key of the selected length in the key field. */
    public void randomKey() {
        keyText.set(RssKey.random(validKeyLength()).toColonHex());
    }

    /** Puts the symmetric key ({@code 6d:5a} repeated) of the selected length in the key field. */
    public void symmetricKey() {
        keyText.set(RssKey.symmetric(validKeyLength()).toColonHex());
    }

    private int validKeyLength() {
        return Math.max(4, keyLength.get());
    }

    /**
     * Takes the table, ring count and key from a pasted {@code ethtool -x} output. Returns false (and
     * sets {@link #pasteErrorProperty()}) when the text is not such an output or has no table.
     */
    public boolean applyEthtoolOutput(String text) {
        EthtoolRss rss;
        try {
            rss = EthtoolRssParser.parse(text == null ? "" : text);
        } catch (LinuxParseException | IllegalArgumentException e) {
            pasteError.set(Messages.problem(e));
            return false;
        }
        if (rss.table().isEmpty()) {
            pasteError.set(Messages.format("calculator.paste.noTable", rss.tableReason().map(Messages::say).orElse("-")));
            return false;
        }
        pasteError.set("");
        recomputing.set(true);
        try {
            pasted.set(rss);
            rss.ringCount().ifPresentOrElse(r -> ringCount.set(String.valueOf(r)), () -> ringCount.set(""));
            tableSize.set(String.valueOf(rss.table().get().size()));
            rss.key().ifPresent(k -> {
                keyLength.set(k.length());
                keyText.set(k.toColonHex());
            });
            tableMode.set(TableFill.PASTED);
        } finally {
            recomputing.set(false);
        }
        recompute();
        return true;
    }

    // ---- the computation ----

    private void recompute() {
        if (recomputing.get()) {
            return;
        }
        Protocol p = protocol.get() == null ? Protocol.TCP : protocol.get();
        addressesUsed.set(p.isHashed());
        portsUsed.set(p.hashesPorts());

        IpAddress src = null;
        IpAddress dst = null;
        if (p.isHashed()) {
            src = parse(source.get(), sourceError);
            dst = parse(destination.get(), destinationError);
        } else {
            sourceError.set("");
            destinationError.set("");
        }
        int sport = 0;
        int dport = 0;
        if (p.hashesPorts()) {
            sport = port(Messages.get("calculator.field.sourcePort"), sourcePort.get(), sourcePortError);
            dport = port(Messages.get("calculator.field.destinationPort"), destinationPort.get(), destinationPortError);
        } else {
            sourcePortError.set("");
            destinationPortError.set("");
        }

        Flow f = null;
        boolean flowInputsOk = !p.isHashed() || src != null && dst != null;
        if (p.hashesPorts() && (sport < 0 || dport < 0)) {
            flowInputsOk = false;
        }
        if (flowInputsOk) {
            try {
                f = new Flow(src, dst, Math.max(sport, 0), Math.max(dport, 0), p);
            } catch (IllegalArgumentException e) {
                // Only a family mix gets here: blame the destination, the field usually typed second.
                destinationError.set(Messages.problem(e));
            }
        }
        flow.set(f);

        RssKey k = null;
        try {
            k = RssKey.parse(keyText.get(), validKeyLength());
            keyError.set("");
        } catch (IllegalArgumentException e) {
            keyError.set(Messages.problem(e));
        }
        key.set(k);
        keyNote.set(k != null && k.equals(RssKey.symmetric(k.length())) ? Messages.say(RssKey.symmetricNote()) : "");

        IndirectionTable t = buildTable();
        table.set(t);
        updateCounts(t);

        RssCalculator calc = k != null && t != null ? reuse(k, t) : null;
        calculator.set(calc);
        if (f != null && k != null) {
            int h = (calc != null ? calc.toeplitz() : new ToeplitzHash(k)).hash(f);
            boolean hashed = p.isHashed();
            hashHex.set(hashed ? String.format("0x%08x", h) : NONE);
            hashDecimal.set(hashed ? Long.toString(h & 0xffffffffL) : NONE);
            if (t != null) {
                int index = hashed ? t.indexOf(h) : -1;
                int q = hashed ? t.entry(index) : 0;
                bucket.set(index);
                queue.set(q);
                bucketText.set(hashed ? String.valueOf(index) : NONE);
                queueText.set(String.valueOf(q));
                explanation.set(explain(f, h, index, q, t));
            } else {
                clearPlacement(Messages.format("calculator.placement.badTable", tableError.get()));
            }
        } else {
            hashHex.set(NONE);
            hashDecimal.set(NONE);
            clearPlacement(Messages.get("calculator.placement.fixFields"));
        }
        updateHoverText();
    }

    /** The calculator for this key and table, reusing the current one's Toeplitz tables when the key is the same. */
    private RssCalculator reuse(RssKey k, IndirectionTable t) {
        RssCalculator current = calculator.get();
        if (current != null && current.key().equals(k)) {
            return current.table().equals(t) && current.table().ringCount().equals(t.ringCount()) ? current : current.withTable(t);
        }
        return new RssCalculator(k, t);
    }

    private void clearPlacement(String why) {
        bucket.set(-1);
        queue.set(-1);
        bucketText.set(NONE);
        queueText.set(NONE);
        explanation.set(why);
    }

    private static String explain(Flow f, int hash, int index, int q, IndirectionTable t) {
        if (!f.protocol().isHashed()) {
            return Messages.get("calculator.explain.notHashed");
        }
        return Messages.format(f.protocol().hashesPorts() ? "calculator.explain.fourTuple" : "calculator.explain.twoTuple",
                f.toString(), String.format("0x%08x", hash), Integer.toUnsignedString(hash), String.valueOf(t.size()),
                String.valueOf(index), String.valueOf(q));
    }

    private static IpAddress parse(String text, ReadOnlyStringWrapper error) {
        try {
            IpAddress a = IpAddress.parse(text);
            error.set("");
            return a;
        } catch (IllegalArgumentException e) {
            error.set(Messages.problem(e));
            return null;
        }
    }

    private static int port(String what, String text, ReadOnlyStringWrapper error) {
        try {
            int p = Flow.parsePort(what, text);
            error.set("");
            return p;
        } catch (IllegalArgumentException e) {
            error.set(Messages.problem(e));
            return -1;
        }
    }

    private IndirectionTable buildTable() {
        try {
            TableFill fill = tableMode.get() == null ? TableFill.EQUAL : tableMode.get();
            IndirectionTable t;
            if (fill == TableFill.PASTED) {
                t = pastedTable();
            } else {
                TableSpec spec = switch (fill) {
                    case EQUAL -> TableSpec.parseEqual(equalQueues.get(), start.get());
                    case WEIGHT -> TableSpec.parseWeight(weights.get(), start.get());
                    default -> TableSpec.defaultSpread();
                };
                t = spec.build(TableSpec.parseSize(tableSize.get()), TableSpec.parseRingCount(ringCount.get()));
            }
            tableError.set("");
            tableSummary.set(summary(t));
            return t;
        } catch (IllegalArgumentException e) {
            tableError.set(Messages.problem(e));
            tableSummary.set("");
            return null;
        }
    }

    private IndirectionTable pastedTable() {
        EthtoolRss p = pasted.get();
        if (p == null || p.table().isEmpty()) {
            throw new IllegalArgumentException(Messages.get("calculator.nothingPasted"));
        }
        IndirectionTable t = p.table().get();
        OptionalInt r = TableSpec.parseRingCount(ringCount.get());
        return r.isPresent() ? t.withRingCount(r.getAsInt()) : t;
    }

    private String summary(IndirectionTable t) {
        int used = (int) t.bucketsPerQueue().values().stream().filter(c -> c > 0).count();
        String s = dev.nettune.ui.common.Messages.format("calculator.summary", String.valueOf(t.size()), used);
        return t.ringCount().isPresent() ? dev.nettune.ui.common.Messages.format("calculator.summaryRings", s, String.valueOf(t.ringCount().getAsInt())) : s;
    }

    private void updateCounts(IndirectionTable t) {
        if (t == null) {
            queueCounts.clear();
            return;
        }
        List<QueueBuckets> counts = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : t.bucketsPerQueue().entrySet()) {
            counts.add(new QueueBuckets(e.getKey(), e.getValue(), e.getValue() / (double) t.size()));
        }
        queueCounts.setAll(counts);
    }

    private void updateHoverText() {
        int b = hoveredBucket.get();
        IndirectionTable t = table.get();
        if (b < 0 || t == null || b >= t.size()) {
            hoverText.set("");
            return;
        }
        int q = t.entry(b);
        long same = t.bucketsPerQueue().getOrDefault(q, 0);
        hoverText.set(Messages.format(b == bucket.get() ? "calculator.hover.flowBucket" : "calculator.hover.bucket", String.valueOf(b),
                String.valueOf(q), String.valueOf(same), String.valueOf(t.size())));
    }

    // ---- properties ----

    public StringProperty sourceProperty() {
        return source;
    }

    public StringProperty destinationProperty() {
        return destination;
    }

    public StringProperty sourcePortProperty() {
        return sourcePort;
    }

    public StringProperty destinationPortProperty() {
        return destinationPort;
    }

    public ObjectProperty<Protocol> protocolProperty() {
        return protocol;
    }

    public StringProperty keyTextProperty() {
        return keyText;
    }

    public IntegerProperty keyLengthProperty() {
        return keyLength;
    }

    public ObjectProperty<TableFill> tableModeProperty() {
        return tableMode;
    }

    public StringProperty equalQueuesProperty() {
        return equalQueues;
    }

    public StringProperty weightsProperty() {
        return weights;
    }

    public StringProperty startProperty() {
        return start;
    }

    public StringProperty ringCountProperty() {
        return ringCount;
    }

    public StringProperty tableSizeProperty() {
        return tableSize;
    }

    public IntegerProperty hoveredBucketProperty() {
        return hoveredBucket;
    }

    public ReadOnlyStringProperty sourceErrorProperty() {
        return sourceError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty destinationErrorProperty() {
        return destinationError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourcePortErrorProperty() {
        return sourcePortError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty destinationPortErrorProperty() {
        return destinationPortError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyErrorProperty() {
        return keyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tableErrorProperty() {
        return tableError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pasteErrorProperty() {
        return pasteError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hashHexProperty() {
        return hashHex.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hashDecimalProperty() {
        return hashDecimal.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty bucketProperty() {
        return bucket.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty queueProperty() {
        return queue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bucketTextProperty() {
        return bucketText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty queueTextProperty() {
        return queueText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<IndirectionTable> tableProperty() {
        return table.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RssKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Flow> flowProperty() {
        return flow.getReadOnlyProperty();
    }

    public ObservableList<QueueBuckets> queueCounts() {
        return queueCountsView;
    }

    public ReadOnlyBooleanProperty addressesUsedProperty() {
        return addressesUsed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty portsUsedProperty() {
        return portsUsed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty keyNoteProperty() {
        return keyNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty tableSummaryProperty() {
        return tableSummary.getReadOnlyProperty();
    }

    /** Key and table together, for the distribution, reverse search and key solving; null while either is invalid. */
    public ReadOnlyObjectProperty<RssCalculator> calculatorProperty() {
        return calculator.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    /** The NIC name of the pasted output, if a table was pasted. */
    public Optional<String> pastedNic() {
        return Optional.ofNullable(pasted.get()).map(EthtoolRss::nic);
    }
}
