package dev.nettune.sandbox;

import dev.nettune.linux.SysctlOutput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sandbox kernel's sysctls: which keys exist, their ranges, their values now, and how a write is
 * checked (procps's messages for a missing key or a value the kernel refuses). Not thread-safe.
 */
final class SysctlTable {
    /** The keys {@code modprobe smc} adds on the sandbox's kernel. */
    static final List<String> SMC_KEYS = List.of("net.smc.autocorking_size", "net.smc.rmem", "net.smc.smcr_buf_type",
            "net.smc.smcr_testlink_time", "net.smc.tcp2smc", "net.smc.wmem");

    private record Spec(String defaultValue, long min, long max, boolean numeric) {
        static Spec integer(long dflt, long min, long max) {
            return new Spec(Long.toString(dflt), min, max, true);
        }

        static Spec text(String dflt) {
            return new Spec(dflt, 0, 0, false);
        }
    }

    private final Map<String, Spec> specs = new TreeMap<>();
    private final Map<String, String> values = new TreeMap<>();

    /** Back to the kernel's boot defaults (no module keys). */
    void reset() {
        specs.clear();
        values.clear();
        Map<String, Spec> s = specs;
        s.put("kernel.hostname", Spec.text(SandboxKernel.HOSTNAME));
        s.put("kernel.osrelease", Spec.text(SandboxKernel.KERNEL));
        s.put("kernel.sysrq", Spec.integer(16, 0, 511));
        s.put("vm.swappiness", Spec.integer(30, 0, 200));
        s.put("net.core.somaxconn", Spec.integer(4096, 0, Integer.MAX_VALUE));
        s.put("net.core.netdev_max_backlog", Spec.integer(1000, 0, Integer.MAX_VALUE));
        s.put("net.core.rmem_max", Spec.integer(212992, 0, Integer.MAX_VALUE));
        s.put("net.core.wmem_max", Spec.integer(212992, 0, Integer.MAX_VALUE));
        s.put("net.core.rps_sock_flow_entries", Spec.integer(0, 0, Integer.MAX_VALUE));
        s.put("net.core.default_qdisc", Spec.text("fq_codel"));
        s.put("net.core.busy_poll", Spec.integer(0, 0, Integer.MAX_VALUE));
        s.put("net.core.busy_read", Spec.integer(0, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_slow_start_after_idle", Spec.integer(1, 0, 1));
        s.put("net.ipv4.tcp_autocorking", Spec.integer(1, 0, 1));
        s.put("net.ipv4.tcp_fastopen", Spec.integer(1, 0, 1027));
        s.put("net.ipv4.ip_local_port_range", Spec.text("32768\t60999"));
        s.put("net.ipv4.tcp_rmem", Spec.text("4096\t131072\t6291456"));
        s.put("net.ipv4.tcp_wmem", Spec.text("4096\t16384\t4194304"));
        s.put("net.ipv4.tcp_congestion_control", Spec.text("cubic"));
        s.put("net.ipv4.tcp_tw_reuse", Spec.integer(2, 0, 2));
        s.put("net.ipv4.tcp_max_tw_buckets", Spec.integer(131072, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_fin_timeout", Spec.integer(60, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_syncookies", Spec.integer(1, 0, 2));
        s.put("net.ipv4.tcp_max_syn_backlog", Spec.integer(1024, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_synack_retries", Spec.integer(5, 0, 255));
        s.put("net.ipv4.tcp_keepalive_time", Spec.integer(7200, 1, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_timestamps", Spec.integer(1, 0, 2));
        s.put("net.ipv4.neigh.default.gc_stale_time", Spec.integer(60, 0, Integer.MAX_VALUE));
        for (String dev : List.of("all", "default", "lo", "eth0", "eth1")) {
            s.put("net.ipv4.conf." + dev + ".rp_filter", Spec.integer(dev.equals("lo") ? 0 : 1, 0, 2));
            s.put("net.ipv4.conf." + dev + ".arp_announce", Spec.integer(0, 0, 2));
        }
        // The kernel's default: connection tracking keeps no packet/byte counts until this is 1.
        s.put("net.netfilter.nf_conntrack_acct", Spec.integer(0, 0, 1));
        s.put("net.ipv6.conf.all.disable_ipv6", Spec.integer(0, 0, 1));
        s.put("net.ipv6.conf.default.disable_ipv6", Spec.integer(0, 0, 1));
        for (Map.Entry<String, Spec> e : s.entrySet()) {
            values.put(e.getKey(), e.getValue().defaultValue());
        }
    }

    /** The keys {@code modprobe smc} brings. */
    void addSmc() {
        Map<String, Spec> smc = new LinkedHashMap<>();
        smc.put("net.smc.autocorking_size", Spec.integer(65536, 0, Integer.MAX_VALUE));
        smc.put("net.smc.rmem", Spec.integer(65536, 16384, Integer.MAX_VALUE));
        smc.put("net.smc.smcr_buf_type", Spec.integer(0, 0, 2));
        smc.put("net.smc.smcr_testlink_time", Spec.integer(30, 0, Integer.MAX_VALUE));
        smc.put("net.smc.tcp2smc", Spec.integer(0, 0, 1));
        smc.put("net.smc.wmem", Spec.integer(65536, 16384, Integer.MAX_VALUE));
        smc.forEach((k, v) -> {
            specs.put(k, v);
            values.put(k, v.defaultValue());
        });
    }

    void removeSmc() {
        specs.keySet().removeIf(k -> k.startsWith("net.smc."));
        values.keySet().removeIf(k -> k.startsWith("net.smc."));
    }

    boolean exists(String name) {
        return specs.containsKey(name);
    }

    /** The value now, or null if the key does not exist. */
    String value(String name) {
        return values.get(name);
    }

    /** Every key and value, sorted by name. */
    Map<String, String> all() {
        return values;
    }

    /** {@code sysctl NAME} (or {@code -n}): a key, or every key under a directory, as procps prints them. */
    int read(String n, boolean valuesOnly, StringBuilder out, StringBuilder err) {
        String v = values.get(n);
        if (v != null) {
            out.append(valuesOnly ? v + "\n" : SysctlOutput.formatLine(n, v));
            return 0;
        }
        // A directory: print what is under it, as procps does.
        String prefix = n + ".";
        boolean any = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                out.append(valuesOnly ? e.getValue() + "\n" : SysctlOutput.formatLine(e.getKey(), e.getValue()));
                any = true;
            }
        }
        if (any) {
            return 0;
        }
        err.append("sysctl: cannot stat ").append(SysctlOutput.toPath(n)).append(": No such file or directory\n");
        return 1;
    }

    /** {@code sysctl -w NAME=VALUE}: checked as the kernel checks it; the echo goes to {@code out}. */
    int write(String n, String value, StringBuilder out, StringBuilder err) {
        Spec spec = specs.get(n);
        if (spec == null) {
            err.append("sysctl: cannot stat ").append(SysctlOutput.toPath(n)).append(": No such file or directory\n");
            return 1;
        }
        if (spec.numeric()) {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                err.append("sysctl: setting key \"").append(n).append("\": Invalid argument\n");
                return 1;
            }
            if (v < spec.min() || v > spec.max()) {
                err.append("sysctl: setting key \"").append(n).append("\": Invalid argument\n");
                return 1;
            }
            value = Long.toString(v);
        } else {
            value = value.replaceAll("\\s+", "\t");
        }
        values.put(n, value);
        out.append(SysctlOutput.formatLine(n, value));
        return 0;
    }

    /** {@code sysctl -p FILE}: every {@code key = value} line; a leading '-' ignores that line's error. */
    int applyConf(String text, StringBuilder out, StringBuilder err) {
        int rc = 0;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            boolean ignoreErrors = line.startsWith("-");
            if (ignoreErrors) {
                line = line.substring(1);
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                err.append("sysctl: ").append(line).append(": missing '='\n");
                rc = 1;
                continue;
            }
            StringBuilder e = new StringBuilder();
            int r = write(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), out, e);
            if (!ignoreErrors) {
                err.append(e);
                rc |= r;
            }
        }
        return rc == 0 ? 0 : 1;
    }
}
