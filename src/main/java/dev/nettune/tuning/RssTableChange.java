package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.Reading;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.TableSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A NIC's RSS indirection table, filled by {@code ethtool -X NIC [start S] equal N | weight W... |
 * default}. Its canonical value is {@code request|rings|entries}, so that a revert knows both what
 * the table held and which {@code ethtool -X} request puts it back.
 */
public record RssTableChange(String nic, String spec) implements Change {
    /** A table that no single ethtool -X request produces (it can only be put back as the default). */
    public static final String CUSTOM = "custom";

    public RssTableChange {
        TuningInputException.checkNic(nic);
        try {
            spec = TableSpec.parse(spec).toString();
        } catch (RssInputException e) {
            throw new TuningInputException(Phrase.of("tuning.rssTable.bad", "RSS table for {0}: {1}", nic, e));
        }
    }

    public TableSpec tableSpec() {
        return TableSpec.parse(spec);
    }

    /** The canonical value of a table read from a NIC with {@code rings} rings. */
    public static String value(IndirectionTable table, int rings) {
        return recognise(table, rings) + "|" + rings + "|"
                + Arrays.stream(table.entries()).mapToObj(Integer::toString).collect(Collectors.joining(" "));
    }

    /** The table a canonical value ({@code request|rings|entries}) holds; empty for a value of another shape. */
    public static Optional<IndirectionTable> tableOf(String value) {
        try {
            Parsed p = Parsed.of(value);
            return p.entries().length == 0 ? Optional.empty() : Optional.of(IndirectionTable.of(p.entries(), OptionalInt.of(p.rings())));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether two optional canonical values hold the same entries (the request text may differ). */
    static boolean sameEntries(Optional<String> a, Optional<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return a.isEmpty() && b.isEmpty();
        }
        return tableOf(a.get()).equals(tableOf(b.get()));
    }

    /** The ethtool -X request that fills exactly this table, or {@link #CUSTOM}. */
    static String recognise(IndirectionTable t, int rings) {
        int[] e = t.entries();
        int size = e.length;
        if (t.equals(IndirectionTable.defaultFor(size, rings))) {
            return "default";
        }
        int start = Arrays.stream(e).min().orElse(0);
        for (int n = 1; n <= Math.min(size, 65536); n++) {
            boolean ok = true;
            for (int i = 0; i < size && ok; i++) {
                ok = e[i] == start + (i % n);
            }
            if (ok) {
                return (start > 0 ? "start " + start + " " : "") + "equal " + n;
            }
        }
        boolean ascending = true;
        for (int i = 1; i < size && ascending; i++) {
            ascending = e[i] >= e[i - 1];
        }
        if (ascending) {
            List<Integer> w = new ArrayList<>();
            for (int q = start; q <= e[size - 1]; q++) {
                final int qq = q;
                w.add((int) Arrays.stream(e).filter(x -> x == qq).count());
            }
            TableSpec candidate = start > 0 ? TableSpec.weight(w, start) : TableSpec.weight(w);
            if (candidate.build(size, OptionalInt.empty()).equals(t)) {
                return candidate.toString();
            }
        }
        return CUSTOM;
    }

    record Parsed(String request, int rings, int[] entries) {
        static Parsed of(String value) {
            String[] p = value.split("\\|", 3);
            int[] e = p[2].isBlank() ? new int[0] : Arrays.stream(p[2].split(" ")).mapToInt(Integer::parseInt).toArray();
            return new Parsed(p[0], Integer.parseInt(p[1]), e);
        }
    }

    @Override
    public String target() {
        return "rss-table " + nic;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        return dev.nettune.Phrase.of("tuning.title.rssTable", "RSS indirection table of {0}", nic);
    }


    /** Without a host the ring count is unknown; the plan uses {@link #desiredGiven}. */
    @Override
    public String desired() {
        return spec;
    }

    @Override
    public String desiredGiven(String current) {
        Parsed now = Parsed.of(current);
        IndirectionTable t = tableSpec().build(now.entries().length, OptionalInt.of(now.rings()));
        return value(t, now.rings());
    }

    @Override
    public List<Phrase> problemsGiven(String current) {
        Parsed now = Parsed.of(current);
        try {
            tableSpec().build(now.entries().length, OptionalInt.of(now.rings()));
            return List.of();
        } catch (RssInputException e) {
            return List.of(Planner.titled(this, e.phrase()));
        }
    }

    @Override
    public List<Command> readCommands() {
        return List.of(NicRssReader.command(nic));
    }

    @Override
    public Reading<String> read(List<CommandResult> results) {
        return Change.readTool(results.get(0), "ethtool -x " + nic, out -> {
            EthtoolRss rss = NicRssReader.parse(out);
            if (rss.table().isEmpty() || rss.ringCount().isEmpty()) {
                return Reading.unknown(Phrase.of("tuning.read.noTable", "{0} has no settable RSS table ({1})", nic,
                        rss.tableReason().<Object>map(p -> p).orElse(Phrase.of("tuning.read.ethtoolShowsNone", "ethtool -x shows none"))));
            }
            return Reading.known(value(rss.table().get(), rss.ringCount().getAsInt()));
        });
    }

    /** Same entries: the request text may differ (equal 4 on 4 rings is the default). */
    @Override
    public boolean satisfies(String observed, String wanted) {
        return Arrays.equals(Parsed.of(observed).entries(), Parsed.of(wanted).entries());
    }

    @Override
    public List<Action> actions(String from, String to) {
        String request = Parsed.of(to).request();
        List<String> args = new ArrayList<>(List.of("-X", nic));
        args.addAll(CUSTOM.equals(request) ? List.of("default") : List.of(request.split(" ")));
        return List.of(new Action.Run(Command.of("ethtool", args).asRoot()));
    }

    @Override
    public String show(String value) {
        if (!value.contains("|")) {
            return value;
        }
        Parsed p = Parsed.of(value);
        return p.request() + " (" + p.entries().length + " entries, " + p.rings() + " rings)";
    }

    @Override
    public Phrase showPhrase(String value) {
        if (!value.contains("|")) {
            return Phrase.literal(value);
        }
        Parsed p = Parsed.of(value);
        // The request ("equal 4", "default") is what ethtool -X takes: it stays as typed.
        return Phrase.of("tuning.rssTable.shown", "{0} ({1} entries, {2} rings)", p.request(), String.valueOf(p.entries().length),
                String.valueOf(p.rings()));
    }

    @Override
    public Optional<String> affectedNic() {
        return Optional.of(nic);
    }

    @Override
    public boolean canCutSession() {
        return true;
    }

    @Override
    public List<Phrase> warnings(String before, HostFacts facts) {
        List<Phrase> w = new ArrayList<>();
        if (CUSTOM.equals(Parsed.of(before).request())) {
            w.add(Phrase.of("tuning.rssTable.custom", "The current table is not one ethtool -X request can rebuild: a rollback or undo"
                    + " sets the default."));
        }
        w.add(Phrase.of("tuning.rssTable.lost", "The table is lost on reboot or ENI re-attach unless persisted with the boot re-apply unit."));
        return w;
    }
}
