package dev.nettune.rss;

import dev.nettune.Phrase;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;

/**
 * Solves for an RSS key that sends chosen flows to chosen queues (or buckets) under a given table.
 *
 * <p>The Toeplitz hash is linear in the key over GF(2): hash bit b (b = 0 the least significant)
 * is the XOR of key bits {@code i + 31 - b} over the set input bits i. When the table size is a
 * power of two, the bucket is the low log2(size) hash bits, so "flow f lands in bucket t" is
 * log2(size) linear equations in the key bits; for other sizes the whole 32-bit hash is pinned to
 * a value that is t mod size (32 equations). An IPv4 4-tuple reads key bits 0-126 only, so about
 * 18 IPv4 flows fit a 128-entry table (7 bits each) and 3 fit a table of another size; IPv6
 * tuples read all 320 bits of a 40-byte key. Each flow may use any bucket of its queue: the solver
 * tries them in turn, keeps the equations in echelon form with Gaussian elimination, and
 * backtracks (jumping straight back to the flows a contradiction names). When no choice works it
 * says which flows conflict: the rows that XOR to the contradiction name them. Free key bits come
 * from a SecureRandom (a random-looking key), from zero, or from a base key. Every solution is
 * checked by hashing each flow with the new key.
 */
public final class KeySolver {

    /** A flow and where it should land. */
    public record Goal(Flow flow, FlowTarget target) {
        public Goal {
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(target, "target");
        }

        public static Goal toQueue(Flow flow, int queue) {
            return new Goal(flow, FlowTarget.queue(queue));
        }
    }

    /** Where the bits of the key that no goal constrains come from. */
    public enum FreeBits {
        /** Random bits from the options' random source (a SecureRandom by default). */
        RANDOM,
        /** Zero bits: the sparsest key that works. */
        ZERO,
        /** The bits of a base key, such as the NIC's current one. */
        BASE_KEY
    }

    /** How to solve: key length in bytes, free bits, a base key for {@link FreeBits#BASE_KEY}, the search budget. */
    public record Options(int keyLength, FreeBits freeBits, Optional<RssKey> baseKey, Random random, int maxTries) {
        public Options {
            if (keyLength < 4) {
                throw new RssInputException(Phrase.of("rss.solve.keyTooShort",
                        "A key of {0} bytes is too short: at least 4 bytes (one hash window).", keyLength));
            }
            Objects.requireNonNull(freeBits, "freeBits");
            Objects.requireNonNull(baseKey, "baseKey");
            Objects.requireNonNull(random, "random");
            if (freeBits == FreeBits.BASE_KEY) {
                RssKey k = baseKey.orElseThrow(() -> new RssInputException(Phrase.of("rss.solve.noBaseKey",
                        "Free bits from a base key need the base key.")));
                if (k.length() != keyLength) {
                    throw new RssInputException(Phrase.of("rss.solve.baseKeyLength",
                            "The base key has {0} bytes but the key to solve has {1}: use a base key of the same length.",
                            k.length(), keyLength));
                }
            }
            if (maxTries < 1) {
                throw new RssInputException(Phrase.of("rss.solve.budget", "The search budget must be at least 1 try."));
            }
        }

        /** A 40-byte key (an ENI's), random-looking, 50,000 bucket choices at most (about a second). */
        public static Options defaults() {
            return new Options(RssKey.ENI_LENGTH, FreeBits.RANDOM, Optional.empty(), new SecureRandom(), 50_000);
        }

        public Options withKeyLength(int length) {
            return new Options(length, freeBits, freeBits == FreeBits.BASE_KEY ? baseKey : Optional.empty(), random, maxTries);
        }

        public Options withFreeBits(FreeBits bits) {
            return new Options(keyLength, bits, baseKey, random, maxTries);
        }

        /** Free bits from {@code key}, which also sets the key length. */
        public Options withBaseKey(RssKey key) {
            return new Options(key.length(), FreeBits.BASE_KEY, Optional.of(key), random, maxTries);
        }

        public Options withRandom(Random r) {
            return new Options(keyLength, freeBits, baseKey, r, maxTries);
        }

        public Options withMaxTries(int tries) {
            return new Options(keyLength, freeBits, baseKey, random, tries);
        }
    }

    /** Where one goal's flow lands under the solved key (checked by hashing). */
    public record Placement(int goal, Flow flow, FlowTarget target, int hash, int bucket, int queue) {
    }

    /** A key that meets every goal, and where each flow lands with it. */
    public record Solution(RssKey key, List<Placement> placements) {
        public Solution {
            placements = List.copyOf(placements);
        }

        /** The table buckets the solution steers the flows into. */
        public SortedSet<Integer> bucketsUsed() {
            TreeSet<Integer> s = new TreeSet<>();
            placements.forEach(p -> {
                if (p.bucket() >= 0) {
                    s.add(p.bucket());
                }
            });
            return s;
        }
    }

    /** Flows that cannot all be met: their goal numbers (from 1, in the order given) and why. */
    public record Conflict(List<Integer> goals, Phrase why) {
        public Conflict {
            goals = List.copyOf(goals);
        }

        /** Why, in English. */
        public String reason() {
            return why.toString();
        }

        /** Why, in {@code locale} (the Calculator's conflicts table, {@code rss solve}). */
        public String reason(java.util.Locale locale) {
            return why.in(locale);
        }

        @Override
        public String toString() {
            return reason();
        }
    }

    /** A solution, or the conflicts that rule one out; {@code tries} counts the bucket choices tried. */
    public record Result(Optional<Solution> solution, List<Conflict> conflicts, int tries) {
        public Result {
            conflicts = List.copyOf(conflicts);
        }

        public boolean solved() {
            return solution.isPresent();
        }
    }

    /** The most goals one solve takes (the search recurses once per goal). */
    public static final int MAX_GOALS = 2000;

    private final IndirectionTable table;

    public KeySolver(IndirectionTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    public IndirectionTable table() {
        return table;
    }

    /**
     * Finds a key for {@code goals}, or says which of them conflict.
     *
     * @throws CancellationException if the calling thread is interrupted while searching
     */
    public Result solve(List<Goal> goals, Options options) {
        if (goals.isEmpty()) {
            throw new RssInputException(Phrase.of("rss.solve.noGoals", "Give at least one flow and the queue it should reach."));
        }
        if (goals.size() > MAX_GOALS) {
            // A 40-byte key has 320 bits; far fewer independent flows than this can ever be met.
            throw new RssInputException(Phrase.of("rss.solve.tooManyGoals",
                    "{0} flows are too many to solve for: at most {1} (a 40-byte key can steer about 45 independent flows in a 128-entry table).",
                    goals.size(), MAX_GOALS));
        }
        for (Goal g : goals) {
            g.target().checkReachable(table);
        }
        List<Conflict> upfront = obviousConflicts(goals);
        if (!upfront.isEmpty()) {
            return new Result(Optional.empty(), upfront, 0);
        }
        Search s = new Search(goals, options);
        Failure f = s.dfs(0);
        if (f == null) {
            RssKey key = s.key();
            return new Result(Optional.of(verify(goals, key)), List.of(), s.tries);
        }
        return new Result(Optional.empty(), List.of(s.explain(f)), s.tries);
    }

    /** Conflicts that need no algebra: non-IP flows sent off queue 0, identical tuples sent to different places. */
    private List<Conflict> obviousConflicts(List<Goal> goals) {
        List<Conflict> out = new ArrayList<>();
        Map<String, Integer> firstByInput = new HashMap<>();
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i);
            if (!g.flow().protocol().isHashed()) {
                boolean fine = !g.target().bucket() && g.target().value() == 0;
                if (!fine) {
                    out.add(new Conflict(List.of(i + 1), Phrase.of("rss.solve.nonIp", "Flow {0} is non-IP: it is never hashed and always"
                            + " goes to queue 0, so it cannot be sent to {1}.", i + 1, g.target())));
                }
                continue;
            }
            String input = java.util.HexFormat.of().formatHex(g.flow().hashInput());
            Integer first = firstByInput.putIfAbsent(input, i);
            if (first != null && !compatible(goals.get(first).target(), g.target())) {
                out.add(new Conflict(List.of(first + 1, i + 1), Phrase.of("rss.solve.sameTuple", "Flows {0} and {1}"
                        + " hash the same tuple ({2}) but want {3} and {4}: no key can separate identical tuples.",
                        first + 1, i + 1, g.flow(), goals.get(first).target(), g.target())));
            }
        }
        return out;
    }

    private boolean compatible(FlowTarget a, FlowTarget b) {
        if (a.bucket() == b.bucket()) {
            return a.value() == b.value();
        }
        FlowTarget bucket = a.bucket() ? a : b;
        FlowTarget queue = a.bucket() ? b : a;
        return table.entry(bucket.value()) == queue.value();
    }

    private Solution verify(List<Goal> goals, RssKey key) {
        RssCalculator calc = new RssCalculator(key, table);
        List<Placement> ps = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            Goal g = goals.get(i);
            FlowResult r = calc.calculate(g.flow());
            boolean met = g.flow().protocol().isHashed() ? g.target().isMetBy(table, r.index()) : r.queue() == 0;
            if (!met) {
                throw new IllegalStateException("Solved key " + key + " sends flow " + (i + 1) + " (" + g.flow() + ") to bucket "
                        + r.index() + ", queue " + r.queue() + ", not " + g.target() + ": the solver is wrong.");
            }
            ps.add(new Placement(i + 1, g.flow(), g.target(), r.hash(), r.index(), r.queue()));
        }
        return new Solution(key, ps);
    }

    /**
     * Why a branch failed: {@code culprits}, the earlier goals whose choices rule it out (backjumping
     * target), {@code involved}, every goal in the contradictions seen, and whether the budget ran out.
     */
    private record Failure(BitSet culprits, BitSet involved, boolean budgetSpent) {
    }

    /** One solve: the echelon basis with an undo log, and the depth-first search over bucket choices. */
    private final class Search {
        private final List<Goal> goals;
        private final Options options;
        private final int vars;
        private final int words;
        private final boolean powerOfTwo;
        private final int bitsPerGoal;
        private final long[][] pivotRow;
        private final boolean[] pivotRhs;
        private final BitSet[] pivotFrom;
        private final int[] undo;
        private int undoTop;
        private int tries;
        private final int[][] inputBits;

        Search(List<Goal> goals, Options options) {
            this.goals = goals;
            this.options = options;
            this.vars = options.keyLength() * 8;
            this.words = (vars + 63) >>> 6;
            this.powerOfTwo = Integer.bitCount(table.size()) == 1;
            this.bitsPerGoal = powerOfTwo ? Integer.numberOfTrailingZeros(table.size()) : 32;
            this.pivotRow = new long[vars][];
            this.pivotRhs = new boolean[vars];
            this.pivotFrom = new BitSet[vars];
            this.undo = new int[vars];
            this.inputBits = new int[goals.size()][];
            for (int g = 0; g < goals.size(); g++) {
                byte[] in = goals.get(g).flow().hashInput();
                int[] bits = new int[in.length * 8];
                int n = 0;
                for (int i = 0; i < in.length * 8; i++) {
                    if (((in[i >>> 3] >>> (7 - (i & 7))) & 1) != 0) {
                        bits[n++] = i;
                    }
                }
                inputBits[g] = java.util.Arrays.copyOf(bits, n);
            }
        }

        /** Hash bit b of goal g as a row over the key bits: key bit i + 31 - b for every set input bit i. */
        private long[] row(int g, int b) {
            long[] r = new long[words];
            for (int i : inputBits[g]) {
                int k = i + 31 - b;
                if (k < vars) {
                    r[k >>> 6] ^= 1L << (k & 63);
                }
            }
            return r;
        }

        private int nextSetBit(long[] r, int from) {
            int w = from >>> 6;
            if (w >= words) {
                return -1;
            }
            long word = r[w] & (-1L << (from & 63));
            while (true) {
                if (word != 0) {
                    return (w << 6) + Long.numberOfTrailingZeros(word);
                }
                if (++w >= words) {
                    return -1;
                }
                word = r[w];
            }
        }

        /** Adds one equation; null if it fits, else the equation ids whose XOR is the contradiction 0 = 1. */
        private BitSet insert(long[] r, boolean rhs, int id) {
            BitSet from = new BitSet();
            from.set(id);
            for (int c = nextSetBit(r, 0); c >= 0; c = nextSetBit(r, c + 1)) {
                long[] p = pivotRow[c];
                if (p != null) {
                    for (int w = 0; w < words; w++) {
                        r[w] ^= p[w];
                    }
                    rhs ^= pivotRhs[c];
                    from.xor(pivotFrom[c]);
                }
            }
            int lead = nextSetBit(r, 0);
            if (lead < 0) {
                return rhs ? from : null;
            }
            pivotRow[lead] = r;
            pivotRhs[lead] = rhs;
            pivotFrom[lead] = from;
            undo[undoTop++] = lead;
            return null;
        }

        private void undoTo(int mark) {
            while (undoTop > mark) {
                int c = undo[--undoTop];
                pivotRow[c] = null;
                pivotFrom[c] = null;
            }
        }

        /** The values the constrained hash bits may take for goal g: one per candidate bucket, in random order. */
        private long[] candidates(int g) {
            int[] buckets = goals.get(g).target().buckets(table);
            long[] out = new long[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                long v = buckets[i];
                if (!powerOfTwo) {
                    long maxMultiple = (0xffffffffL - v) / table.size();
                    v += table.size() * (long) (options.random().nextDouble() * (maxMultiple + 1));
                }
                out[i] = v;
            }
            for (int i = out.length - 1; i > 0; i--) {
                int j = options.random().nextInt(i + 1);
                long t = out[i];
                out[i] = out[j];
                out[j] = t;
            }
            return out;
        }

        /** Places goals g.. in turn; null when all are placed, else why not. */
        Failure dfs(int g) {
            if (g == goals.size()) {
                return null;
            }
            if (!goals.get(g).flow().protocol().isHashed()) {
                // Checked up front: a non-IP goal here wants queue 0 and gets it without a hash.
                return dfs(g + 1);
            }
            BitSet culprits = new BitSet();
            BitSet involved = new BitSet();
            involved.set(g);
            for (long value : candidates(g)) {
                if (tries >= options.maxTries()) {
                    return new Failure(culprits, involved, true);
                }
                if ((tries & 0xff) == 0 && Thread.currentThread().isInterrupted()) {
                    // A screen's background task was cancelled (Task.cancel interrupts its thread).
                    throw new CancellationException("Key solving stopped after " + tries + " bucket choices.");
                }
                tries++;
                int mark = undoTop;
                BitSet bad = null;
                for (int b = 0; b < bitsPerGoal && bad == null; b++) {
                    bad = insert(row(g, b), ((value >>> b) & 1) != 0, g * 32 + b);
                }
                if (bad != null) {
                    for (int id = bad.nextSetBit(0); id >= 0; id = bad.nextSetBit(id + 1)) {
                        involved.set(id / 32);
                        if (id / 32 != g) {
                            culprits.set(id / 32);
                        }
                    }
                    undoTo(mark);
                    continue;
                }
                Failure below = dfs(g + 1);
                if (below == null) {
                    return null;
                }
                undoTo(mark);
                if (below.budgetSpent() || !below.culprits().get(g)) {
                    // This goal's choice is not part of the contradiction found below: jump past it.
                    return below;
                }
                culprits.or(below.culprits());
                culprits.clear(g);
                involved.or(below.involved());
            }
            return new Failure(culprits, involved, false);
        }

        /** The key: pivots back-substituted from the highest column down, free bits as the options say. */
        RssKey key() {
            boolean[] k = new boolean[vars];
            for (int c = 0; c < vars; c++) {
                k[c] = switch (options.freeBits()) {
                    case RANDOM -> options.random().nextBoolean();
                    case ZERO -> false;
                    case BASE_KEY -> ((options.baseKey().orElseThrow().byteAt(c >>> 3) >>> (7 - (c & 7))) & 1) != 0;
                };
            }
            for (int c = vars - 1; c >= 0; c--) {
                long[] p = pivotRow[c];
                if (p == null) {
                    continue;
                }
                boolean v = pivotRhs[c];
                for (int j = nextSetBit(p, c + 1); j >= 0; j = nextSetBit(p, j + 1)) {
                    v ^= k[j];
                }
                k[c] = v;
            }
            byte[] bytes = new byte[options.keyLength()];
            for (int c = 0; c < vars; c++) {
                if (k[c]) {
                    bytes[c >>> 3] |= (byte) (0x80 >>> (c & 7));
                }
            }
            return RssKey.of(bytes);
        }

        Conflict explain(Failure f) {
            List<Integer> numbers = new ArrayList<>();
            for (int g = f.involved().nextSetBit(0); g >= 0; g = f.involved().nextSetBit(g + 1)) {
                numbers.add(g + 1);
            }
            Phrase what = bitsPerGoal == 32 ? Phrase.of("rss.solve.wholeHashes", "their whole hashes")
                    : Phrase.of("rss.solve.lowBits", "the low {0} hash bits (the bucket)", bitsPerGoal);
            if (f.budgetSpent()) {
                return new Conflict(numbers, Phrase.of("rss.solve.budgetSpent", "No key found within {0} bucket choices; flows"
                        + " {1} were still in conflict. Give fewer flows, or a table with more buckets per queue.",
                        options.maxTries(), join(numbers)));
            }
            if (numbers.size() == 1) {
                int g = numbers.get(0) - 1;
                return new Conflict(numbers, Phrase.of("rss.solve.unreachable", "Flow {0} ({1}) cannot reach {2} with any key:"
                        + " the bits of its tuple fix {3} to values that no bucket of that target has.",
                        numbers.get(0), goals.get(g).flow(), goals.get(g).target(), what));
            }
            return new Conflict(numbers, Phrase.of("rss.solve.dependent", "Flows {0} cannot all be met: {1}"
                    + " of these tuples are linearly dependent (one tuple's bits are the XOR of others'), so their"
                    + " buckets are tied together and no key gives each the target it wants. Drop or change one of them.",
                    join(numbers), what));
        }

        // "1, 2 and 3" in the user's language.
        private Object join(List<Integer> n) {
            if (n.size() == 1) {
                return String.valueOf(n.get(0));
            }
            StringBuilder head = new StringBuilder();
            for (int i = 0; i < n.size() - 1; i++) {
                head.append(i == 0 ? "" : ", ").append(n.get(i));
            }
            return Phrase.of("rss.solve.flowList", "{0} and {1}", head.toString(), n.get(n.size() - 1));
        }
    }
}
