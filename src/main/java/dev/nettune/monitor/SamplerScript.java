package dev.nettune.monitor;

import dev.nettune.host.Command;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one long-running command that samples a NIC: a fixed POSIX sh loop, written by NetTune,
 * that prints a marker with the host's uptime, the NIC's sysfs statistics, {@code ethtool -S},
 * {@code /proc/interrupts} and the NET_RX line of {@code /proc/softirqs}, then sleeps. The NIC
 * name and the interval are validated and passed as positional arguments ($1, $2), never spliced
 * into the script text.
 */
public final class SamplerScript {
    /** Linux interface names: at most 15 characters (IFNAMSIZ - 1) from this set. */
    private static final Pattern NIC = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    public static final String SAMPLE_MARKER = "@@nettune-sample";
    public static final String SECTION_MARKER = "@@section";
    public static final String END_MARKER = "@@end";
    /** $0 of the script: how it shows in {@code ps} on the host. */
    public static final String PROCESS_NAME = "nettune-sampler";

    /** The loop. Only $1 (the NIC) and $2 (seconds to sleep) vary, and they arrive as arguments. */
    public static final String SCRIPT = String.join("\n",
            "nic=\"$1\"; iv=\"$2\"",
            "while :; do",
            "  read up idle < /proc/uptime",
            "  echo \"" + SAMPLE_MARKER + " $up\"",
            "  echo \"" + SECTION_MARKER + " statistics\"",
            "  (cd \"/sys/class/net/$nic/statistics\" && grep . *) 2>&1",
            "  echo \"" + SECTION_MARKER + " ethtool\"",
            "  ethtool -S \"$nic\" 2>&1",
            "  echo \"" + SECTION_MARKER + " interrupts\"",
            "  cat /proc/interrupts 2>&1",
            "  echo \"" + SECTION_MARKER + " softirqs\"",
            "  grep -E '^ *(CPU|NET_RX)' /proc/softirqs 2>&1",
            "  echo \"" + END_MARKER + "\"",
            "  sleep \"$iv\" || exit 1",
            "done");

    /** One snapshot, no loop: the verifier's before/after readings use the same sections and parser. */
    public static final String ONCE_SCRIPT = String.join("\n",
            "nic=\"$1\"",
            "read up idle < /proc/uptime",
            "echo \"" + SAMPLE_MARKER + " $up\"",
            "echo \"" + SECTION_MARKER + " statistics\"",
            "(cd \"/sys/class/net/$nic/statistics\" && grep . *) 2>&1",
            "echo \"" + SECTION_MARKER + " ethtool\"",
            "ethtool -S \"$nic\" 2>&1",
            "echo \"" + SECTION_MARKER + " interrupts\"",
            "cat /proc/interrupts 2>&1",
            "echo \"" + SECTION_MARKER + " softirqs\"",
            "grep -E '^ *(CPU|NET_RX)' /proc/softirqs 2>&1",
            "echo \"" + END_MARKER + "\"");

    /**
     * One snapshot of the counters only (the NIC's sysfs statistics and {@code ethtool -S}): what the fleet
     * monitor needs per instance (queue shares, drops), at half the parsing of a full frame without
     * /proc/interrupts and /proc/softirqs.
     */
    public static final String COUNTERS_SCRIPT = String.join("\n",
            "nic=\"$1\"",
            "read up idle < /proc/uptime",
            "echo \"" + SAMPLE_MARKER + " $up\"",
            "echo \"" + SECTION_MARKER + " statistics\"",
            "(cd \"/sys/class/net/$nic/statistics\" && grep . *) 2>&1",
            "echo \"" + SECTION_MARKER + " ethtool\"",
            "ethtool -S \"$nic\" 2>&1",
            "echo \"" + END_MARKER + "\"");

    private SamplerScript() {
    }

    /** Checks a NIC name; the message says what is allowed. */
    public static String checkNic(String nic) {
        if (nic == null || !NIC.matcher(nic).matches()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.nic.name", "'{0}' is not a network interface name:"
                    + " use 1-15 letters, digits, '_', '.', ':' or '-' (for example eth1).", String.valueOf(nic)));
        }
        return nic;
    }

    /** {@code sh -c SCRIPT nettune-sampler NIC SECONDS}. */
    public static Command command(String nic, SamplingInterval interval) {
        return Command.of("sh", List.of("-c", SCRIPT, PROCESS_NAME, checkNic(nic), interval.sleepArgument()));
    }

    /** {@code sh -c ONCE_SCRIPT nettune-sampler NIC}: one snapshot. */
    public static Command onceCommand(String nic) {
        return Command.of("sh", List.of("-c", ONCE_SCRIPT, PROCESS_NAME, checkNic(nic)));
    }

    /** {@code sh -c COUNTERS_SCRIPT nettune-sampler NIC}: one snapshot of the counters only. */
    public static Command countersCommand(String nic) {
        return Command.of("sh", List.of("-c", COUNTERS_SCRIPT, PROCESS_NAME, checkNic(nic)));
    }

    /** True for a command built by {@link #onceCommand} (or {@link #countersCommand}, see {@link #isCountersCommand}). */
    public static boolean isOnceCommand(Command command) {
        List<String> a = command.args();
        return command.program().equals("sh") && a.size() == 4 && a.get(0).equals("-c")
                && (a.get(1).equals(ONCE_SCRIPT) || a.get(1).equals(COUNTERS_SCRIPT)) && a.get(2).equals(PROCESS_NAME);
    }

    /** True for a command built by {@link #countersCommand}. */
    public static boolean isCountersCommand(Command command) {
        return isOnceCommand(command) && command.args().get(1).equals(COUNTERS_SCRIPT);
    }

    /** A frame's text without its interrupts and softirqs sections (what {@link #COUNTERS_SCRIPT} prints). */
    public static String countersOnly(String frame) {
        int cut = frame.indexOf(SECTION_MARKER + " interrupts");
        int end = frame.indexOf(END_MARKER);
        return cut < 0 || end < cut ? frame : frame.substring(0, cut) + frame.substring(end);
    }

    /** True for a command built by {@link #command}: how a simulated host recognises the sampler. */
    public static boolean isSamplerCommand(Command command) {
        List<String> a = command.args();
        return command.program().equals("sh") && a.size() == 5 && a.get(0).equals("-c") && a.get(1).equals(SCRIPT)
                && a.get(2).equals(PROCESS_NAME);
    }

    /** The NIC a sampler command samples. */
    public static String nicOf(Command command) {
        return command.args().get(3);
    }

    /** The interval a sampler command sleeps. */
    public static SamplingInterval intervalOf(Command command) {
        return SamplingInterval.ofSeconds(command.args().get(4));
    }
}
