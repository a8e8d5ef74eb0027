package dev.nettune.sandbox;

import dev.nettune.linux.CpuSet;
import dev.nettune.linux.SysctlOutput;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox's file tree: plain files under {@code /etc}, {@code /run} and {@code /usr/local} that
 * persist across reboots, and the kernel's views ({@code /proc}, {@code /sys}, tracefs) computed from
 * {@link SandboxKernel} on every read and checked on every write as the kernel checks them. Not
 * thread-safe: the instance's lock guards it.
 */
final class SandboxFilesystem {
    static final String OS_RELEASE = """
            NAME="Alibaba Cloud Linux"
            VERSION="3 (Soaring Falcon)"
            ID="alinux"
            ID_LIKE="rhel fedora centos anolis"
            VERSION_ID="3"
            PLATFORM_ID="platform:al8"
            PRETTY_NAME="Alibaba Cloud Linux 3 (Soaring Falcon)"
            ANSI_COLOR="0;31"
            HOME_URL="https://www.aliyun.com/"
            """;
    /** Settings the public Alibaba Cloud images ship in /etc/sysctl.conf (procps applies it last on --system). */
    static final String SYSCTL_CONF = """
            vm.swappiness = 0
            kernel.sysrq = 1
            net.ipv4.neigh.default.gc_stale_time = 120
            net.ipv4.conf.all.rp_filter = 0
            net.ipv4.conf.default.rp_filter = 0
            net.ipv4.conf.default.arp_announce = 2
            net.ipv4.conf.lo.arp_announce = 2
            net.ipv4.conf.all.arp_announce = 2
            net.ipv4.tcp_max_tw_buckets = 5000
            net.ipv4.tcp_syncookies = 1
            net.ipv4.tcp_max_syn_backlog = 1024
            net.ipv4.tcp_synack_retries = 2
            """;
    static final String BOOT_ID = "/proc/sys/kernel/random/boot_id";

    private final SandboxKernel kernel;
    private final Map<String, String> files = new TreeMap<>();

    SandboxFilesystem(SandboxKernel kernel) {
        this.kernel = kernel;
        files.put("/etc/os-release", OS_RELEASE);
        files.put("/etc/sysctl.conf", SYSCTL_CONF);
        files.put("/etc/NetworkManager/NetworkManager.conf", "[main]\nplugins = ifcfg-rh,\n");
    }

    /** The plain (persisted) files, path to content, sorted; callers may change them. */
    Map<String, String> files() {
        return files;
    }

    /** A plain file's content, or null. */
    String plain(String path) {
        return files.get(path);
    }

    static boolean writable(String path) {
        return path.startsWith("/etc/") || path.startsWith("/run/") || path.startsWith("/usr/local/");
    }

    /** The content of a path, or null with the reason in {@code why} ("No such file or directory", ...). */
    String read(String path, StringBuilder why) {
        if (files.containsKey(path)) {
            return files.get(path);
        }
        switch (path) {
            case "/proc/interrupts":
                return kernel.interrupts();
            case "/proc/modules":
                return kernel.procModules();
            case "/proc/net/nf_conntrack":
                return kernel.conntrack.proc();
            case "/sys/devices/system/cpu/online", "/sys/devices/system/cpu/present", "/sys/devices/system/cpu/possible":
                return CpuSet.range(0, kernel.cpus - 1).toList() + "\n";
            case "/proc/sys/kernel/osrelease":
                return SandboxKernel.KERNEL + "\n";
            case BOOT_ID:
                return kernel.bootId() + "\n";
            case "/proc/uptime":
                return String.format(java.util.Locale.ROOT, "%.2f %.2f%n", kernel.uptime(), kernel.uptime() * kernel.cpus);
            default:
                break;
        }
        if (kernel.tracefs.owns(path)) {
            return kernel.tracefs.read(path, why);
        }
        if (path.startsWith("/proc/sys/")) {
            String v = kernel.sysctls.value(SysctlOutput.toName(path));
            if (v != null) {
                return v + "\n";
            }
        }
        if (path.startsWith("/proc/irq/")) {
            String[] p = path.substring("/proc/irq/".length()).split("/");
            if (p.length == 2 && p[0].matches("\\d+") && kernel.irqAffinity.containsKey(Integer.parseInt(p[0]))) {
                CpuSet cpuSet = kernel.irqAffinity.get(Integer.parseInt(p[0]));
                if (p[1].equals("smp_affinity_list")) {
                    return cpuSet.toList() + "\n";
                }
                if (p[1].equals("smp_affinity")) {
                    return cpuSet.toMask(kernel.cpus) + "\n";
                }
            }
        }
        if (path.startsWith("/sys/class/net/")) {
            String[] p = path.substring("/sys/class/net/".length()).split("/");
            SandboxNic n = kernel.nics.get(p[0]);
            if (n != null && p.length == 2) {
                switch (p[1]) {
                    case "ifindex":
                        return n.ifindex + "\n";
                    case "address":
                        return n.mac + "\n";
                    case "mtu":
                        return n.mtu + "\n";
                    case "operstate":
                        return (n.up ? "up" : "down") + "\n";
                    default:
                        break;
                }
            }
            if (n != null && p.length == 4 && p[1].equals("queues")) {
                int q = queueDir(p[2], "tx-", n);
                if (q >= 0 && p[3].equals("xps_cpus")) {
                    return n.xps[q].toMask(kernel.cpus) + "\n";
                }
                q = queueDir(p[2], "rx-", n);
                if (q >= 0 && p[3].equals("rps_cpus")) {
                    return CpuSet.empty().toMask(kernel.cpus) + "\n";
                }
            }
        }
        why.append("No such file or directory");
        return null;
    }

    /** Writes {@code content} to {@code path} as the kernel or the file system would; null on success, else the errno text. */
    String write(String path, String content, boolean append) {
        if (writable(path)) {
            if (path.endsWith("/")) {
                return "Is a directory";
            }
            files.put(path, append ? files.getOrDefault(path, "") + content : content);
            return null;
        }
        if (kernel.tracefs.owns(path)) {
            return kernel.tracefs.write(path, content, append);
        }
        String value = content.strip();
        if (path.equals(BOOT_ID)) {
            // Mode 0444: proc_sys's permission check refuses root too.
            return "Permission denied";
        }
        if (path.startsWith("/proc/sys/")) {
            String n = SysctlOutput.toName(path);
            if (!kernel.sysctls.exists(n)) {
                return "No such file or directory";
            }
            return kernel.sysctls.write(n, value, new StringBuilder(), new StringBuilder()) == 0 ? null : "Invalid argument";
        }
        if (path.startsWith("/proc/irq/")) {
            return writeIrqAffinity(path, value);
        }
        if (path.startsWith("/sys/class/net/")) {
            return writeNetClass(path, value);
        }
        return "Permission denied";
    }

    private String writeIrqAffinity(String path, String value) {
        String[] p = path.substring("/proc/irq/".length()).split("/");
        if (p.length != 2 || !p[0].matches("\\d+") || !kernel.irqAffinity.containsKey(Integer.parseInt(p[0]))) {
            return "No such file or directory";
        }
        CpuSet set;
        try {
            if (p[1].equals("smp_affinity_list")) {
                set = CpuSet.parseList(value);
            } else if (p[1].equals("smp_affinity")) {
                set = CpuSet.parseMask(value);
            } else {
                return "Permission denied";
            }
        } catch (IllegalArgumentException e) {
            return "Invalid argument";
        }
        if (set.isEmpty() || set.highest() >= kernel.cpus) {
            return "Invalid argument";
        }
        kernel.irqAffinity.put(Integer.parseInt(p[0]), set);
        return null;
    }

    private String writeNetClass(String path, String value) {
        String[] p = path.substring("/sys/class/net/".length()).split("/");
        SandboxNic n = kernel.nics.get(p[0]);
        if (n == null) {
            return "No such file or directory";
        }
        if (p.length == 4 && p[1].equals("queues") && p[3].equals("xps_cpus") && queueDir(p[2], "tx-", n) >= 0) {
            CpuSet set;
            try {
                set = CpuSet.parseMask(value);
            } catch (IllegalArgumentException e) {
                return "Invalid argument";
            }
            if (set.highest() >= kernel.cpus) {
                return "Value too large for defined data type";
            }
            n.xps[queueDir(p[2], "tx-", n)] = set;
            return null;
        }
        if (p.length == 2 && p[1].equals("mtu") && value.matches("\\d{2,5}") && Integer.parseInt(value) >= 68
                && Integer.parseInt(value) <= 9000) {
            n.mtu = Integer.parseInt(value);
            return null;
        }
        return p.length == 4 ? "No such file or directory" : "Invalid argument";
    }

    private static int queueDir(String dir, String prefix, SandboxNic n) {
        if (!dir.startsWith(prefix) || !dir.substring(prefix.length()).matches("\\d{1,2}")) {
            return -1;
        }
        int q = Integer.parseInt(dir.substring(prefix.length()));
        return q < n.queues ? q : -1;
    }
}
