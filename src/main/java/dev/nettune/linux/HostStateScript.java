package dev.nettune.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fixed list of probes that reads a whole {@link HostState} in ONE round trip (one
 * {@code Host.runAll}): structured commands for host-wide facts, and one {@code sh -c} script, written
 * by NetTune and never changed at run time, that walks {@code /sys/class/net} and runs the per-NIC
 * probes. The only input of that script is an optional NIC name, validated by {@link NicName} and
 * passed as a positional argument (never spliced into the script text).
 *
 * <p>The per-NIC script prints each probe as a section: a line {@code @@nettune NIC PROBE EXIT}
 * followed by the probe's output (stdout and stderr together).
 */
public final class HostStateScript {
    /**
     * Every IRQ's CPU list as {@code /proc/irq/N/smp_affinity_list:CPUS} lines. A glob, not
     * {@code grep -r --include}, because busybox grep has no {@code --include} (the rig guest refused it).
     */
    public static final String IRQ_AFFINITY_SCRIPT = "grep -H . /proc/irq/*/smp_affinity_list";


    /** One probe: an id and the program with its arguments. */
    public record Probe(String id, List<String> argv) {
        public Probe {
            argv = List.copyOf(argv);
        }

        public String program() {
            return argv.get(0);
        }

        public List<String> args() {
            return argv.subList(1, argv.size());
        }
    }

    public static final String SECTION_MARK = "@@nettune ";

    /** The per-NIC probes; {@code $nic} is each interface under /sys/class/net (or the one named). */
    public static final String PER_NIC_SCRIPT = String.join("\n",
            "p() { n=$1; shift; o=$(\"$@\" 2>&1); r=$?; printf '@@nettune %s %s %s\\n%s\\n' \"$nic\" \"$n\" \"$r\" \"$o\"; }",
            "[ \"$#\" -gt 0 ] || set -- $(ls /sys/class/net)",
            "for nic in \"$@\"; do",
            "  [ -e \"/sys/class/net/$nic/ifindex\" ] || { printf '@@nettune %s missing 1\\nno such network interface\\n' \"$nic\"; continue; }",
            "  [ \"$nic\" = lo ] && continue",
            "  p ifindex cat \"/sys/class/net/$nic/ifindex\"",
            "  p device readlink \"/sys/class/net/$nic/device\"",
            "  p ethtool-i ethtool -i \"$nic\"",
            "  p ethtool-l ethtool -l \"$nic\"",
            "  p ethtool-x ethtool -x \"$nic\"",
            "  p ethtool-S ethtool -S \"$nic\"",
            "  for t in tcp4 udp4 tcp6 udp6; do p \"rx-flow-hash-$t\" ethtool -n \"$nic\" rx-flow-hash \"$t\"; done",
            "  for q in \"/sys/class/net/$nic/queues/\"tx-*; do p \"xps-${q##*/}\" cat \"$q/xps_cpus\"; done",
            "done",
            "");

    /** The name the per-NIC script runs under ($0). */
    public static final String SCRIPT_NAME = "nettune-state";

    public static final String KERNEL = "kernel";
    public static final String OS_RELEASE = "os-release";
    public static final String CPU_ONLINE = "cpu-online";
    public static final String CPU_PRESENT = "cpu-present";
    public static final String INTERRUPTS = "interrupts";
    public static final String IRQ_AFFINITY = "irq-affinity";
    public static final String LINKS = "links";
    public static final String SYSCTL_TIME_WAIT = "sysctl-time-wait";
    public static final String SYSCTL_SMC = "sysctl-smc";
    public static final String MODULES = "modules";
    public static final String NMCLI = "nmcli";
    public static final String SERVICES = "services";
    public static final String TUNING_CONF = "tuning-conf";
    public static final String QSTATS = "qstats";
    public static final String PER_NIC = "per-nic";

    private HostStateScript() {
    }

    /** The probes in the order they run; {@code nic} limits the per-NIC part to one interface. */
    public static List<Probe> probes(Optional<NicName> nic) {
        List<Probe> p = new ArrayList<>();
        p.add(new Probe(KERNEL, List.of("uname", "-r")));
        p.add(new Probe(OS_RELEASE, List.of("cat", "/etc/os-release")));
        p.add(new Probe(CPU_ONLINE, List.of("cat", "/sys/devices/system/cpu/online")));
        p.add(new Probe(CPU_PRESENT, List.of("cat", "/sys/devices/system/cpu/present")));
        p.add(new Probe(INTERRUPTS, List.of("cat", "/proc/interrupts")));
        p.add(new Probe(IRQ_AFFINITY, List.of("sh", "-c", IRQ_AFFINITY_SCRIPT)));
        p.add(new Probe(LINKS, List.of("ip", "-o", "link")));
        List<String> tw = new ArrayList<>(List.of("sysctl"));
        tw.addAll(HostState.TIME_WAIT_SYSCTLS);
        p.add(new Probe(SYSCTL_TIME_WAIT, tw));
        p.add(new Probe(SYSCTL_SMC, List.of("sysctl", "net.smc")));
        p.add(new Probe(MODULES, List.of("cat", "/proc/modules")));
        p.add(new Probe(NMCLI, List.of("nmcli", "-t", "-f", "DEVICE,STATE", "device")));
        List<String> svc = new ArrayList<>(List.of("systemctl", "is-active"));
        svc.addAll(HostState.SERVICES);
        p.add(new Probe(SERVICES, svc));
        p.add(new Probe(TUNING_CONF, List.of("cat", HostState.TUNING_CONF)));
        p.add(new Probe(QSTATS, NetdevQstats.COMMAND));
        List<String> perNic = new ArrayList<>(List.of("sh", "-c", PER_NIC_SCRIPT, SCRIPT_NAME));
        nic.ifPresent(n -> perNic.add(n.value()));
        p.add(new Probe(PER_NIC, perNic));
        return p;
    }

    /** True when {@code argv} is the per-NIC probe (so that a simulated host can answer it). */
    public static boolean isPerNicScript(String program, List<String> args) {
        return program.equals("sh") && args.size() >= 3 && args.get(0).equals("-c") && args.get(1).equals(PER_NIC_SCRIPT)
                && args.get(2).equals(SCRIPT_NAME);
    }

    /** Prints one section of the per-NIC output exactly as the script does ($(...) drops trailing newlines). */
    public static String section(String nic, String probe, int exitCode, String output) {
        String o = output;
        while (o.endsWith("\n")) {
            o = o.substring(0, o.length() - 1);
        }
        return SECTION_MARK + nic + " " + probe + " " + exitCode + "\n" + o + "\n";
    }
}
