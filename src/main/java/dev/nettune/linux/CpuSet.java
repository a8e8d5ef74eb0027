package dev.nettune.linux;

import dev.nettune.Phrase;
import java.util.BitSet;
import java.util.stream.IntStream;

/**
 * A set of CPUs, in the two spellings the kernel uses: a CPU list ({@code 0-3,8}, as in
 * {@code smp_affinity_list} and {@code /sys/devices/system/cpu/online}) and a hex mask in
 * comma-separated 32-bit groups ({@code f}, {@code 00000000,0000010f}, as in {@code xps_cpus} and
 * {@code smp_affinity}). Files that take a mask reject a list: {@code echo 0-3 > xps_cpus} fails with
 * "write error: Invalid argument", so a list is never accepted where a mask is meant.
 */
public final class CpuSet {
    /** The most CPUs a set may name (the kernel's NR_CPUS on large x86 builds). */
    public static final int MAX_CPUS = 8192;

    private final BitSet bits;

    private CpuSet(BitSet bits) {
        this.bits = (BitSet) bits.clone();
    }

    public static CpuSet of(int... cpus) {
        BitSet b = new BitSet();
        for (int c : cpus) {
            check(c, String.valueOf(c));
            b.set(c);
        }
        return new CpuSet(b);
    }

    /** CPUs {@code from} to {@code to} inclusive. */
    public static CpuSet range(int from, int to) {
        check(from, from + "-" + to);
        check(to, from + "-" + to);
        if (to < from) {
            throw new dev.nettune.InputException(Phrase.of("linux.cpus.rangeBackwards",
                    "CPU range {0}-{1} runs backwards; write the lower CPU first.", from, to));
        }
        BitSet b = new BitSet();
        b.set(from, to + 1);
        return new CpuSet(b);
    }

    public static CpuSet empty() {
        return new CpuSet(new BitSet());
    }

    /** Parses a CPU list such as {@code 0-3,8} or {@code 0,2-5} (empty text is the empty set). */
    public static CpuSet parseList(String text) {
        String t = text.strip();
        BitSet b = new BitSet();
        if (t.isEmpty()) {
            return new CpuSet(b);
        }
        for (String part : t.split(",", -1)) {
            String p = part.strip();
            int dash = p.indexOf('-');
            try {
                if (dash < 0) {
                    int c = Integer.parseInt(p);
                    check(c, text);
                    b.set(c);
                } else {
                    int from = Integer.parseInt(p.substring(0, dash));
                    int to = Integer.parseInt(p.substring(dash + 1));
                    check(from, text);
                    check(to, text);
                    if (to < from) {
                        throw new dev.nettune.InputException(Phrase.of("linux.cpus.listRangeBackwards",
                                "CPU list '{0}': range {1} runs backwards; write the lower CPU first, e.g. 0-3.", text, p));
                    }
                    b.set(from, to + 1);
                }
            } catch (NumberFormatException e) {
                throw new dev.nettune.InputException(Phrase.of("linux.cpus.notList",
                        "Not a CPU list: '{0}'. A list is CPU numbers and ranges separated by commas, e.g. 0-3,8.", text));
            }
        }
        return new CpuSet(b);
    }

    /**
     * Parses a hex CPU mask as the kernel prints and takes it: hex digits, optionally in comma-separated
     * groups of up to 8 digits (32 bits), most significant group first. A CPU list such as {@code 0-3}
     * is refused with the reason.
     */
    public static CpuSet parseMask(String text) {
        String t = text.strip();
        if (t.startsWith("0x") || t.startsWith("0X")) {
            t = t.substring(2);
        }
        if (t.contains("-")) {
            throw new dev.nettune.InputException(Phrase.of("linux.cpus.listNotMask", "'{0}' is a CPU list, not a CPU mask: xps_cpus and"
                    + " smp_affinity take a hex mask (CPUs 0-3 are 'f'); the kernel refuses a list with 'write error: Invalid argument'."
                    + " Use {1}.", text, suggestMask(text)));
        }
        if (t.isEmpty() || !t.matches("[0-9a-fA-F]{1,8}(,[0-9a-fA-F]{1,8})*")) {
            throw new dev.nettune.InputException(Phrase.of("linux.cpus.notMask", "Not a CPU mask: '{0}'. A mask is hex digits in"
                    + " comma-separated groups of at most 8 (32 CPUs each), e.g. f or 00000000,000000ff.", text));
        }
        String[] groups = t.split(",");
        BitSet b = new BitSet();
        int bit = 0;
        for (int g = groups.length - 1; g >= 0; g--) {
            long v = Long.parseLong(groups[g], 16);
            for (int i = 0; i < 32; i++) {
                if ((v >>> i & 1) != 0) {
                    check(bit + i, text);
                    b.set(bit + i);
                }
            }
            bit += 32;
        }
        return new CpuSet(b);
    }

    private static Phrase suggestMask(String maybeList) {
        try {
            return Phrase.of("linux.cpus.maskFor", "'{0}' for CPUs {1}", parseList(maybeList).toMask(), maybeList.strip());
        } catch (IllegalArgumentException e) {
            return Phrase.of("linux.cpus.anyMask", "a hex mask such as f");
        }
    }

    private static void check(int cpu, String text) {
        if (cpu < 0 || cpu >= MAX_CPUS) {
            throw new dev.nettune.InputException(Phrase.of("linux.cpus.outOfRange",
                    "CPU {0} in '{1}' is out of range; CPUs are numbered 0 to {2}.", cpu, text, MAX_CPUS - 1));
        }
    }

    public boolean contains(int cpu) {
        return cpu >= 0 && bits.get(cpu);
    }

    public int size() {
        return bits.cardinality();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    public IntStream cpus() {
        return bits.stream();
    }

    /** The highest CPU in the set, or -1 when empty. */
    public int highest() {
        return bits.length() - 1;
    }

    public boolean isSubsetOf(CpuSet other) {
        BitSet b = (BitSet) bits.clone();
        b.andNot(other.bits);
        return b.isEmpty();
    }

    /** The list spelling, ranges collapsed: {@code 0-3,8}; the empty set is the empty string. */
    public String toList() {
        StringBuilder sb = new StringBuilder();
        int i = bits.nextSetBit(0);
        while (i >= 0) {
            int end = bits.nextClearBit(i) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (end > i) {
                sb.append('-').append(end);
            }
            i = bits.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    /** The shortest hex mask the kernel takes: {@code f}, {@code 1,00000000} for CPU 32. */
    public String toMask() {
        return toMask(Math.max(1, highest() + 1));
    }

    /**
     * The mask as the kernel prints it on a machine with {@code cpuCount} possible CPUs: 32-bit groups
     * separated by commas, the first group only as wide as needed, the others 8 digits.
     */
    public String toMask(int cpuCount) {
        if (highest() >= cpuCount) {
            throw new dev.nettune.InputException(Phrase.of("linux.cpus.beyondMachine",
                    "CPU {0} does not exist on a machine with {1} CPUs.", highest(), cpuCount));
        }
        int groups = Math.max(1, (cpuCount + 31) / 32);
        StringBuilder sb = new StringBuilder();
        for (int g = groups - 1; g >= 0; g--) {
            long v = 0;
            for (int i = 0; i < 32; i++) {
                if (bits.get(g * 32 + i)) {
                    v |= 1L << i;
                }
            }
            if (g == groups - 1) {
                int digits = Math.max(1, ((cpuCount - g * 32) + 3) / 4);
                sb.append(String.format("%0" + digits + "x", v));
            } else {
                sb.append(',').append(String.format("%08x", v));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuSet c && c.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return toList();
    }
}
