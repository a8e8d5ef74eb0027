package dev.nettune.sandbox;

import dev.nettune.linux.CpuSet;
import dev.nettune.monitor.SampleFrame;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The simulated kernel of a {@link SandboxInstance}: its NICs, IRQ affinity, sysctls, loaded modules,
 * boot id and tracefs, and the /proc views of them ({@code /proc/interrupts}, {@code /proc/softirqs},
 * {@code /proc/modules}). Not thread-safe: the instance's lock guards it.
 */
final class SandboxKernel {
    static final String KERNEL = "5.10.134-16.3.al8.x86_64";
    static final String HOSTNAME = "iZbp1sandbox00000000Z";
    static final Set<String> KNOWN_MODULES = Set.of("smc", "smc_diag", "tcp_bbr", "sch_fq", "ib_core", "vfio", "vfio-pci");

    final int cpus;
    final Map<String, SandboxNic> nics = new TreeMap<>();
    final Map<Integer, CpuSet> irqAffinity = new HashMap<>();
    final Set<String> modules = new LinkedHashSet<>();
    final SysctlTable sysctls = new SysctlTable();
    final SandboxTracefs tracefs;
    private final SandboxFaults faults;
    private final Random random;
    /** Boot ids come from their own generator so that reboots never shift the NICs' keys and MACs. */
    private final Random bootIds;
    private final RssKey staleKey;
    private long bootNanos = System.nanoTime();
    /** Seconds the sandbox pretends it was up when created (1000); a reboot starts again from 0. */
    private double uptimeOffset = 1000;
    private String bootId;
    private int nextIfindex = 2;
    private int nextVirtio = 1;
    private int nextIrq = 24;
    /** The TCP connections traffic has opened to this host (what {@code ss} lists), oldest first, bounded like a busy host's. */
    final SandboxSockets sockets = new SandboxSockets();
    /** The flows connection tracking has seen (what {@code conntrack -L} and /proc/net/nf_conntrack list). */
    final SandboxConntrack conntrack = new SandboxConntrack();

    SandboxKernel(long seed, int cpus, int eth1Queues, String eth0Mac, String eth1Mac, SandboxFaults faults) {
        this.cpus = cpus;
        this.faults = faults;
        this.random = new Random(seed);
        this.bootIds = new Random(seed ^ 0x5eed_b007L);
        this.bootId = newBootId();
        this.tracefs = new SandboxTracefs(this, faults);
        sysctls.reset();
        // The draw order (two MACs, eth0's key, eth1's key, the stale key) keeps every seed's sandbox as it was.
        String mac0 = macFor();
        String mac1 = macFor();
        attach("eth0", eth0Mac == null ? mac0 : eth0Mac, Math.min(2, cpus), 2, false);
        attach("eth1", eth1Mac == null ? mac1 : eth1Mac, eth1Queues, Math.max(eth1Queues, Math.min(64, Math.max(4, eth1Queues))), true);
        this.staleKey = RssKey.of(randomBytes(RssKey.ENI_LENGTH));
    }

    // ---- NICs ----

    void attach(String n, String mac, int queues, int maxQueues, boolean rss) {
        RssKey key = RssKey.of(randomBytes(RssKey.ENI_LENGTH));
        int virtio = nextVirtio++;
        SandboxNic nic = new SandboxNic(n, mac, nextIfindex++, virtio, String.format("0000:00:%02x.0", 4 + virtio),
                queues, maxQueues, rss, nextIrq, key);
        nextIrq += 1 + 2 * maxQueues;
        nic.rssActive = !faults.rssInactiveUntilFirstSet();
        nics.put(n, nic);
        defaultQueueAffinity(nic);
    }

    void defaultQueueAffinity(SandboxNic nic) {
        irqAffinity.put(nic.configIrq(), CpuSet.range(0, cpus - 1));
        for (int q = 0; q < nic.maxQueues; q++) {
            irqAffinity.put(nic.irqOfInput(q), CpuSet.of(q % cpus));
            irqAffinity.put(nic.irqOfOutput(q), CpuSet.of(q % cpus));
            nic.xps[q] = CpuSet.of(q % cpus);
        }
    }

    SandboxNic nicOrThrow(String nic) {
        SandboxNic n = nics.get(nic);
        if (n == null) {
            throw new IllegalArgumentException("The sandbox has no NIC " + nic + "; it has " + nics.keySet() + ".");
        }
        return n;
    }

    private String macFor() {
        byte[] b = randomBytes(3);
        return String.format("00:16:3e:%02x:%02x:%02x", b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    /** Delivers {@code packets} packets of one flow to {@code nic}; returns the queue that received them. */
    int deliver(String nic, Flow flow, long packets, int bytesPerPacket) {
        SandboxNic n = nicOrThrow(nic);
        int q = n.queueOf(flow, staleKey, faults);
        n.receive(q, packets, packets * bytesPerPacket);
        // The SYN-ACKs leave from the CPU that took the packet: the TX queue XPS maps it to.
        n.txPackets[q] += packets;
        n.txBytes[q] += packets * 54L;
        n.txInterrupts[q] += packets;
        tracefs.received(n, q, flow, packets, bytesPerPacket, cpuOf(n.irqOfInput(q)),
                faults.hashReported() ? n.deviceHash(flow, staleKey, faults).orElse(0) : 0);
        sockets.received(flow, packets, packets * bytesPerPacket);
        conntrack.received(flow, packets, packets * bytesPerPacket, "1".equals(sysctls.value(SandboxConntrack.ACCT)));
        return q;
    }

    /** The first CPU an IRQ's affinity names: where its interrupts (and the softirq after them) run. */
    int cpuOf(int irq) {
        CpuSet affinity = irqAffinity.get(irq);
        int cpu = affinity == null || affinity.isEmpty() ? 0 : affinity.cpus().findFirst().getAsInt();
        return Math.min(cpu, cpus - 1);
    }

    // ---- boot ----

    /** The runtime state a reboot loses: sysctls, modules, channels, key and table, XPS, IRQ affinity; a new boot id. */
    void reboot() {
        sysctls.reset();
        sockets.clear();
        conntrack.clear();
        modules.clear();
        for (SandboxNic n : nics.values()) {
            n.queues = n.maxQueues;
            n.table = IndirectionTable.defaultFor(SandboxNic.TABLE_SIZE, n.queues);
            n.tableCustom = false;
            n.rssActive = !faults.rssInactiveUntilFirstSet();
            defaultQueueAffinity(n);
        }
        tracefs.reset();
        bootId = newBootId();
        // A reboot restarts /proc/uptime, so "pushed since this boot" can be judged from the journal's times.
        bootNanos = System.nanoTime();
        uptimeOffset = 0;
    }

    String bootId() {
        return bootId;
    }

    private String newBootId() {
        return new UUID((bootIds.nextLong() & ~0xf000L) | 0x4000L, (bootIds.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L)
                .toString();
    }

    /** Seconds since boot as /proc/uptime counts them (the sandbox pretends it has been up for 1000 s). */
    double uptime() {
        return (System.nanoTime() - bootNanos) / 1e9 + uptimeOffset;
    }

    // ---- modules ----

    void loadModule(String m) {
        if (modules.add(m) && m.equals("smc")) {
            sysctls.addSmc();
        }
    }

    void unloadModule(String m) {
        if (modules.remove(m) && m.equals("smc")) {
            sysctls.removeSmc();
        }
    }

    // ---- /proc ----

    String procModules() {
        StringBuilder sb = new StringBuilder();
        for (String m : modules) {
            sb.append(String.format("%s %d 0 - Live 0x0000000000000000%n", m, 200704));
        }
        sb.append("virtio_net 57344 0 - Live 0x0000000000000000\n");
        sb.append("net_failover 24576 1 virtio_net, Live 0x0000000000000000\n");
        sb.append("failover 16384 1 net_failover, Live 0x0000000000000000\n");
        return sb.toString();
    }

    String interrupts() {
        int prec = 3;
        StringBuilder sb = new StringBuilder(" ".repeat(prec + 8));
        for (int c = 0; c < cpus; c++) {
            sb.append(String.format("CPU%-8d", c));
        }
        sb.append('\n');
        for (SandboxNic n : nics.values()) {
            int hw = 49152 + 16384 * n.virtioIndex;
            line(sb, prec, n.configIrq(), new long[0], hw, n.virtioName() + "-config");
            for (int q = 0; q < n.maxQueues; q++) {
                line(sb, prec, n.irqOfInput(q), spread(n.rxInterrupts[q], n.irqOfInput(q)), hw + 1 + 2 * q,
                        n.virtioName() + "-input." + q);
                line(sb, prec, n.irqOfOutput(q), spread(n.txInterrupts[q], n.irqOfOutput(q)), hw + 2 + 2 * q,
                        n.virtioName() + "-output." + q);
            }
        }
        for (String[] l : List.of(new String[] {"NMI", "Non-maskable interrupts"}, new String[] {"LOC", "Local timer interrupts"},
                new String[] {"RES", "Rescheduling interrupts"}, new String[] {"CAL", "Function call interrupts"})) {
            sb.append(String.format("%" + prec + "s: ", l[0]));
            for (int c = 0; c < cpus; c++) {
                sb.append(String.format("%10d ", 0));
            }
            sb.append("  ").append(l[1]).append('\n');
        }
        sb.append(String.format("%" + prec + "s: %10d\n", "ERR", 0));
        sb.append(String.format("%" + prec + "s: %10d\n", "MIS", 0));
        return sb.toString();
    }

    /** The CPU header and NET_RX line of /proc/softirqs: each receive interrupt ran one NET_RX on its CPU. */
    String softirqs() {
        long[] perCpu = new long[cpus];
        for (SandboxNic n : nics.values()) {
            for (int q = 0; q < n.maxQueues; q++) {
                long[] s = spread(n.rxInterrupts[q], n.irqOfInput(q));
                for (int c = 0; c < cpus; c++) {
                    perCpu[c] += s[c];
                }
            }
        }
        StringBuilder sb = new StringBuilder("                    ");
        for (int c = 0; c < cpus; c++) {
            sb.append(String.format("CPU%-8d", c));
        }
        sb.append("\n      NET_RX:");
        for (long v : perCpu) {
            sb.append(String.format(" %10d", v));
        }
        return sb.append('\n').toString();
    }

    private long[] spread(long count, int irq) {
        long[] perCpu = new long[cpus];
        perCpu[cpuOf(irq)] = count;
        return perCpu;
    }

    private void line(StringBuilder sb, int prec, int irq, long[] counts, int hwirq, String action) {
        sb.append(String.format("%" + prec + "d: ", irq));
        for (int c = 0; c < cpus; c++) {
            sb.append(String.format("%10d ", c < counts.length ? counts[c] : 0));
        }
        sb.append(String.format(" %8s", "PCI-MSI")).append(String.format(" %" + prec + "d", hwirq))
                .append(String.format("-%-8s", "edge")).append("  ").append(action).append('\n');
    }

    /** One snapshot as NetTune's sampler script prints it; a missing NIC gives the shell's and ethtool's errors. */
    String samplerFrame(String nic) {
        SandboxNic n = nics.get(nic);
        double uptime = uptime();
        if (n == null) {
            return new SampleFrame(uptime, 0, "sh: 1: cd: can't cd to /sys/class/net/" + nic + "/statistics\n",
                    "Cannot get stats strings information: No such device\n", interrupts(), softirqs()).render();
        }
        long rxP = 0;
        long rxB = 0;
        long txP = 0;
        long txB = 0;
        for (int q = 0; q < n.queues; q++) {
            rxP += n.rxPackets[q];
            rxB += n.rxBytes[q];
            txP += n.txPackets[q];
            txB += n.txBytes[q];
        }
        String stats = "rx_bytes:" + rxB + "\nrx_dropped:0\nrx_errors:0\nrx_packets:" + rxP + "\ntx_bytes:" + txB
                + "\ntx_dropped:0\ntx_errors:0\ntx_packets:" + txP + "\n";
        return new SampleFrame(uptime, 0, stats, n.statistics(), interrupts(), softirqs()).render();
    }

    /** NIC names in ifindex order (as ip link lists them). */
    List<SandboxNic> byIfindex() {
        List<SandboxNic> ordered = new ArrayList<>(nics.values());
        ordered.sort((x, y) -> Integer.compare(x.ifindex, y.ifindex));
        return ordered;
    }
}
