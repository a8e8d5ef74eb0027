package dev.nettune.rss;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A user's {@code ethtool -X} table request ({@code [start S] equal N}, {@code [start S] weight
 * W0 W1 ...} or {@code default}), independent of a device: it builds the {@link IndirectionTable}
 * for a table size and ring count, and renders itself back as {@code ethtool -X} arguments.
 * Shared by the CLI, the Calculator screen and the tuning steps so all three mean the same thing.
 */
public record TableSpec(TableMode mode, int queues, List<Integer> weights, OptionalInt start) {

    public TableSpec {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(start, "start");
        weights = List.copyOf(weights == null ? List.of() : weights);
        switch (mode) {
            case EQUAL -> {
                if (queues < 1) {
                    throw new RssInputException(Phrase.of("rss.table.equalZero", "equal {0} is not allowed: spread over at least 1 queue.", queues));
                }
                if (!weights.isEmpty()) {
                    throw new RssInputException(Phrase.of("rss.table.equalAndWeight", "equal and weight cannot be combined: choose one."));
                }
            }
            case WEIGHT -> {
                if (weights.isEmpty()) {
                    throw new RssInputException(Phrase.of("rss.table.noWeights", "weight needs at least one weight, for example: weight 6 4."));
                }
                long sum = 0;
                for (int i = 0; i < weights.size(); i++) {
                    int w = weights.get(i);
                    if (w < 0) {
                        throw new RssInputException(Phrase.of("rss.table.negativeWeight", "Weight {0} is {1}: weights are 0 or more.", i, w));
                    }
                    sum += w;
                }
                if (sum == 0) {
                    throw new RssInputException(Phrase.of("rss.table.zeroWeights", "All weights are zero: at least one queue must get a share."));
                }
                queues = weights.size();
            }
            case DEFAULT -> {
                if (start.isPresent()) {
                    throw new RssInputException(Phrase.of("rss.table.startAlone",
                            "start {0} needs equal N or weight W...: ethtool takes start only together with one of them.", start.getAsInt()));
                }
                if (!weights.isEmpty()) {
                    throw new RssInputException(Phrase.of("rss.table.defaultWeights", "default takes no weights: use weight W... instead."));
                }
                queues = 0;
            }
            default -> throw new IllegalStateException();
        }
        if (start.isPresent() && start.getAsInt() < 0) {
            throw new RssInputException(Phrase.of("rss.table.negativeStart", "start {0} is negative: queue numbers start at 0.", start.getAsInt()));
        }
    }

    /** {@code equal N}. */
    public static TableSpec equal(int queues) {
        return new TableSpec(TableMode.EQUAL, queues, List.of(), OptionalInt.empty());
    }

    /** {@code start S equal N}. */
    public static TableSpec equal(int queues, int start) {
        return new TableSpec(TableMode.EQUAL, queues, List.of(), OptionalInt.of(start));
    }

    /** {@code weight W0 W1 ...}. */
    public static TableSpec weight(List<Integer> weights) {
        return new TableSpec(TableMode.WEIGHT, 0, weights, OptionalInt.empty());
    }

    /** {@code start S weight W0 W1 ...}. */
    public static TableSpec weight(List<Integer> weights, int start) {
        return new TableSpec(TableMode.WEIGHT, 0, weights, OptionalInt.of(start));
    }

    /** {@code default}: i mod ring count. */
    public static TableSpec defaultSpread() {
        return new TableSpec(TableMode.DEFAULT, 0, List.of(), OptionalInt.empty());
    }

    /**
     * From the options of a form or a command line: at most one of {@code equal} and
     * {@code weights}; {@code start} only with one of them; neither means {@code default}.
     */
    public static TableSpec of(OptionalInt equal, List<Integer> weights, OptionalInt start) {
        boolean hasWeights = weights != null && !weights.isEmpty();
        if (equal.isPresent() && hasWeights) {
            throw new RssInputException(Phrase.of("rss.table.equalAndWeight", "equal and weight cannot be combined: choose one."));
        }
        if (equal.isPresent()) {
            return new TableSpec(TableMode.EQUAL, equal.getAsInt(), List.of(), start);
        }
        if (hasWeights) {
            return new TableSpec(TableMode.WEIGHT, 0, weights, start);
        }
        return new TableSpec(TableMode.DEFAULT, 0, List.of(), start);
    }

    /**
     * Parses the table part of an {@code ethtool -X} command line, for example
     * {@code start 2 equal 40}, {@code weight 6 4} or {@code default}.
     */
    public static TableSpec parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.isEmpty()) {
            throw new RssInputException(Phrase.of("rss.table.requestEmpty",
                    "The table request is empty: use equal N, weight W0 W1 ..., or default, optionally with start S."));
        }
        String[] w = s.split("\\s+");
        OptionalInt equal = OptionalInt.empty();
        OptionalInt start = OptionalInt.empty();
        List<Integer> weights = new ArrayList<>();
        boolean dflt = false;
        boolean sawWeight = false;
        for (int i = 0; i < w.length; i++) {
            switch (w[i]) {
                case "equal" -> equal = OptionalInt.of(number(w, ++i, "equal", Phrase.of("rss.table.expectQueues", "the number of queues, like equal 4")));
                case "start" -> start = OptionalInt.of(number(w, ++i, "start", Phrase.of("rss.table.expectStart", "the first queue, like start 2")));
                case "default" -> dflt = true;
                case "weight" -> {
                    sawWeight = true;
                    while (i + 1 < w.length && isNumber(w[i + 1])) {
                        weights.add(number(w, ++i, "weight", Phrase.of("rss.table.expectWeight", "a weight")));
                    }
                    if (weights.isEmpty()) {
                        throw new RssInputException(Phrase.of("rss.table.noWeights", "weight needs at least one weight, for example: weight 6 4."));
                    }
                }
                default -> throw new RssInputException(Phrase.of("rss.table.unknownWord",
                        "'{0}' is not part of a table request: use equal N, weight W0 W1 ..., or default, optionally with start S.", w[i]));
            }
        }
        if (dflt && (equal.isPresent() || sawWeight)) {
            throw new RssInputException(Phrase.of("rss.table.defaultCombined", "default cannot be combined with equal or weight: choose one."));
        }
        return of(equal, weights, start);
    }

    /**
     * A form's "equal" request: the number of queues as typed, and the first queue as typed ("" for 0).
     * Messages say what was typed and what is allowed.
     */
    public static TableSpec parseEqual(String queues, String start) {
        return of(OptionalInt.of(wholeNumber("equal", queues)), List.of(), parseStart(start));
    }

    /** A form's "weight" request: weights separated by spaces or commas, and the first queue as typed. */
    public static TableSpec parseWeight(String weights, String start) {
        return of(OptionalInt.empty(), parseWeights(weights), parseStart(start));
    }

    /** The first queue as typed: empty text means none (queue 0). */
    public static OptionalInt parseStart(String text) {
        String s = text == null ? "" : text.strip();
        return s.isEmpty() ? OptionalInt.empty() : OptionalInt.of(wholeNumber("start", s));
    }

    /** Weights as typed, for example "6 4" or "6, 4". */
    public static List<Integer> parseWeights(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new RssInputException(Phrase.of("rss.table.noWeights", "weight needs at least one weight, for example: weight 6 4."));
        }
        List<Integer> out = new ArrayList<>();
        String[] parts = s.split("[\\s,]+");
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("-?\\d{1,6}")) {
                throw new RssInputException(Phrase.of("rss.table.badWeight",
                        "Weight {0} is '{1}': weights are whole numbers separated by spaces, for example 6 4.", i, parts[i]));
            }
            out.add(Integer.parseInt(parts[i]));
        }
        return out;
    }

    /** A table size as typed (an ENI's table has 128 entries). */
    public static int parseSize(String text) {
        String s = text == null ? "" : text.strip();
        if (!s.matches("\\d{1,6}")) {
            throw new RssInputException(Phrase.of("rss.table.badSize", "Table size '{0}' is not a whole number: an ENI has 128 entries.", s));
        }
        return Integer.parseInt(s);
    }

    /** An RX ring count as typed: empty means unknown. */
    public static OptionalInt parseRingCount(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            return OptionalInt.empty();
        }
        if (!s.matches("\\d{1,5}") || Integer.parseInt(s) < 1) {
            throw new RssInputException(Phrase.of("rss.table.badRings",
                    "Ring count '{0}' is not valid: give the number of RX rings (1 or more), or leave it empty.", s));
        }
        return OptionalInt.of(Integer.parseInt(s));
    }

    private static int wholeNumber(String what, String text) {
        String s = text == null ? "" : text.strip();
        if (!s.matches("-?\\d{1,6}")) {
            throw new RssInputException("start".equals(what)
                    ? Phrase.of("rss.table.badStart", "{0} '{1}' is not a whole number: give the first queue, like 2 (or leave it empty for 0).", what, s)
                    : Phrase.of("rss.table.badQueues", "{0} '{1}' is not a whole number: give the number of queues, like 4.", what, s));
        }
        return Integer.parseInt(s);
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static int number(String[] words, int i, String after, Phrase expected) {
        if (i >= words.length || !isNumber(words[i])) {
            throw new RssInputException(i < words.length
                    ? Phrase.of("rss.table.numberExpectedNot", "{0} must be followed by {1}, not '{2}'.", after, expected, words[i])
                    : Phrase.of("rss.table.numberExpected", "{0} must be followed by {1}.", after, expected));
        }
        return Integer.parseInt(words[i]);
    }

    /** The first queue of an equal or weight fill (0 unless {@code start} was given). */
    public int firstQueue() {
        return start.orElse(0);
    }

    /**
     * The table this request gives on a device with {@code size} entries and, if known,
     * {@code ringCount} rings. {@code default} needs the ring count.
     */
    public IndirectionTable build(int size, OptionalInt ringCount) {
        return switch (mode) {
            case EQUAL -> IndirectionTable.equal(size, queues, firstQueue(), ringCount);
            case WEIGHT -> IndirectionTable.weight(size, weights, firstQueue(), ringCount);
            case DEFAULT -> IndirectionTable.defaultFor(size,
                    ringCount.orElseThrow(() -> new RssInputException(Phrase.of("rss.table.defaultNeedsRings",
                            "default spreads over the NIC's rings, and the ring count is not known: give the ring"
                                    + " count, or use equal N."))));
        };
    }

    /** {@link #build(int, OptionalInt)} for an ENI's 128-entry table. */
    public IndirectionTable build(OptionalInt ringCount) {
        return build(IndirectionTable.ENI_SIZE, ringCount);
    }

    /** The arguments that follow {@code ethtool -X NIC}, for example {@code start 2 equal 40}. */
    public List<String> toEthtoolArguments() {
        List<String> a = new ArrayList<>();
        if (start.isPresent()) {
            a.add("start");
            a.add(Integer.toString(start.getAsInt()));
        }
        switch (mode) {
            case EQUAL -> {
                a.add("equal");
                a.add(Integer.toString(queues));
            }
            case WEIGHT -> {
                a.add("weight");
                weights.forEach(x -> a.add(Integer.toString(x)));
            }
            case DEFAULT -> a.add("default");
            default -> throw new IllegalStateException();
        }
        return List.copyOf(a);
    }

    @Override
    public String toString() {
        return toEthtoolArguments().stream().collect(Collectors.joining(" "));
    }
}
