package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What NetTune knows about the sysctls it tunes: integer ranges and what the values mean. Any
 * other well-formed sysctl is accepted as text (one line, no shell or file-format characters).
 */
public final class SysctlSpec {
    /** A sysctl name in dotted form: {@code net.ipv4.tcp_fin_timeout}. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_]+(\\.[A-Za-z0-9_-]+){1,8}");
    private static final Pattern TEXT = Pattern.compile("[A-Za-z0-9_.:,/+-]+( [A-Za-z0-9_.:,/+-]+)*");

    /** An integer sysctl with its allowed range and a hint of what the values mean. */
    public record IntRange(long min, long max, String meaning) {
    }

    private static final Map<String, IntRange> KNOWN = Map.of(
            "net.ipv4.tcp_tw_reuse", new IntRange(0, 2, "0 = off, 1 = on, 2 = loopback only"),
            "net.ipv4.tcp_max_tw_buckets", new IntRange(0, Integer.MAX_VALUE, "sockets in TIME-WAIT held at most"),
            "net.ipv4.tcp_fin_timeout", new IntRange(1, 120, "seconds in FIN-WAIT-2; the kernel caps it at 120"),
            "net.smc.smc_enabled", new IntRange(0, 1, "0 = off, 1 = on"),
            "net.smc.smc_rdma_enabled", new IntRange(0, 1, "0 = off, 1 = on"));

    private SysctlSpec() {
    }

    public static Optional<IntRange> known(String name) {
        return Optional.ofNullable(KNOWN.get(name));
    }

    /** Checks a name: dotted, lower-case first segment, no slashes or spaces. */
    public static String checkName(String name) {
        if (name == null || name.length() > 128 || !NAME.matcher(name).matches()) {
            throw new TuningInputException(Phrase.of("tuning.sysctl.badName", "'{0}' is not a sysctl name: use the dotted form,"
                    + " for example net.ipv4.tcp_fin_timeout (letters, digits, _ and -, at most 128 characters).", name));
        }
        return name;
    }

    /** The value in canonical form (single spaces), or a message saying what the sysctl accepts. */
    public static String checkValue(String name, String value) {
        String v = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        IntRange r = KNOWN.get(name);
        if (r != null) {
            long n;
            try {
                n = Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new TuningInputException(Phrase.of("tuning.sysctl.notNumber",
                        "{0} = '{1}' is not a whole number: it takes {2}-{3} ({4}).", name, value, r.min(), r.max(),
                        Phrase.of("tuning.sysctl.meaning." + name, r.meaning())));
            }
            if (n < r.min() || n > r.max()) {
                throw new TuningInputException(Phrase.of("tuning.sysctl.outOfRange",
                        "{0} = {1} is out of range: it takes {2}-{3} ({4}).", name, n, r.min(), r.max(),
                        Phrase.of("tuning.sysctl.meaning." + name, r.meaning())));
            }
            return Long.toString(n);
        }
        if (v.isEmpty() || v.length() > 256 || !TEXT.matcher(v).matches()) {
            throw new TuningInputException(Phrase.of("tuning.sysctl.badValue", "{0} = '{1}' is not a value NetTune writes: one line of"
                    + " letters, digits, spaces and _.:,/+- (at most 256 characters).", name, value));
        }
        return v;
    }
}
