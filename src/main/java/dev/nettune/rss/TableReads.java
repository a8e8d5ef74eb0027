package dev.nettune.rss;

import java.lang.reflect.Field;
import java.nio.ByteOrder;

/**
 * Reads of the Toeplitz lookup tables without the JVM's bounds check, for the hot 4-tuple paths whose masks and
 * constant offsets already keep every index inside the table.
 *
 * <p>Why: C2 cannot drop a bounds check on an array whose length it does not know (a per-key table held in a field),
 * so each of the 12 (IPv4) or 36 (IPv6) lookups of a 4-tuple paid an add, a compare and a branch beside its load; that
 * was most of the distance to the table-driven C Toeplitz (Java/C 1.36x IPv4, 2.21x IPv6). A read is eight bytes whose
 * low half is the entry (little-endian): the hashes XOR them as {@code long}s and keep the low 32 bits, so C2's rule
 * that unrolls any loop holding four or more int XORs (meant for CRC32) does not unroll a caller's loop over hashes
 * into a match tree too big to compile (it gave up with "Out of stack space" and left the loop to C1). Tables carry
 * one spare entry at the end for the upper half of the last entry's read.
 *
 * <p>Where sun.misc.Unsafe is missing, the platform is big-endian, or the JDK warns about its memory access (24 on,
 * JEP 498), {@link #RAW} is false and reads are ordinary array reads: the same hashes, bounds-checked.
 */
final class TableReads {
    /** Whether reads skip the bounds check; false on a JVM where that would not be the same entry or would warn. */
    static final boolean RAW;
    private static final sun.misc.Unsafe UNSAFE;
    private static final long BASE;

    static {
        sun.misc.Unsafe u = null;
        long base = 0;
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN && Runtime.version().feature() < 24
                && !Boolean.getBoolean("nettune.rss.checkedReads")) {
            try {
                Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                u = (sun.misc.Unsafe) f.get(null);
                base = u.arrayBaseOffset(int[].class);
                if (u.arrayIndexScale(int[].class) != Integer.BYTES) {
                    u = null;
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                u = null; // the checked reads below serve
            }
        }
        UNSAFE = u;
        BASE = base;
        RAW = u != null;
    }

    private TableReads() {
    }

    /**
     * Entry {@code i} of {@code t} in the low 32 bits (the high half is not part of it: callers XOR and keep the low
     * half). {@code t} must hold an entry at {@code i + 1}; callers compute {@code i} from masks and constants that
     * keep it below {@code t.length - 1}.
     */
    static long entry(int[] t, int i) {
        return RAW ? UNSAFE.getLong(t, BASE + ((long) i << 2)) : t[i];
    }

    /** The bounds-checked read {@link #entry} falls back to, for tests to compare the two on every index. */
    static long checkedEntry(int[] t, int i) {
        return t[i];
    }
}
