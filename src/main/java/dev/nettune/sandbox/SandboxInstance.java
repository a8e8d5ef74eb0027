package dev.nettune.sandbox;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.linux.CpuSet;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.FlowType;
import dev.nettune.linux.HostStateScript;
import dev.nettune.linux.NicName;
import dev.nettune.linux.SysctlOutput;
import dev.nettune.monitor.SampleFrame;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated Alibaba Cloud Linux 3 ECS instance behind the {@link Host} port: the demo a newcomer
 * sees first and the test target for everything above the host layer. It has a primary {@code eth0}
 * and a virtio-net ENI {@code eth1} with 4 queues (configurable up to 64) and custom RSS on (a 40-byte
 * key, a 128-entry table). It interprets the structured commands NetTune issues (ethtool, sysctl, cat,
 * tee, mv, rm, ls, readlink, grep of /proc/irq, modprobe, lsmod, nmcli, systemctl, uname, ip link) and
 * answers in the real tools' layout, rejecting what the real kernel rejects. Thread-safe; deterministic
 * for a seed; faults via {@link #faults()}.
 *
 * <p>SMC: after {@code modprobe smc} it exposes {@code net.smc.autocorking_size}, {@code rmem},
 * {@code smcr_buf_type}, {@code smcr_testlink_time}, {@code wmem} (the stock 6.1 set, which the 5.10
 * ANCK kernel carries) and {@code net.smc.tcp2smc} (Alibaba Cloud Linux's switch for replacing TCP
 * sockets by SMC in a network namespace, from Alibaba's "Use SMC" guide). The seed's
 * {@code net.smc.smc_enabled} and {@code net.smc.smc_rdma_enabled} do not exist, as on the real kernels
 * the team could check.
 */
public final class SandboxInstance implements Host {
    /** The name users give the built-in sandbox host. */
    public static final String NAME = "sandbox";
    static final String KERNEL = "5.10.134-16.3.al8.x86_64";
    static final String HOSTNAME = "iZbp1sandbox00000000Z";
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
    static final List<String> SMC_KEYS = List.of("net.smc.autocorking_size", "net.smc.rmem", "net.smc.smcr_buf_type",
            "net.smc.smcr_testlink_time", "net.smc.tcp2smc", "net.smc.wmem");
    private static final Set<String> KNOWN_MODULES = Set.of("smc", "smc_diag", "tcp_bbr", "sch_fq", "ib_core", "vfio", "vfio-pci");

    private final Object lock = new Object();
    private final String name;
    private final int cpus;
    private final Random random;
    private final RssKey staleKey;
    private final Map<String, SandboxNic> nics = new TreeMap<>();
    private final Map<String, SysctlSpec> sysctlSpecs = new TreeMap<>();
    private final Map<String, String> sysctls = new TreeMap<>();
    private final Map<String, String> files = new TreeMap<>();
    private final Set<String> modules = new LinkedHashSet<>();
    private final Map<String, String> services = new LinkedHashMap<>();
    private final Set<String> enabledUnits = new LinkedHashSet<>();
    private final Set<String> runtimeUnmanaged = new LinkedHashSet<>();
    private final Map<Integer, CpuSet> irqAffinity = new HashMap<>();
    private final SandboxFaults faults = new SandboxFaults();
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final List<String> commandLog = new ArrayList<>();
    private int nextIfindex = 2;
    private int nextVirtio = 1;
    private int nextIrq = 24;
    /** Never set: close() is a no-op for the shared instance; kept for the sampler's check. */
    private volatile boolean closed;
    /** The sandbox's own clock for timers (systemd-run --on-active, detached sleepers); tests move it. */
    private Duration clock = Duration.ZERO;
    private final Map<String, ArmedTimer> timers = new LinkedHashMap<>();
    private boolean systemd = true;
    private final long bootNanos = System.nanoTime();

    /** A sandbox instance with eth0 (2 queues, no custom RSS) and eth1 (custom RSS, {@code eth1Queues} queues). */
    public SandboxInstance(long seed, int cpus, int eth1Queues) {
        this(seed, cpus, eth1Queues, null, null);
    }

    /** As above with given MACs for eth0 and eth1 (null: made from the seed). */
    public SandboxInstance(long seed, int cpus, int eth1Queues, String eth0Mac, String eth1Mac) {
        if (cpus < 1 || cpus > 256) {
            throw new IllegalArgumentException("A sandbox instance has 1 to 256 vCPUs; got " + cpus + ".");
        }
        if (eth1Queues < 1 || eth1Queues > 64) {
            throw new IllegalArgumentException("eth1 has 1 to 64 queues (an ENI's maximum is 64); got " + eth1Queues + ".");
        }
        this.name = NAME;
        this.cpus = cpus;
        this.random = new Random(seed);
        defaultSysctls();
        files.put("/etc/os-release", OS_RELEASE);
        files.put("/etc/sysctl.conf", SYSCTL_CONF);
        files.put("/etc/NetworkManager/NetworkManager.conf", "[main]\nplugins = ifcfg-rh,\n");
        services.put("irqbalance", "active");
        services.put("tuned", "inactive");
        services.put("NetworkManager", "active");
        services.put("sshd", "active");
        enabledUnits.addAll(List.of("irqbalance.service", "NetworkManager.service", "sshd.service"));
        String mac0 = macFor();
        String mac1 = macFor();
        attach("eth0", eth0Mac == null ? mac0 : eth0Mac, Math.min(2, cpus), 2, false);
        attach("eth1", eth1Mac == null ? mac1 : eth1Mac, eth1Queues, Math.max(eth1Queues, Math.min(64, Math.max(4, eth1Queues))), true);
        this.staleKey = RssKey.of(randomBytes(RssKey.ENI_LENGTH));
        applySysctlConf(files.get("/etc/sysctl.conf"), new StringBuilder(), new StringBuilder());
    }

    /**
     * The demo instance: seed 42, 4 vCPUs and the MACs of the simulated region's accepter instance
     * (ecs.g9i.xlarge, primary ENI 00:16:3e:0a:00:0a, the seed's secondary ENI 10.0.0.5 00:16:3e:0a:00:05),
     * eth1 with 4 queues and custom RSS on.
     */
    public static SandboxInstance demo() {
        return new SandboxInstance(42, 4, 4, "00:16:3e:0a:00:0a", "00:16:3e:0a:00:05");
    }

    public SandboxFaults faults() {
        return faults;
    }

    /** How many round trips ({@code run}, {@code runAll}, {@code stream} calls) reached the instance. */
    public int roundTrips() {
        return roundTrips.get();
    }

    /** Every command line run so far, in order (for tests and the demo's "what happened" view). */
    public List<String> commandLog() {
        synchronized (lock) {
            return List.copyOf(commandLog);
        }
    }

    public int cpuCount() {
        return cpus;
    }

    /** The NIC names, sorted. */
    public List<String> nicNames() {
        synchronized (lock) {
            return List.copyOf(nics.keySet());
        }
    }

    /** The key eth1 (or another NIC) hashes with now. */
    public RssKey rssKey(String nic) {
        synchronized (lock) {
            return nicOrThrow(nic).key;
        }
    }

    public IndirectionTable indirectionTable(String nic) {
        synchronized (lock) {
            return nicOrThrow(nic).table;
        }
    }

    public int queueCount(String nic) {
        synchronized (lock) {
            return nicOrThrow(nic).queues;
        }
    }

    // ---- the cloud's hook: an ENI attached or detached through the (local) OpenAPI ----

    /**
     * Makes a NIC appear as when an ENI is attached: {@code name} may be null for the next free ethN.
     * Returns the interface name.
     */
    public String attachNic(String nicName, String mac, int queues, boolean rssEnabled) {
        synchronized (lock) {
            String n = nicName;
            if (n == null) {
                int i = 0;
                while (nics.containsKey("eth" + i)) {
                    i++;
                }
                n = "eth" + i;
            }
            NicName.of(n);
            if (nics.containsKey(n)) {
                throw new IllegalArgumentException("The sandbox already has a NIC named " + n + ".");
            }
            if (!mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
                throw new IllegalArgumentException("Not a MAC address: '" + mac + "'; expected six lower-case hex pairs such as 00:16:3e:12:34:56.");
            }
            attach(n, mac, queues, Math.max(queues, 1), rssEnabled);
            return n;
        }
    }

    /**
     * Makes the NIC {@code name} look as the cloud says (after a reboot or re-attach): kept if MAC,
     * queue count and RSS already match, otherwise replaced by a fresh NIC (new driver state).
     */
    public void reconcileNic(String name, String mac, int queues, boolean rssEnabled) {
        synchronized (lock) {
            SandboxNic n = nics.get(name);
            if (n != null && n.mac.equalsIgnoreCase(mac) && n.maxQueues == queues && n.customRss == rssEnabled) {
                return;
            }
            nics.values().removeIf(x -> x.mac.equalsIgnoreCase(mac));
            nics.remove(name);
            attachNic(name, mac.toLowerCase(java.util.Locale.ROOT), queues, rssEnabled);
        }
    }

    /** Removes the NIC with this MAC (the ENI was detached); false if there is none. */
    public boolean detachNic(String mac) {
        synchronized (lock) {
            return nics.values().removeIf(n -> n.mac.equalsIgnoreCase(mac));
        }
    }

    private void attach(String n, String mac, int queues, int maxQueues, boolean rss) {
        RssKey key = RssKey.of(randomBytes(RssKey.ENI_LENGTH));
        int virtio = nextVirtio++;
        SandboxNic nic = new SandboxNic(n, mac, nextIfindex++, virtio, String.format("0000:00:%02x.0", 4 + virtio),
                queues, maxQueues, rss, nextIrq, key);
        nextIrq += 1 + 2 * maxQueues;
        nic.rssActive = !faults.rssInactiveUntilFirstSet();
        nics.put(n, nic);
        defaultQueueAffinity(nic);
    }

    private void defaultQueueAffinity(SandboxNic nic) {
        irqAffinity.put(nic.configIrq(), CpuSet.range(0, cpus - 1));
        for (int q = 0; q < nic.maxQueues; q++) {
            irqAffinity.put(nic.irqOfInput(q), CpuSet.of(q % cpus));
            irqAffinity.put(nic.irqOfOutput(q), CpuSet.of(q % cpus));
            nic.xps[q] = CpuSet.of(q % cpus);
        }
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

    // ---- traffic (used by SandboxTraffic) ----

    /** Delivers {@code packets} packets of one flow to {@code nic}; returns the queue that received them. */
    int deliver(String nic, Flow flow, long packets, int bytesPerPacket) {
        synchronized (lock) {
            SandboxNic n = nicOrThrow(nic);
            int q = n.queueOf(flow, staleKey, faults.keyShiftedByOneByte());
            n.receive(q, packets, packets * bytesPerPacket);
            // The SYN-ACKs leave from the CPU that took the packet: the TX queue XPS maps it to.
            n.txPackets[q] += packets;
            n.txBytes[q] += packets * 54L;
            n.txInterrupts[q] += packets;
            return q;
        }
    }

    private SandboxNic nicOrThrow(String nic) {
        SandboxNic n = nics.get(nic);
        if (n == null) {
            throw new IllegalArgumentException("The sandbox has no NIC " + nic + "; it has " + nics.keySet() + ".");
        }
        return n;
    }

    // ---- reboot ----

    /**
     * Reboots: runtime settings are lost (sysctls, loaded modules, XPS, IRQ affinity, ethtool -L/-X,
     * runtime "managed no"); then what is persisted applies, in boot order: modules-load.d, sysctl
     * --system, NetworkManager's conf.d, and the ExecStart lines of enabled units in /etc/systemd/system.
     */
    public void reboot() {
        synchronized (lock) {
            defaultSysctls();
            modules.clear();
            runtimeUnmanaged.clear();
            for (SandboxNic n : nics.values()) {
                n.queues = Math.min(n.maxQueues, Math.max(n.queues, n.maxQueues));
                n.table = IndirectionTable.defaultFor(SandboxNic.TABLE_SIZE, n.queues);
                n.tableCustom = false;
                n.rssActive = !faults.rssInactiveUntilFirstSet();
                defaultQueueAffinity(n);
            }
            for (Map.Entry<String, String> f : files.entrySet()) {
                if (f.getKey().startsWith("/etc/modules-load.d/") && f.getKey().endsWith(".conf")) {
                    for (String line : f.getValue().split("\n")) {
                        String m = line.strip();
                        if (!m.isEmpty() && !m.startsWith("#") && KNOWN_MODULES.contains(m)) {
                            loadModule(m);
                        }
                    }
                }
            }
            sysctlSystem(new StringBuilder(), new StringBuilder());
            services.put("NetworkManager", "active");
            for (String unit : List.copyOf(enabledUnits)) {
                String path = "/etc/systemd/system/" + unit;
                if (files.containsKey(path)) {
                    runUnit(path, new StringBuilder(), new StringBuilder());
                } else if (files.containsKey(templatePath(unit))) {
                    runUnit(templatePath(unit), instanceOf(unit), new StringBuilder(), new StringBuilder());
                }
            }
        }
    }

    // ---- time, timers and connections (commit-confirmed reverts) ----

    /** A command the host runs later by itself: a transient systemd timer or a detached sleeper. */
    private record ArmedTimer(Duration firesAt, List<String> command, String pidFile) {
    }

    /**
     * Lets {@code d} of sandbox time pass: every armed timer whose time has come runs its command
     * (NetTune's revert scripts run through {@link #runScript}). Tests drive commit-confirmed this way.
     */
    public void advanceTime(Duration d) {
        synchronized (lock) {
            clock = clock.plus(d);
            for (var it = timers.entrySet().iterator(); it.hasNext(); ) {
                var t = it.next();
                if (t.getValue().firesAt().compareTo(clock) <= 0) {
                    it.remove();
                    List<String> c = t.getValue().command();
                    commandLog.add("(timer " + t.getKey() + ") " + String.join(" ", c));
                    if (t.getValue().pidFile() != null) {
                        files.remove(t.getValue().pidFile());
                    }
                    if (c.size() == 2 && (c.get(0).equals("/bin/sh") || c.get(0).equals("sh"))) {
                        String script = files.get(c.get(1));
                        if (script != null) {
                            runScript(script, new StringBuilder(), new StringBuilder());
                        }
                    } else if (!c.isEmpty()) {
                        dispatch(Command.of(c.get(0), c.subList(1, c.size())), new StringBuilder(), new StringBuilder());
                    }
                }
            }
        }
    }

    /** Names of the timers armed and not yet fired or stopped. */
    public Set<String> armedTimers() {
        synchronized (lock) {
            return new LinkedHashSet<>(timers.keySet());
        }
    }

    /** Whether the instance runs systemd (without it NetTune arms a detached sleeper instead of a timer). */
    public void systemd(boolean on) {
        synchronized (lock) {
            systemd = on;
        }
    }

    /**
     * A new connection to this instance, as NetTune opens one to confirm a change; refused while
     * {@link SandboxFaults#refuseNextConnections} says so.
     */
    public Host connect() throws HostException {
        if (faults.takeRefusal()) {
            throw new HostException("ssh: connect to host sandbox port 22: Connection timed out (an injected fault).");
        }
        return this;
    }

    /**
     * Runs a shell script NetTune wrote (a commit-confirmed revert): one command a line, words in
     * POSIX quoting, plus {@code printf '%s' TEXT > FILE} and {@code printf '%s' TEXT | CMD}.
     */
    int runScript(String script, StringBuilder out, StringBuilder err) {
        int last = 0;
        for (String line : scriptLines(script)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("set ")) {
                continue;
            }
            l = l.endsWith("|| true") ? l.substring(0, l.length() - "|| true".length()).strip() : l;
            List<String> w = shellWords(l);
            int pipe = w.indexOf("|");
            int redirect = w.indexOf(">");
            if (!w.isEmpty() && w.get(0).equals("echo") && redirect > 0 && redirect == w.size() - 2) {
                String e = writeFile(w.get(w.size() - 1), String.join(" ", w.subList(1, redirect)) + "\n", false);
                last = e == null ? 0 : 1;
                if (last != 0) {
                    err.append("sh: echo: write error: ").append(e).append('\n');
                }
                continue;
            }
            if (!w.isEmpty() && w.get(0).equals("printf") && w.size() >= 3 && (pipe == 3 || redirect == 3)) {
                String text = w.get(2);
                if (redirect == 3 && w.size() == 5) {
                    String e = writeFile(w.get(4), text, false);
                    last = e == null ? 0 : 1;
                } else if (pipe == 3 && w.size() > 4) {
                    Command c = new Command(w.get(4), w.subList(5, w.size()), java.util.Optional.of(text), false);
                    commandLog.add("(script) " + c.display());
                    last = dispatch(c, out, err);
                }
                continue;
            }
            if (!w.isEmpty()) {
                Command c = Command.of(w.get(0), w.subList(1, w.size()));
                commandLog.add("(script) " + c.display());
                last = dispatch(c, out, err);
            }
        }
        return last;
    }

    /** The script's lines, a newline inside quotes staying part of its line. */
    static List<String> scriptLines(String script) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (quote == 0 && (ch == '\'' || ch == '"')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (quote == 0 && ch == '\n') {
                lines.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(ch);
        }
        lines.add(cur.toString());
        return lines;
    }

    /** Splits a line into words as a POSIX shell does for quotes; unquoted | and > are words of their own. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == '"') {
                int end = line.indexOf('"', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == ' ' || ch == '\t') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if ((ch == '|' || ch == '>') && !inWord) {
                words.add(String.valueOf(ch));
            } else {
                w.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    private int chmod(List<String> a, StringBuilder err) {
        String p = a.isEmpty() ? "" : a.get(a.size() - 1);
        if (!files.containsKey(p)) {
            err.append("chmod: cannot access '").append(p).append("': No such file or directory\n");
            return 1;
        }
        return 0;
    }

    private int modinfo(List<String> a, StringBuilder out, StringBuilder err) {
        String m = a.isEmpty() ? "" : a.get(a.size() - 1);
        if (!KNOWN_MODULES.contains(m) && !KNOWN_MODULES.contains(m.replace('_', '-'))) {
            err.append("modinfo: ERROR: Module ").append(m).append(" not found.\n");
            return 1;
        }
        out.append("/lib/modules/").append(KERNEL).append("/kernel/net/").append(m).append('/').append(m)
                .append(".ko.xz\n");
        return 0;
    }

    /** {@code systemd-run --on-active=Ns --unit=U [--description=...] PROGRAM ARGS...}: a transient timer. */
    private int systemdRun(List<String> a, StringBuilder out, StringBuilder err) {
        if (!systemd) {
            err.append("bash: line 1: systemd-run: command not found\n");
            return 127;
        }
        Duration after = null;
        String unit = null;
        int i = 0;
        for (; i < a.size() && a.get(i).startsWith("--"); i++) {
            String o = a.get(i);
            if (o.startsWith("--on-active=")) {
                String v = o.substring("--on-active=".length());
                after = Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
            } else if (o.startsWith("--unit=")) {
                unit = o.substring("--unit=".length());
            }
        }
        if (after == null || unit == null || i >= a.size()) {
            err.append("systemd-run: the sandbox models only --on-active=Ns --unit=NAME COMMAND...\n");
            return 1;
        }
        if (timers.containsKey(unit)) {
            err.append("Failed to start transient timer unit: Unit ").append(unit).append(".timer already exists.\n");
            return 1;
        }
        timers.put(unit, new ArmedTimer(clock.plus(after), List.copyOf(a.subList(i, a.size())), null));
        err.append("Running timer as unit: ").append(unit).append(".timer\nWill run service as unit: ").append(unit)
                .append(".service\n");
        return 0;
    }

    private static final java.util.regex.Pattern SLEEPER = java.util.regex.Pattern.compile(
            ".*echo \\$\\$ > (\\S+); sleep (\\d+); exec /bin/sh (\\S+)");

    /** {@code setsid -f sh -c '... echo $$ > PIDFILE; sleep N; exec /bin/sh SCRIPT'}: a detached sleeper. */
    private int setsid(List<String> a, StringBuilder err) {
        if (a.size() == 4 && a.get(0).equals("-f") && a.get(1).equals("sh") && a.get(2).equals("-c")) {
            java.util.regex.Matcher m = SLEEPER.matcher(a.get(3));
            if (m.matches()) {
                String pid = Integer.toString(4000 + timers.size());
                files.put(m.group(1), pid + "\n");
                timers.put("sleeper-" + pid, new ArmedTimer(clock.plus(Duration.ofSeconds(Long.parseLong(m.group(2)))),
                        List.of("/bin/sh", m.group(3)), m.group(1)));
                return 0;
            }
        }
        err.append("setsid: the sandbox models only NetTune's detached revert sleeper\n");
        return 1;
    }

    /** {@code pkill -F PIDFILE}: stops a detached sleeper. */
    private int pkill(List<String> a, StringBuilder err) {
        if (a.size() == 2 && a.get(0).equals("-F")) {
            String pid = files.get(a.get(1));
            if (pid == null) {
                err.append("pkill: Error reading pidfile ").append(a.get(1)).append(": No such file or directory\n");
                return 1;
            }
            boolean killed = timers.remove("sleeper-" + pid.strip()) != null;
            return killed ? 0 : 1;
        }
        err.append("pkill: the sandbox models only pkill -F PIDFILE\n");
        return 2;
    }

    // ---- the Host port ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        return runAll(List.of(command), timeout).get(0);
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        enter(timeout);
        List<CommandResult> results = new ArrayList<>();
        synchronized (lock) {
            for (Command c : commands) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("cancelled");
                }
                results.add(execute(c));
            }
        }
        return results;
    }

    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        try {
            enter(Duration.ofDays(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HostException("Cancelled before the stream started.");
        }
        if (SamplerScript.isSamplerCommand(command)) {
            return samplerStream(SamplerScript.nicOf(command), SamplerScript.intervalOf(command), sink);
        }
        CommandResult r;
        synchronized (lock) {
            r = execute(command);
        }
        // One run, its lines, its end: the sandbox has no long-running programs of its own.
        Thread t = new Thread(() -> {
            for (String line : r.stdout().split("\n", -1)) {
                if (!line.isEmpty()) {
                    sink.line(line);
                }
            }
            sink.ended(r.exitCode(), null);
        }, "sandbox-stream");
        t.setDaemon(true);
        t.start();
        return new LineStream() {
            @Override
            public boolean isRunning() {
                return t.isAlive();
            }

            @Override
            public void cancel() {
                t.interrupt();
            }
        };
    }

    /**
     * NetTune's sampler loop ({@link SamplerScript}), answered as a real shell would run it: a
     * snapshot of the NIC's counters every interval until cancelled, or until an injected
     * {@link SandboxFaults#cutStreams() cut} ends it like a dropped connection.
     */
    private LineStream samplerStream(String nic, SamplingInterval interval, LineStream.Sink sink) {
        long cutsAtStart = faults.streamCuts();
        Thread t = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    if (closed || faults.streamCuts() != cutsAtStart) {
                        sink.ended(-1, new HostException("Connection to sandbox lost (the stream was cut)."));
                        return;
                    }
                    String frame;
                    synchronized (lock) {
                        frame = samplerFrame(nic);
                    }
                    for (String line : frame.split("\n")) {
                        sink.line(line);
                    }
                    Thread.sleep(interval.millis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sink.ended(0, null);
        }, "sandbox-sampler-" + nic);
        t.setDaemon(true);
        t.start();
        return new LineStream() {
            @Override
            public boolean isRunning() {
                return t.isAlive();
            }

            @Override
            public void cancel() {
                t.interrupt();
            }
        };
    }

    /** One snapshot as the sampler script prints it; a missing NIC gives the shell's and ethtool's errors. */
    private String samplerFrame(String nic) {
        SandboxNic n = nics.get(nic);
        double uptime = (System.nanoTime() - bootNanos) / 1e9 + 1000;
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
        return new SampleFrame(uptime, 0, stats, statistics(n), interrupts(), softirqs()).render();
    }

    /** The CPU header and NET_RX line of /proc/softirqs: each receive interrupt ran one NET_RX on its CPU. */
    private String softirqs() {
        long[] perCpu = new long[cpus];
        for (SandboxNic n : nics.values()) {
            for (int q = 0; q < n.maxQueues; q++) {
                long[] s = spread(n.rxInterrupts[q], irqAffinity.get(n.irqOfInput(q)));
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

    /** Does nothing: the sandbox is one shared instance that lives as long as the application. */
    @Override
    public void close() {
        // Every user of the built-in host gets the same instance; closing it would end the demo for all.
    }

    private void enter(Duration timeout) throws HostException, InterruptedException {
        roundTrips.incrementAndGet();
        if (faults.takeDrop()) {
            throw new HostException("Connection to sandbox lost (the sandbox dropped it on purpose: an injected fault).");
        }
        Duration d = faults.delay();
        if (!d.isZero()) {
            if (d.compareTo(timeout) >= 0) {
                Thread.sleep(timeout.toMillis());
                throw new HostException("sandbox did not answer within " + timeout.toMillis() + " ms (timed out).");
            }
            Thread.sleep(d.toMillis());
        }
    }

    // ---- the command interpreter ----

    private CommandResult execute(Command c) {
        commandLog.add(c.display());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int[] injected = faults.takeFailure(c, err);
        if (injected != null) {
            return new CommandResult(c, injected[0], "", err.toString());
        }
        int code = dispatch(c, out, err);
        return new CommandResult(c, code, out.toString(), err.toString());
    }

    private int dispatch(Command c, StringBuilder out, StringBuilder err) {
        String program = c.program().substring(c.program().lastIndexOf('/') + 1);
        List<String> a = c.args();
        try {
            return switch (program) {
                case "ethtool" -> ethtool(a, out, err);
                case "sysctl" -> sysctl(a, out, err);
                case "cat" -> cat(a, out, err);
                case "tee" -> tee(a, c.stdin().orElse(""), out, err);
                case "mv" -> mv(a, err);
                case "cp" -> cp(a, err);
                case "rm" -> rm(a, err);
                case "mkdir", "true", "sync", "udevadm" -> 0;
                case "ls" -> ls(a, out, err);
                case "test" -> test(a);
                case "readlink" -> readlink(a, out, err);
                case "grep" -> grep(a, out, err);
                case "modprobe" -> modprobe(a, err);
                case "lsmod" -> lsmod(out);
                case "nmcli" -> nmcli(a, out, err);
                case "systemctl" -> systemctl(a, out, err);
                case "uname" -> uname(a, out);
                case "nproc" -> {
                    out.append(cpus).append('\n');
                    yield 0;
                }
                case "ip" -> ip(a, out, err);
                case "sh", "bash" -> {
                    if (SamplerScript.isOnceCommand(c)) {
                        out.append(samplerFrame(SamplerScript.nicOf(c)));
                        yield 0;
                    }
                    yield shell(a, out, err);
                }
                case "chmod" -> chmod(a, err);
                case "printenv" -> 1;
                case "modinfo" -> modinfo(a, out, err);
                case "systemd-run" -> systemdRun(a, out, err);
                case "setsid" -> setsid(a, err);
                case "pkill" -> pkill(a, err);
                default -> {
                    err.append("bash: line 1: ").append(program).append(": command not found\n");
                    yield 127;
                }
            };
        } catch (RuntimeException e) {
            // A command the sandbox cannot make sense of fails like a tool given bad arguments.
            err.append(program).append(": ").append(e.getMessage()).append('\n');
            return 1;
        }
    }

    // ---- ethtool ----

    private int ethtool(List<String> a, StringBuilder out, StringBuilder err) {
        if (a.isEmpty()) {
            err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
            return 1;
        }
        if (a.get(0).equals("--version")) {
            out.append("ethtool version 5.13\n");
            return 0;
        }
        if (a.size() < 2) {
            err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
            return 1;
        }
        String opt = a.get(0);
        String nicName = a.get(1);
        SandboxNic nic = nics.get(nicName);
        if (nic == null) {
            if (opt.equals("-i") || opt.equals("-x") || opt.equals("-S") || opt.equals("-n")) {
                err.append("Cannot get driver information: No such device\n");
            } else {
                err.append("netlink error: no device matches name (offset 24)\nnetlink error: No such device\n");
            }
            return opt.equals("-i") ? 71 : 1;
        }
        switch (opt) {
            case "-i", "--driver" -> {
                out.append(nic.driverInfo().format());
                return 0;
            }
            case "-l", "--show-channels" -> {
                out.append(nic.channels().format(nicName));
                return 0;
            }
            case "-L", "--set-channels" -> {
                return setChannels(nic, a.subList(2, a.size()), err);
            }
            case "-x", "--show-rxfh-indir", "--show-rxfh" -> {
                if (!nic.customRss) {
                    out.append("RX flow hash indirection table for ").append(nicName).append(" with ").append(nic.queues)
                            .append(" RX ring(s):\nOperation not supported\nRSS hash key:\nOperation not supported\n")
                            .append("RSS hash function:\n    toeplitz: on\n    xor: off\n    crc32: off\n");
                } else {
                    out.append(EthtoolRssParser.format(nicName, nic.queues, nic.table, nic.key, "toeplitz"));
                }
                return 0;
            }
            case "-X", "--set-rxfh-indir", "--rxfh" -> {
                return setRxfh(nic, a.subList(2, a.size()), err);
            }
            case "-n", "-u", "--show-nfc", "--show-ntuple" -> {
                if (a.size() == 4 && a.get(2).equals("rx-flow-hash")) {
                    FlowType t;
                    try {
                        t = FlowType.parse(a.get(3));
                    } catch (IllegalArgumentException e) {
                        err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
                        return 1;
                    }
                    if (!nic.customRss) {
                        out.append(t.title()).append(" flows use these fields for computing Hash flow key:\nNone\n");
                    } else {
                        out.append(nic.flowHash.get(t).format());
                    }
                    return 0;
                }
                err.append("rxclass: Cannot get RX class rule count: Operation not supported\nRX classification rule retrieval failed\n");
                return 1;
            }
            case "-S", "--statistics" -> {
                out.append(statistics(nic));
                return 0;
            }
            default -> {
                err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
                return 1;
            }
        }
    }

    private int setChannels(SandboxNic nic, List<String> a, StringBuilder err) {
        Integer combined = null;
        for (int i = 0; i + 1 < a.size(); i += 2) {
            String v = a.get(i + 1);
            if (!v.matches("\\d{1,6}")) {
                err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
                return 1;
            }
            switch (a.get(i)) {
                case "combined" -> combined = Integer.parseInt(v);
                case "rx", "tx", "other" -> {
                    if (Integer.parseInt(v) != 0) {
                        err.append("netlink error: requested channel count exceeds maximum (offset 36)\nnetlink error: Invalid argument\n");
                        return 1;
                    }
                }
                default -> {
                    err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
                    return 1;
                }
            }
        }
        if (a.size() % 2 != 0 || combined == null) {
            err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
            return 1;
        }
        if (combined > nic.maxQueues) {
            err.append("netlink error: requested channel count exceeds maximum (offset 36)\nnetlink error: Invalid argument\n");
            return 1;
        }
        if (combined < 1) {
            err.append("netlink error: Invalid argument\n");
            return 1;
        }
        if (nic.tableCustom && nic.table.highestQueue() >= combined) {
            err.append("netlink error: requested channel counts are too low for existing indirection table settings\n")
                    .append("netlink error: Invalid argument\n");
            return 1;
        }
        if (combined == nic.queues) {
            return 0;
        }
        nic.setQueues(combined);
        if (faults.rssInactiveUntilFirstSet()) {
            nic.rssActive = false;
        }
        return 0;
    }

    private int setRxfh(SandboxNic nic, List<String> a, StringBuilder err) {
        if (!nic.customRss) {
            err.append("Cannot get RX flow hash indir size and/or key size: Operation not supported\n");
            return 1;
        }
        RssKey key = null;
        Integer equal = null;
        List<Integer> weights = null;
        int start = 0;
        boolean dflt = false;
        String hfunc = null;
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            switch (t) {
                case "hkey" -> {
                    if (i + 1 >= a.size()) {
                        return badArgs(err);
                    }
                    String k = a.get(++i);
                    try {
                        key = RssKey.parse(k, RssKey.ENI_LENGTH);
                    } catch (RssInputException e) {
                        if (k.matches("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2})*")) {
                            err.append("Key length is ").append((k.length() + 1) / 3).append(" bytes, the device's key is 40 bytes\n");
                        } else {
                            err.append("Invalid RSS hash key format. Please use only hex-digit pairs separated by ':'\n");
                        }
                        return 1;
                    }
                }
                case "hfunc" -> {
                    if (i + 1 >= a.size()) {
                        return badArgs(err);
                    }
                    hfunc = a.get(++i);
                }
                case "equal" -> {
                    if (i + 1 >= a.size() || !a.get(i + 1).matches("\\d{1,5}")) {
                        return badArgs(err);
                    }
                    equal = Integer.parseInt(a.get(++i));
                }
                case "start" -> {
                    if (i + 1 >= a.size() || !a.get(i + 1).matches("\\d{1,5}")) {
                        return badArgs(err);
                    }
                    start = Integer.parseInt(a.get(++i));
                }
                case "default" -> dflt = true;
                case "weight" -> {
                    weights = new ArrayList<>();
                    while (i + 1 < a.size() && a.get(i + 1).matches("\\d{1,5}")) {
                        weights.add(Integer.parseInt(a.get(++i)));
                    }
                    if (weights.isEmpty()) {
                        return badArgs(err);
                    }
                }
                default -> {
                    return badArgs(err);
                }
            }
        }
        if (hfunc != null && !hfunc.equals("toeplitz")) {
            err.append("Cannot set RX flow hash configuration:\n  Hash function: ").append(hfunc).append(" not supported\n");
            return 1;
        }
        if (key == null && equal == null && weights == null && !dflt && hfunc == null) {
            return badArgs(err);
        }
        if (equal != null && equal == 0) {
            err.append("Invalid equal count: 0\n");
            return 1;
        }
        IndirectionTable table = nic.table;
        boolean custom = nic.tableCustom;
        try {
            if (dflt) {
                table = IndirectionTable.defaultFor(SandboxNic.TABLE_SIZE, nic.queues);
                custom = false;
            } else if (equal != null) {
                table = IndirectionTable.equal(SandboxNic.TABLE_SIZE, equal, start, OptionalInt.empty());
                custom = true;
            } else if (weights != null) {
                table = IndirectionTable.weight(SandboxNic.TABLE_SIZE, weights, start, OptionalInt.empty());
                custom = true;
            }
        } catch (RssInputException e) {
            err.append("Cannot set RX flow hash configuration: Invalid argument\n");
            return 1;
        }
        if (table.highestQueue() >= nic.queues) {
            // The kernel checks every entry against the RX ring count: ethtool_copy_validate_indir.
            err.append("Cannot set RX flow hash configuration: Invalid argument\n");
            return 1;
        }
        nic.table = table.withRingCount(nic.queues);
        nic.tableCustom = custom;
        if (key != null) {
            nic.key = key;
        }
        nic.rssActive = true;
        return 0;
    }

    private static int badArgs(StringBuilder err) {
        err.append("ethtool: bad command line argument(s)\nFor more information run ethtool -h\n");
        return 1;
    }

    /** ethtool -S of virtio_net on 5.10: every RX queue's counters, then every TX queue's. */
    private String statistics(SandboxNic n) {
        StringBuilder sb = new StringBuilder("NIC statistics:\n");
        for (int q = 0; q < n.queues; q++) {
            sb.append("     rx_queue_").append(q).append("_packets: ").append(n.rxPackets[q]).append('\n');
            sb.append("     rx_queue_").append(q).append("_bytes: ").append(n.rxBytes[q]).append('\n');
            sb.append("     rx_queue_").append(q).append("_drops: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_packets: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_tx: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_redirects: 0\n");
            sb.append("     rx_queue_").append(q).append("_xdp_drops: 0\n");
            sb.append("     rx_queue_").append(q).append("_kicks: ").append(n.rxPackets[q] / 64 + 1).append('\n');
        }
        for (int q = 0; q < n.queues; q++) {
            sb.append("     tx_queue_").append(q).append("_packets: ").append(n.txPackets[q]).append('\n');
            sb.append("     tx_queue_").append(q).append("_bytes: ").append(n.txBytes[q]).append('\n');
            sb.append("     tx_queue_").append(q).append("_xdp_tx: 0\n");
            sb.append("     tx_queue_").append(q).append("_xdp_tx_drops: 0\n");
            sb.append("     tx_queue_").append(q).append("_kicks: ").append(n.txPackets[q]).append('\n');
        }
        return sb.toString();
    }

    /** The 64-queue (or any) {@code ethtool -S} text of a NIC, for benchmarks and tests. */
    public String ethtoolStatistics(String nic) {
        synchronized (lock) {
            return statistics(nicOrThrow(nic));
        }
    }

    // ---- sysctl ----

    private record SysctlSpec(String defaultValue, long min, long max, boolean numeric) {
        static SysctlSpec integer(long dflt, long min, long max) {
            return new SysctlSpec(Long.toString(dflt), min, max, true);
        }

        static SysctlSpec text(String dflt) {
            return new SysctlSpec(dflt, 0, 0, false);
        }
    }

    private void defaultSysctls() {
        sysctlSpecs.clear();
        sysctls.clear();
        Map<String, SysctlSpec> s = sysctlSpecs;
        s.put("kernel.hostname", SysctlSpec.text(HOSTNAME));
        s.put("kernel.osrelease", SysctlSpec.text(KERNEL));
        s.put("kernel.sysrq", SysctlSpec.integer(16, 0, 511));
        s.put("vm.swappiness", SysctlSpec.integer(30, 0, 200));
        s.put("net.core.somaxconn", SysctlSpec.integer(4096, 0, Integer.MAX_VALUE));
        s.put("net.core.netdev_max_backlog", SysctlSpec.integer(1000, 0, Integer.MAX_VALUE));
        s.put("net.core.rmem_max", SysctlSpec.integer(212992, 0, Integer.MAX_VALUE));
        s.put("net.core.wmem_max", SysctlSpec.integer(212992, 0, Integer.MAX_VALUE));
        s.put("net.core.rps_sock_flow_entries", SysctlSpec.integer(0, 0, Integer.MAX_VALUE));
        s.put("net.core.default_qdisc", SysctlSpec.text("fq_codel"));
        s.put("net.ipv4.ip_local_port_range", SysctlSpec.text("32768\t60999"));
        s.put("net.ipv4.tcp_rmem", SysctlSpec.text("4096\t131072\t6291456"));
        s.put("net.ipv4.tcp_wmem", SysctlSpec.text("4096\t16384\t4194304"));
        s.put("net.ipv4.tcp_congestion_control", SysctlSpec.text("cubic"));
        s.put("net.ipv4.tcp_tw_reuse", SysctlSpec.integer(2, 0, 2));
        s.put("net.ipv4.tcp_max_tw_buckets", SysctlSpec.integer(131072, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_fin_timeout", SysctlSpec.integer(60, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_syncookies", SysctlSpec.integer(1, 0, 2));
        s.put("net.ipv4.tcp_max_syn_backlog", SysctlSpec.integer(1024, 0, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_synack_retries", SysctlSpec.integer(5, 0, 255));
        s.put("net.ipv4.tcp_keepalive_time", SysctlSpec.integer(7200, 1, Integer.MAX_VALUE));
        s.put("net.ipv4.tcp_timestamps", SysctlSpec.integer(1, 0, 2));
        s.put("net.ipv4.neigh.default.gc_stale_time", SysctlSpec.integer(60, 0, Integer.MAX_VALUE));
        for (String dev : List.of("all", "default", "lo", "eth0", "eth1")) {
            s.put("net.ipv4.conf." + dev + ".rp_filter", SysctlSpec.integer(dev.equals("lo") ? 0 : 1, 0, 2));
            s.put("net.ipv4.conf." + dev + ".arp_announce", SysctlSpec.integer(0, 0, 2));
        }
        s.put("net.ipv6.conf.all.disable_ipv6", SysctlSpec.integer(0, 0, 1));
        s.put("net.ipv6.conf.default.disable_ipv6", SysctlSpec.integer(0, 0, 1));
        for (Map.Entry<String, SysctlSpec> e : s.entrySet()) {
            sysctls.put(e.getKey(), e.getValue().defaultValue());
        }
    }

    private void loadModule(String m) {
        if (modules.add(m) && m.equals("smc")) {
            Map<String, SysctlSpec> smc = new LinkedHashMap<>();
            smc.put("net.smc.autocorking_size", SysctlSpec.integer(65536, 0, Integer.MAX_VALUE));
            smc.put("net.smc.rmem", SysctlSpec.integer(65536, 16384, Integer.MAX_VALUE));
            smc.put("net.smc.smcr_buf_type", SysctlSpec.integer(0, 0, 2));
            smc.put("net.smc.smcr_testlink_time", SysctlSpec.integer(30, 0, Integer.MAX_VALUE));
            smc.put("net.smc.tcp2smc", SysctlSpec.integer(0, 0, 1));
            smc.put("net.smc.wmem", SysctlSpec.integer(65536, 16384, Integer.MAX_VALUE));
            smc.forEach((k, v) -> {
                sysctlSpecs.put(k, v);
                sysctls.put(k, v.defaultValue());
            });
        }
    }

    private void unloadModule(String m) {
        if (modules.remove(m) && m.equals("smc")) {
            sysctlSpecs.keySet().removeIf(k -> k.startsWith("net.smc."));
            sysctls.keySet().removeIf(k -> k.startsWith("net.smc."));
        }
    }

    private int sysctl(List<String> a, StringBuilder out, StringBuilder err) {
        boolean write = false;
        boolean quiet = false;
        boolean valuesOnly = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            switch (t) {
                case "-a", "--all", "-A", "-X" -> {
                    sysctls.forEach((k, v) -> out.append(SysctlOutput.formatLine(k, v)));
                    return 0;
                }
                case "-w", "--write" -> write = true;
                case "-q", "--quiet" -> quiet = true;
                case "-n", "--values" -> valuesOnly = true;
                case "-e", "--ignore" -> {
                }
                case "--system" -> {
                    return sysctlSystem(out, err);
                }
                case "-p", "--load" -> {
                    String file = i + 1 < a.size() ? a.get(++i) : "/etc/sysctl.conf";
                    String text = files.get(file);
                    if (text == null) {
                        err.append("sysctl: cannot open \"").append(file).append("\": No such file or directory\n");
                        return 1;
                    }
                    return applySysctlConf(text, out, err);
                }
                default -> {
                    if (t.startsWith("-p") && t.length() > 2) {
                        return sysctl(List.of("-p", t.substring(2)), out, err);
                    }
                    names.add(t);
                }
            }
        }
        if (names.isEmpty()) {
            err.append("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
            return 1;
        }
        int rc = 0;
        for (String n : names) {
            if (write || n.contains("=")) {
                int eq = n.indexOf('=');
                if (eq <= 0) {
                    err.append("sysctl: \"").append(n).append("\" must be of the form name=value\n");
                    rc = 1;
                    continue;
                }
                rc |= writeSysctl(n.substring(0, eq).strip(), n.substring(eq + 1).strip(), quiet ? new StringBuilder() : out, err);
            } else {
                rc |= readSysctl(n.replace('/', '.'), valuesOnly, out, err);
            }
        }
        return rc == 0 ? 0 : 1;
    }

    private int readSysctl(String n, boolean valuesOnly, StringBuilder out, StringBuilder err) {
        String v = sysctls.get(n);
        if (v != null) {
            out.append(valuesOnly ? v + "\n" : SysctlOutput.formatLine(n, v));
            return 0;
        }
        // A directory: print what is under it, as procps does.
        String prefix = n + ".";
        boolean any = false;
        for (Map.Entry<String, String> e : sysctls.entrySet()) {
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

    private int writeSysctl(String n, String value, StringBuilder out, StringBuilder err) {
        SysctlSpec spec = sysctlSpecs.get(n);
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
        sysctls.put(n, value);
        out.append(SysctlOutput.formatLine(n, value));
        return 0;
    }

    private int applySysctlConf(String text, StringBuilder out, StringBuilder err) {
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
            int r = writeSysctl(line.substring(0, eq).strip(), line.substring(eq + 1).strip(), out, e);
            if (!ignoreErrors) {
                err.append(e);
                rc |= r;
            }
        }
        return rc == 0 ? 0 : 1;
    }

    private int sysctlSystem(StringBuilder out, StringBuilder err) {
        TreeMap<String, String> byName = new TreeMap<>();
        for (String dir : List.of("/usr/lib/sysctl.d/", "/run/sysctl.d/", "/etc/sysctl.d/")) {
            for (String f : files.keySet()) {
                if (f.startsWith(dir) && f.endsWith(".conf") && f.indexOf('/', dir.length()) < 0) {
                    byName.put(f.substring(dir.length()), f);
                }
            }
        }
        int rc = 0;
        for (String path : byName.values()) {
            out.append("* Applying ").append(path).append(" ...\n");
            rc |= applySysctlConf(files.get(path), out, err);
        }
        if (files.containsKey("/etc/sysctl.conf")) {
            out.append("* Applying /etc/sysctl.conf ...\n");
            rc |= applySysctlConf(files.get("/etc/sysctl.conf"), out, err);
        }
        return rc == 0 ? 0 : 1;
    }

    // ---- files: /proc, /sys, /etc ----

    /** The content of a path, or null with the reason in {@code why} ("No such file or directory", ...). */
    private String readFile(String path, StringBuilder why) {
        if (files.containsKey(path)) {
            return files.get(path);
        }
        switch (path) {
            case "/proc/interrupts":
                return interrupts();
            case "/proc/modules":
                return procModules();
            case "/sys/devices/system/cpu/online", "/sys/devices/system/cpu/present", "/sys/devices/system/cpu/possible":
                return CpuSet.range(0, cpus - 1).toList() + "\n";
            case "/proc/sys/kernel/osrelease":
                return KERNEL + "\n";
            default:
                break;
        }
        if (path.startsWith("/proc/sys/")) {
            String v = sysctls.get(SysctlOutput.toName(path));
            if (v != null) {
                return v + "\n";
            }
        }
        if (path.startsWith("/proc/irq/")) {
            String[] p = path.substring("/proc/irq/".length()).split("/");
            if (p.length == 2 && p[0].matches("\\d+") && irqAffinity.containsKey(Integer.parseInt(p[0]))) {
                CpuSet cpuSet = irqAffinity.get(Integer.parseInt(p[0]));
                if (p[1].equals("smp_affinity_list")) {
                    return cpuSet.toList() + "\n";
                }
                if (p[1].equals("smp_affinity")) {
                    return cpuSet.toMask(cpus) + "\n";
                }
            }
        }
        if (path.startsWith("/sys/class/net/")) {
            String[] p = path.substring("/sys/class/net/".length()).split("/");
            SandboxNic n = nics.get(p[0]);
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
                    return n.xps[q].toMask(cpus) + "\n";
                }
                q = queueDir(p[2], "rx-", n);
                if (q >= 0 && p[3].equals("rps_cpus")) {
                    return CpuSet.empty().toMask(cpus) + "\n";
                }
            }
        }
        why.append("No such file or directory");
        return null;
    }

    private static int queueDir(String dir, String prefix, SandboxNic n) {
        if (!dir.startsWith(prefix) || !dir.substring(prefix.length()).matches("\\d{1,2}")) {
            return -1;
        }
        int q = Integer.parseInt(dir.substring(prefix.length()));
        return q < n.queues ? q : -1;
    }

    private int cat(List<String> a, StringBuilder out, StringBuilder err) {
        int rc = 0;
        for (String path : a) {
            StringBuilder why = new StringBuilder();
            String content = readFile(path, why);
            if (content == null) {
                err.append("cat: ").append(path).append(": ").append(why).append('\n');
                rc = 1;
            } else {
                out.append(content);
            }
        }
        return rc;
    }

    /** Writes {@code content} to {@code path} as the kernel or the file system would; null on success, else the errno text. */
    private String writeFile(String path, String content, boolean append) {
        if (path.startsWith("/etc/") || path.startsWith("/run/") || path.startsWith("/usr/local/")) {
            if (path.endsWith("/")) {
                return "Is a directory";
            }
            files.put(path, append ? files.getOrDefault(path, "") + content : content);
            return null;
        }
        String value = content.strip();
        if (path.startsWith("/proc/sys/")) {
            String n = SysctlOutput.toName(path);
            if (!sysctlSpecs.containsKey(n)) {
                return "No such file or directory";
            }
            StringBuilder e = new StringBuilder();
            return writeSysctl(n, value, new StringBuilder(), e) == 0 ? null : "Invalid argument";
        }
        if (path.startsWith("/proc/irq/")) {
            String[] p = path.substring("/proc/irq/".length()).split("/");
            if (p.length != 2 || !p[0].matches("\\d+") || !irqAffinity.containsKey(Integer.parseInt(p[0]))) {
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
            if (set.isEmpty() || set.highest() >= cpus) {
                return "Invalid argument";
            }
            irqAffinity.put(Integer.parseInt(p[0]), set);
            return null;
        }
        if (path.startsWith("/sys/class/net/")) {
            String[] p = path.substring("/sys/class/net/".length()).split("/");
            SandboxNic n = nics.get(p[0]);
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
                if (set.highest() >= cpus) {
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
        return "Permission denied";
    }

    private int tee(List<String> a, String stdin, StringBuilder out, StringBuilder err) {
        boolean append = false;
        List<String> paths = new ArrayList<>();
        for (String t : a) {
            if (t.equals("-a") || t.equals("--append")) {
                append = true;
            } else {
                paths.add(t);
            }
        }
        out.append(stdin);
        int rc = 0;
        for (String p : paths) {
            String e = writeFile(p, stdin, append);
            if (e != null) {
                err.append("tee: ").append(p).append(": ").append(e).append('\n');
                rc = 1;
            }
        }
        return rc;
    }

    private int mv(List<String> a, StringBuilder err) {
        List<String> p = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (p.size() != 2) {
            err.append("mv: missing destination file operand\n");
            return 1;
        }
        if (!files.containsKey(p.get(0))) {
            err.append("mv: cannot stat '").append(p.get(0)).append("': No such file or directory\n");
            return 1;
        }
        if (!p.get(1).startsWith("/etc/") && !p.get(1).startsWith("/run/") && !p.get(1).startsWith("/usr/local/")) {
            err.append("mv: cannot move '").append(p.get(0)).append("' to '").append(p.get(1)).append("': Permission denied\n");
            return 1;
        }
        files.put(p.get(1), files.remove(p.get(0)));
        return 0;
    }

    private int cp(List<String> a, StringBuilder err) {
        List<String> p = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (p.size() != 2) {
            err.append("cp: missing destination file operand\n");
            return 1;
        }
        StringBuilder why = new StringBuilder();
        String content = readFile(p.get(0), why);
        if (content == null) {
            err.append("cp: cannot stat '").append(p.get(0)).append("': ").append(why).append('\n');
            return 1;
        }
        String e = writeFile(p.get(1), content, false);
        if (e != null) {
            err.append("cp: cannot create regular file '").append(p.get(1)).append("': ").append(e).append('\n');
            return 1;
        }
        return 0;
    }

    private int rm(List<String> a, StringBuilder err) {
        boolean force = a.contains("-f") || a.contains("-rf");
        int rc = 0;
        for (String p : a) {
            if (p.startsWith("-")) {
                continue;
            }
            if (files.remove(p) == null && !force) {
                err.append("rm: cannot remove '").append(p).append("': No such file or directory\n");
                rc = 1;
            }
        }
        return rc;
    }

    private int ls(List<String> a, StringBuilder out, StringBuilder err) {
        List<String> dirs = a.stream().filter(s -> !s.startsWith("-")).toList();
        String dir = dirs.isEmpty() ? "/root" : dirs.get(0);
        java.util.regex.Matcher queues = java.util.regex.Pattern.compile("/sys/class/net/([^/]+)/queues/?").matcher(dir);
        if (queues.matches()) {
            SandboxNic n = nics.get(queues.group(1));
            if (n == null) {
                err.append("ls: cannot access '").append(dir).append("': No such file or directory\n");
                return 2;
            }
            for (int q = 0; q < n.queues; q++) {
                out.append("rx-").append(q).append('\n');
            }
            for (int q = 0; q < n.queues; q++) {
                out.append("tx-").append(q).append('\n');
            }
            return 0;
        }
        if (dir.equals("/sys/class/net") || dir.equals("/sys/class/net/")) {
            List<String> names = new ArrayList<>(nics.keySet());
            names.add("lo");
            names.sort(null);
            names.forEach(n -> out.append(n).append('\n'));
            return 0;
        }
        if (files.containsKey(dir)) {
            out.append(dir).append('\n');
            return 0;
        }
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        Set<String> entries = new java.util.TreeSet<>();
        for (String f : files.keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                entries.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        if (entries.isEmpty() && !List.of("/etc/sysctl.d", "/etc/modules-load.d", "/etc/NetworkManager/conf.d",
                "/etc/systemd/system", "/etc/udev/rules.d").contains(dir.replaceAll("/$", ""))) {
            err.append("ls: cannot access '").append(dir).append("': No such file or directory\n");
            return 2;
        }
        entries.forEach(e -> out.append(e).append('\n'));
        return 0;
    }

    private int test(List<String> a) {
        if (a.size() == 2 && a.get(0).equals("-d")) {
            String p = a.get(1);
            if (p.equals("/run/systemd/system")) {
                return systemd ? 0 : 1;
            }
            if (p.startsWith("/sys/module/")) {
                return modules.contains(p.substring("/sys/module/".length())) ? 0 : 1;
            }
            return 1;
        }
        if (a.size() == 2 && (a.get(0).equals("-e") || a.get(0).equals("-f"))) {
            return readFile(a.get(1), new StringBuilder()) != null ? 0 : 1;
        }
        return 1;
    }

    private int readlink(List<String> a, StringBuilder out, StringBuilder err) {
        String p = a.isEmpty() ? "" : a.get(a.size() - 1);
        if (p.startsWith("/sys/class/net/") && p.endsWith("/device")) {
            SandboxNic n = nics.get(p.substring("/sys/class/net/".length(), p.length() - "/device".length()));
            if (n != null) {
                out.append("../../../").append(n.virtioName()).append('\n');
                return 0;
            }
        }
        return 1;
    }

    private int grep(List<String> a, StringBuilder out, StringBuilder err) {
        if (a.equals(List.of("-r", "--include=smp_affinity_list", ".", "/proc/irq"))) {
            new TreeMap<>(irqAffinity).forEach((irq, set) ->
                    out.append("/proc/irq/").append(irq).append("/smp_affinity_list:").append(set.toList()).append('\n'));
            return 0;
        }
        err.append("grep: the sandbox only answers grep -r --include=smp_affinity_list . /proc/irq\n");
        return 2;
    }

    private String interrupts() {
        int prec = 3;
        StringBuilder sb = new StringBuilder(" ".repeat(prec + 8));
        for (int c = 0; c < cpus; c++) {
            sb.append(String.format("CPU%-8d", c));
        }
        sb.append('\n');
        List<String[]> lines = new ArrayList<>();
        for (SandboxNic n : nics.values()) {
            int hw = 49152 + 16384 * n.virtioIndex;
            line(sb, prec, n.configIrq(), new long[0], hw, n.virtioName() + "-config");
            for (int q = 0; q < n.maxQueues; q++) {
                line(sb, prec, n.irqOfInput(q), spread(n.rxInterrupts[q], irqAffinity.get(n.irqOfInput(q))), hw + 1 + 2 * q,
                        n.virtioName() + "-input." + q);
                line(sb, prec, n.irqOfOutput(q), spread(n.txInterrupts[q], irqAffinity.get(n.irqOfOutput(q))), hw + 2 + 2 * q,
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

    private long[] spread(long count, CpuSet affinity) {
        long[] perCpu = new long[cpus];
        int cpu = affinity == null || affinity.isEmpty() ? 0 : affinity.cpus().findFirst().getAsInt();
        perCpu[Math.min(cpu, cpus - 1)] = count;
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

    private String procModules() {
        StringBuilder sb = new StringBuilder();
        for (String m : modules) {
            sb.append(String.format("%s %d 0 - Live 0x0000000000000000%n", m, 200704));
        }
        sb.append("virtio_net 57344 0 - Live 0x0000000000000000\n");
        sb.append("net_failover 24576 1 virtio_net, Live 0x0000000000000000\n");
        sb.append("failover 16384 1 net_failover, Live 0x0000000000000000\n");
        return sb.toString();
    }

    // ---- modules, NetworkManager, systemd, uname, ip ----

    private int modprobe(List<String> a, StringBuilder err) {
        boolean remove = a.contains("-r") || a.contains("--remove");
        List<String> mods = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (mods.isEmpty()) {
            err.append("modprobe: ERROR: missing parameters. See -h.\n");
            return 1;
        }
        for (String m : remove ? mods : mods.subList(0, 1)) {
            String norm = m.replace('-', '_');
            if (!KNOWN_MODULES.contains(m) && !KNOWN_MODULES.contains(norm)) {
                err.append("modprobe: FATAL: Module ").append(m).append(" not found in directory /lib/modules/").append(KERNEL).append('\n');
                return 1;
            }
            if (remove) {
                unloadModule(norm);
            } else {
                loadModule(norm);
            }
        }
        return 0;
    }

    private int lsmod(StringBuilder out) {
        out.append("Module                  Size  Used by\n");
        for (String line : procModules().split("\n")) {
            String[] p = line.split(" ");
            out.append(String.format("%-19s %8s  %s%n", p[0], p[1], p[2]));
        }
        return 0;
    }

    private boolean managed(SandboxNic n) {
        if (runtimeUnmanaged.contains(n.name)) {
            return false;
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().startsWith("/etc/NetworkManager/conf.d/") && f.getKey().endsWith(".conf")) {
                for (String line : f.getValue().split("\n")) {
                    String l = line.strip();
                    if (l.startsWith("unmanaged-devices=")) {
                        for (String spec : l.substring("unmanaged-devices=".length()).split("[;,]")) {
                            String s = spec.strip();
                            if (s.equals("interface-name:" + n.name) || s.equalsIgnoreCase("mac:" + n.mac) || s.equals("*")) {
                                return false;
                            }
                        }
                    }
                }
            }
        }
        return true;
    }

    private int nmcli(List<String> a, StringBuilder out, StringBuilder err) {
        if (!"active".equals(services.get("NetworkManager"))) {
            err.append("Error: NetworkManager is not running.\n");
            return 8;
        }
        List<String> args = new ArrayList<>(a);
        boolean terse = args.remove("-t") | args.remove("--terse");
        String fields = "DEVICE,TYPE,STATE,CONNECTION";
        int f = args.indexOf("-f");
        if (f >= 0 && f + 1 < args.size()) {
            fields = args.get(f + 1);
            args.remove(f + 1);
            args.remove(f);
        }
        if (args.isEmpty() || !List.of("dev", "device", "d").contains(args.get(0))) {
            err.append("Error: the sandbox answers only 'nmcli device' and 'nmcli device set'.\n");
            return 2;
        }
        if (args.size() >= 5 && args.get(1).equals("set") && args.get(3).equals("managed")) {
            SandboxNic n = nics.get(args.get(2));
            if (n == null) {
                err.append("Error: Device '").append(args.get(2)).append("' not found.\n");
                return 10;
            }
            String v = args.get(4);
            if (List.of("no", "off", "false").contains(v)) {
                runtimeUnmanaged.add(n.name);
            } else if (List.of("yes", "on", "true").contains(v)) {
                runtimeUnmanaged.remove(n.name);
            } else {
                err.append("Error: 'managed': '").append(v).append("' is not valid; use [yes|no].\n");
                return 2;
            }
            return 0;
        }
        if (args.size() == 1 || args.get(1).equals("status")) {
            String[] cols = fields.split(",");
            if (!terse) {
                out.append(String.join("  ", cols)).append('\n');
            }
            for (SandboxNic n : nics.values()) {
                boolean m = managed(n);
                Map<String, String> row = Map.of("DEVICE", n.name, "TYPE", "ethernet", "STATE", m ? "connected" : "unmanaged",
                        "CONNECTION", m ? (n.name.equals("eth0") ? "System eth0" : "Wired connection " + n.ifindex) : "--");
                List<String> vals = new ArrayList<>();
                for (String c : cols) {
                    vals.add(row.getOrDefault(c, ""));
                }
                out.append(String.join(terse ? ":" : "  ", vals.stream().map(v -> terse ? v.replace(":", "\\:") : v).toList())).append('\n');
            }
            List<String> lo = new ArrayList<>();
            for (String c : cols) {
                lo.add(Map.of("DEVICE", "lo", "TYPE", "loopback", "STATE", "unmanaged", "CONNECTION", terse ? "" : "--").getOrDefault(c, ""));
            }
            out.append(String.join(terse ? ":" : "  ", lo)).append('\n');
            return 0;
        }
        err.append("Error: argument '").append(args.get(1)).append("' not understood.\n");
        return 2;
    }

    private int systemctl(List<String> a, StringBuilder out, StringBuilder err) {
        List<String> args = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (args.isEmpty()) {
            err.append("systemctl: the sandbox needs a verb\n");
            return 1;
        }
        String verb = args.get(0);
        List<String> units = args.subList(1, args.size());
        switch (verb) {
            case "is-active" -> {
                boolean all = true;
                for (String u : units) {
                    String s = services.getOrDefault(strip(u), "inactive");
                    out.append(s).append('\n');
                    all &= s.equals("active");
                }
                return all ? 0 : 3;
            }
            case "is-enabled" -> {
                boolean all = true;
                for (String u : units) {
                    boolean e = enabledUnits.contains(strip(u) + ".service");
                    out.append(e ? "enabled" : "disabled").append('\n');
                    all &= e;
                }
                return all ? 0 : 1;
            }
            case "daemon-reload" -> {
                return 0;
            }
            case "enable", "disable" -> {
                for (String u : units) {
                    String unit = strip(u) + ".service";
                    if (!services.containsKey(strip(u)) && !files.containsKey("/etc/systemd/system/" + unit)
                            && !files.containsKey(templatePath(unit))) {
                        err.append("Failed to ").append(verb).append(" unit: Unit file ").append(unit).append(" does not exist.\n");
                        return 1;
                    }
                    if (verb.equals("enable")) {
                        if (enabledUnits.add(unit)) {
                            err.append("Created symlink /etc/systemd/system/multi-user.target.wants/").append(unit)
                                    .append(" \u2192 /etc/systemd/system/").append(unit).append(".\n");
                        }
                    } else if (enabledUnits.remove(unit)) {
                        err.append("Removed /etc/systemd/system/multi-user.target.wants/").append(unit).append(".\n");
                    }
                }
                return 0;
            }
            case "start", "restart", "stop", "reload", "try-restart" -> {
                for (String u : units) {
                    if (verb.equals("try-restart") && !"active".equals(services.get(strip(u)))) {
                        continue;
                    }
                    if (u.endsWith(".timer")) {
                        String unit = u.substring(0, u.length() - ".timer".length());
                        if (!verb.equals("stop") || timers.remove(unit) == null) {
                            err.append("Failed to ").append(verb).append(' ').append(u).append(": Unit ").append(u)
                                    .append(" not loaded.\n");
                            return 5;
                        }
                        continue;
                    }
                    String s = strip(u);
                    String path = "/etc/systemd/system/" + s + ".service";
                    if (!services.containsKey(s) && !files.containsKey(path)) {
                        err.append("Failed to ").append(verb).append(' ').append(s).append(".service: Unit ").append(s)
                                .append(".service not found.\n");
                        return 5;
                    }
                    if (verb.equals("stop")) {
                        services.put(s, "inactive");
                    } else {
                        if (files.containsKey(path)) {
                            int rc = runUnit(path, out, err);
                            if (rc != 0) {
                                services.put(s, "failed");
                                err.append("Job for ").append(s).append(".service failed because the control process exited with error code.\n");
                                return 1;
                            }
                        }
                        services.put(s, files.containsKey(path) ? "active" : "active");
                    }
                }
                return 0;
            }
            default -> {
                err.append("Unknown command verb ").append(verb).append(".\n");
                return 1;
            }
        }
    }

    private static String strip(String unit) {
        return unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
    }

    /** Runs the ExecStart= lines of a unit file through this interpreter (words split on blanks, no quoting). */
    private int runUnit(String path, StringBuilder out, StringBuilder err) {
        return runUnit(path, "", out, err);
    }

    /** "/etc/systemd/system/x@.service" for an instance "x@eth1.service" (a template unit), else "". */
    private static String templatePath(String unit) {
        int at = unit.indexOf('@');
        int dot = unit.lastIndexOf('.');
        return at < 0 || dot < at ? "" : "/etc/systemd/system/" + unit.substring(0, at + 1) + unit.substring(dot);
    }

    private static String instanceOf(String unit) {
        return unit.substring(unit.indexOf('@') + 1, unit.lastIndexOf('.'));
    }

    /** Runs a unit's ExecStart= lines with %i as {@code instance}; a program that is a script file runs as a script. */
    private int runUnit(String path, String instance, StringBuilder out, StringBuilder err) {
        for (String line : files.get(path).replace("%i", instance).split("\n")) {
            String l = line.strip();
            if (!l.startsWith("ExecStart=")) {
                continue;
            }
            String cmd = l.substring("ExecStart=".length()).replaceFirst("^[-@+!]+", "").strip();
            if (cmd.isEmpty()) {
                continue;
            }
            String[] words = cmd.split("\\s+");
            String script = files.get(words[0]);
            if (script != null && script.startsWith("#!")) {
                commandLog.add("(unit " + path + ") " + words[0]);
                int rc = runScript(script, out, err);
                if (rc != 0) {
                    return rc;
                }
                continue;
            }
            Command c = Command.of(words[0], List.of(words).subList(1, words.length));
            StringBuilder o = new StringBuilder();
            int rc = dispatch(c, o, err);
            commandLog.add("(unit " + path + ") " + c.display());
            if (rc != 0) {
                return rc;
            }
        }
        return 0;
    }

    private int uname(List<String> a, StringBuilder out) {
        if (a.contains("-a")) {
            out.append("Linux ").append(HOSTNAME).append(' ').append(KERNEL)
                    .append(" #1 SMP Fri Nov 10 2023 x86_64 x86_64 x86_64 GNU/Linux\n");
        } else if (a.contains("-n")) {
            out.append(HOSTNAME).append('\n');
        } else if (a.contains("-r")) {
            out.append(KERNEL).append('\n');
        } else {
            out.append("Linux\n");
        }
        return 0;
    }

    private int ip(List<String> a, StringBuilder out, StringBuilder err) {
        List<String> args = new ArrayList<>(a);
        boolean oneLine = args.remove("-o") | args.remove("-oneline");
        boolean json = args.remove("-j") | args.remove("-json");
        if (args.isEmpty() || !List.of("link", "l").contains(args.get(0))) {
            err.append("Object \"").append(args.isEmpty() ? "" : args.get(0)).append("\" is unknown to the sandbox; it answers ip link.\n");
            return 255;
        }
        String only = args.size() >= 3 && args.get(1).equals("show") ? args.get(2) : null;
        if (only != null && !only.equals("lo") && !nics.containsKey(only)) {
            err.append("Device \"").append(only).append("\" does not exist.\n");
            return 1;
        }
        if (json) {
            List<String> objs = new ArrayList<>();
            if (only == null || only.equals("lo")) {
                objs.add("{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],\"mtu\":65536,"
                        + "\"qdisc\":\"noqueue\",\"operstate\":\"UNKNOWN\",\"linkmode\":\"DEFAULT\",\"group\":\"default\","
                        + "\"txqlen\":1000,\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\",\"broadcast\":\"00:00:00:00:00:00\"}");
            }
            List<SandboxNic> byIndex = new ArrayList<>(nics.values());
            byIndex.sort((x, y) -> Integer.compare(x.ifindex, y.ifindex));
            for (SandboxNic n : byIndex) {
                if (only != null && !only.equals(n.name)) {
                    continue;
                }
                objs.add("{\"ifindex\":" + n.ifindex + ",\"ifname\":\"" + n.name + "\",\"flags\":[\"BROADCAST\",\"MULTICAST\""
                        + (n.up ? ",\"UP\",\"LOWER_UP\"" : "") + "],\"mtu\":" + n.mtu + ",\"qdisc\":\"mq\",\"operstate\":\""
                        + (n.up ? "UP" : "DOWN") + "\",\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,"
                        + "\"link_type\":\"ether\",\"address\":\"" + n.mac + "\",\"broadcast\":\"ff:ff:ff:ff:ff:ff\"}");
            }
            out.append('[').append(String.join(",", objs)).append("]\n");
            return 0;
        }
        String sep = oneLine ? "\\" : "\n";
        if (only == null || only.equals("lo")) {
            out.append("1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000")
                    .append(sep).append("    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
        }
        List<SandboxNic> ordered = new ArrayList<>(nics.values());
        ordered.sort((x, y) -> Integer.compare(x.ifindex, y.ifindex));
        for (SandboxNic n : ordered) {
            if (only != null && !only.equals(n.name)) {
                continue;
            }
            out.append(n.ifindex).append(": ").append(n.name).append(": <BROADCAST,MULTICAST").append(n.up ? ",UP,LOWER_UP" : "")
                    .append("> mtu ").append(n.mtu).append(" qdisc mq state ").append(n.up ? "UP" : "DOWN")
                    .append(" mode DEFAULT group default qlen 1000").append(sep).append("    link/ether ").append(n.mac)
                    .append(" brd ff:ff:ff:ff:ff:ff\n");
        }
        return 0;
    }

    // ---- sh -c: NetTune's own per-NIC probe script, and the seed's `echo VALUE > FILE` ----

    private static final java.util.regex.Pattern ECHO_REDIRECT =
            java.util.regex.Pattern.compile("\\s*echo\\s+(?:'([^']*)'|\"([^\"]*)\"|(\\S+))\\s*(>>?)\\s*(\\S+)\\s*");

    private int shell(List<String> a, StringBuilder out, StringBuilder err) {
        if (HostStateScript.isPerNicScript("sh", a)) {
            List<String> only = a.subList(3, a.size());
            List<String> names = new ArrayList<>(only.isEmpty() ? nics.keySet() : only);
            for (String n : names) {
                SandboxNic nic = nics.get(n);
                if (nic == null) {
                    out.append(HostStateScript.section(n, "missing", 1, "no such network interface"));
                    continue;
                }
                probe(out, n, "ifindex", Command.of("cat", "/sys/class/net/" + n + "/ifindex"));
                probe(out, n, "device", Command.of("readlink", "/sys/class/net/" + n + "/device"));
                probe(out, n, "ethtool-i", Command.of("ethtool", "-i", n));
                probe(out, n, "ethtool-l", Command.of("ethtool", "-l", n));
                probe(out, n, "ethtool-x", Command.of("ethtool", "-x", n));
                probe(out, n, "ethtool-S", Command.of("ethtool", "-S", n));
                for (FlowType t : FlowType.values()) {
                    probe(out, n, "rx-flow-hash-" + t.arg(), Command.of("ethtool", "-n", n, "rx-flow-hash", t.arg()));
                }
                for (int q = 0; q < nic.queues; q++) {
                    probe(out, n, "xps-tx-" + q, Command.of("cat", "/sys/class/net/" + n + "/queues/tx-" + q + "/xps_cpus"));
                }
            }
            return 0;
        }
        if (a.size() == 4 && a.get(0).equals("-c") && a.get(1).equals(dev.nettune.tuning.ArmedRevert.DETACH_SCRIPT)) {
            return setsid(List.of("-f", "sh", "-c", a.get(3)), err);
        }
        if (a.size() == 4 && a.get(0).equals("-c") && a.get(1).equals(dev.nettune.tuning.ArmedRevert.KILL_SCRIPT)) {
            return pkill(List.of("-F", a.get(3)), err);
        }
        if (a.size() == 2 && a.get(0).equals("-c") && a.get(1).equals(HostStateScript.IRQ_AFFINITY_SCRIPT)) {
            return grep(List.of("-r", "--include=smp_affinity_list", ".", "/proc/irq"), out, err);
        }
        if (a.size() == 2 && a.get(0).equals("-c")) {
            java.util.regex.Matcher m = ECHO_REDIRECT.matcher(a.get(1));
            if (m.matches()) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String target = m.group(5);
                String e = writeFile(target, value + "\n", m.group(4).equals(">>"));
                if (e != null) {
                    if (e.equals("No such file or directory") || e.equals("Permission denied")) {
                        err.append("sh: ").append(target).append(": ").append(e).append('\n');
                    } else {
                        err.append("sh: line 1: echo: write error: ").append(e).append('\n');
                    }
                    return 1;
                }
                return 0;
            }
        }
        err.append("sh: the sandbox runs only NetTune's own scripts and `echo VALUE > FILE`; use structured commands\n");
        return 2;
    }

    private void probe(StringBuilder out, String nic, String id, Command c) {
        StringBuilder o = new StringBuilder();
        StringBuilder e = new StringBuilder();
        int rc = dispatch(c, o, e);
        out.append(HostStateScript.section(nic, id, rc, o.toString() + e));
    }

    /** The sysctl value now, or empty if the key does not exist (for tests). */
    public Optional<String> sysctlValue(String key) {
        synchronized (lock) {
            return Optional.ofNullable(sysctls.get(key));
        }
    }

    /** A file under /etc as it is now, if it exists (for tests). */
    public Optional<String> file(String path) {
        synchronized (lock) {
            return Optional.ofNullable(files.get(path));
        }
    }
}
