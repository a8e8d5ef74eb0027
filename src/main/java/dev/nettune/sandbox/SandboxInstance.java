package dev.nettune.sandbox;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.linux.NicName;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.rss.Flow;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated Alibaba Cloud Linux 3 ECS instance behind the {@link Host} port: the demo a newcomer
 * sees first and the test target for everything above the host layer. It has a primary {@code eth0}
 * and a virtio-net ENI {@code eth1} with 4 queues (configurable up to 64) and custom RSS on (a 40-byte
 * key, a 128-entry table). Its {@link SandboxShell} interprets the structured commands NetTune issues,
 * one {@link SandboxTool} per program (ethtool, sysctl, cat, tee, mv, rm, ls, readlink, grep of
 * /proc/irq, modprobe, lsmod, nmcli, systemctl, uname, ip link, ...), over a {@link SandboxFilesystem}
 * and a {@link SandboxKernel}, and answers in the real tools' layout, rejecting what the real kernel
 * rejects. Thread-safe; deterministic for a seed; faults (and the real NIC's traps) via {@link #faults()}.
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
    static final List<String> SMC_KEYS = SysctlTable.SMC_KEYS;

    private final Object lock = new Object();
    private final SandboxFaults faults = new SandboxFaults();
    private final SandboxKernel kernel;
    private final SandboxFilesystem fs;
    private final SandboxServices services = new SandboxServices();
    private final SandboxShell shell;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private volatile String name = NAME;

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
        this.kernel = new SandboxKernel(seed, cpus, eth1Queues, eth0Mac, eth1Mac, faults);
        this.fs = new SandboxFilesystem(kernel);
        this.shell = new SandboxShell(kernel, fs, services, faults);
        kernel.sysctls.applyConf(fs.plain("/etc/sysctl.conf"), new StringBuilder(), new StringBuilder());
        services.networkManagerConf = NmcliTool.confD(fs);
    }

    /**
     * The demo instance: seed 42, 4 vCPUs and the MACs of the simulated region's accepter instance
     * (ecs.g9i.xlarge, primary ENI 00:16:3e:0a:00:0a, the seed's secondary ENI 10.0.0.5 00:16:3e:0a:00:05),
     * eth1 with 4 queues and custom RSS on.
     */
    public static SandboxInstance demo() {
        return new SandboxInstance(42, 4, 4, "00:16:3e:0a:00:0a", "00:16:3e:0a:00:05");
    }

    /** The faults and real-NIC traps to switch on (see {@link SandboxFaults}). */
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
            return List.copyOf(shell.log());
        }
    }

    public int cpuCount() {
        return kernel.cpus;
    }

    /** The NIC names, sorted. */
    public List<String> nicNames() {
        synchronized (lock) {
            return List.copyOf(kernel.nics.keySet());
        }
    }

    /** The key eth1 (or another NIC) shows in {@code ethtool -x} now. */
    public RssKey rssKey(String nic) {
        synchronized (lock) {
            return kernel.nicOrThrow(nic).key;
        }
    }

    /** The table {@code ethtool -x} shows now. */
    public IndirectionTable indirectionTable(String nic) {
        synchronized (lock) {
            return kernel.nicOrThrow(nic).table;
        }
    }

    public int queueCount(String nic) {
        synchronized (lock) {
            return kernel.nicOrThrow(nic).queues;
        }
    }

    /** This boot's id, as {@code /proc/sys/kernel/random/boot_id} shows it; a {@link #reboot()} makes a new one. */
    public String bootId() {
        synchronized (lock) {
            return kernel.bootId();
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
                while (kernel.nics.containsKey("eth" + i)) {
                    i++;
                }
                n = "eth" + i;
            }
            NicName.of(n);
            if (kernel.nics.containsKey(n)) {
                throw new IllegalArgumentException("The sandbox already has a NIC named " + n + ".");
            }
            if (!mac.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
                throw new IllegalArgumentException("Not a MAC address: '" + mac + "'; expected six lower-case hex pairs such as 00:16:3e:12:34:56.");
            }
            kernel.attach(n, mac, queues, Math.max(queues, 1), rssEnabled);
            return n;
        }
    }

    /**
     * Makes the NIC {@code name} look as the cloud says (after a reboot or re-attach): kept if MAC,
     * queue count and RSS already match, otherwise replaced by a fresh NIC (new driver state).
     */
    public void reconcileNic(String name, String mac, int queues, boolean rssEnabled) {
        synchronized (lock) {
            SandboxNic n = kernel.nics.get(name);
            if (n != null && n.mac.equalsIgnoreCase(mac) && n.maxQueues == queues && n.customRss == rssEnabled) {
                return;
            }
            kernel.nics.values().removeIf(x -> x.mac.equalsIgnoreCase(mac));
            kernel.nics.remove(name);
            attachNic(name, mac.toLowerCase(Locale.ROOT), queues, rssEnabled);
        }
    }

    /** Removes the NIC with this MAC (the ENI was detached); false if there is none. */
    public boolean detachNic(String mac) {
        synchronized (lock) {
            return kernel.nics.values().removeIf(n -> n.mac.equalsIgnoreCase(mac));
        }
    }

    // ---- traffic (used by SandboxTraffic) ----

    /** Delivers {@code packets} packets of one flow to {@code nic}; returns the queue that received them. */
    int deliver(String nic, Flow flow, long packets, int bytesPerPacket) {
        synchronized (lock) {
            return kernel.deliver(nic, flow, packets, bytesPerPacket);
        }
    }

    /** The 64-queue (or any) {@code ethtool -S} text of a NIC, for benchmarks and tests. */
    public String ethtoolStatistics(String nic) {
        synchronized (lock) {
            return kernel.nicOrThrow(nic).statistics();
        }
    }

    // ---- reboot ----

    /**
     * Reboots: runtime settings are lost (sysctls, loaded modules, XPS, IRQ affinity, ethtool -L/-X,
     * runtime "managed no", the tracefs buffer) and the boot id changes; then what is persisted applies,
     * in boot order: modules-load.d, sysctl --system, NetworkManager's conf.d, and the ExecStart lines of
     * enabled units in /etc/systemd/system.
     */
    public void reboot() {
        synchronized (lock) {
            kernel.reboot();
            services.runtimeUnmanaged.clear();
            for (Map.Entry<String, String> f : fs.files().entrySet()) {
                if (f.getKey().startsWith("/etc/modules-load.d/") && f.getKey().endsWith(".conf")) {
                    for (String line : f.getValue().split("\n")) {
                        String m = line.strip();
                        if (!m.isEmpty() && !m.startsWith("#") && SandboxKernel.KNOWN_MODULES.contains(m)) {
                            kernel.loadModule(m);
                        }
                    }
                }
            }
            shell.sysctl().system(new StringBuilder(), new StringBuilder());
            services.services.put("NetworkManager", "active");
            services.networkManagerConf = NmcliTool.confD(fs);
            for (String unit : List.copyOf(services.enabledUnits)) {
                shell.systemctl().startAtBoot(unit);
            }
        }
    }

    // ---- time, timers and connections (commit-confirmed reverts) ----

    /**
     * Lets {@code d} of sandbox time pass: every armed timer whose time has come runs its command
     * (NetTune's revert scripts run through the shell). Tests drive commit-confirmed this way.
     */
    public void advanceTime(Duration d) {
        synchronized (lock) {
            services.clock = services.clock.plus(d);
            for (var it = services.timers.entrySet().iterator(); it.hasNext(); ) {
                var t = it.next();
                if (t.getValue().firesAt().compareTo(services.clock) <= 0) {
                    it.remove();
                    List<String> c = t.getValue().command();
                    shell.log("(timer " + t.getKey() + ") " + String.join(" ", c));
                    if (t.getValue().pidFile() != null) {
                        fs.files().remove(t.getValue().pidFile());
                    }
                    if (c.size() == 2 && (c.get(0).equals("/bin/sh") || c.get(0).equals("sh"))) {
                        String script = fs.plain(c.get(1));
                        if (script != null) {
                            shell.runScript(script, new StringBuilder(), new StringBuilder());
                        }
                    } else if (!c.isEmpty()) {
                        shell.dispatch(Command.of(c.get(0), c.subList(1, c.size())), new StringBuilder(), new StringBuilder());
                    }
                }
            }
        }
    }

    /** Names of the timers armed and not yet fired or stopped. */
    public Set<String> armedTimers() {
        synchronized (lock) {
            return new LinkedHashSet<>(services.timers.keySet());
        }
    }

    /** Whether the instance runs systemd (without it NetTune arms a detached sleeper instead of a timer). */
    public void systemd(boolean on) {
        synchronized (lock) {
            services.systemd = on;
        }
    }

    /**
     * A new connection to this instance, as NetTune opens one to confirm a change; refused while
     * {@link SandboxFaults#refuseNextConnections} says so.
     */
    public Host connect() throws HostException {
        if (faults.takeRefusal()) {
            throw new HostException(Phrase.of("sandbox.fault.refused", "ssh: connect to host sandbox port 22: Connection timed out (an injected fault)."));
        }
        return this;
    }

    /** Splits a script line into words as the sandbox's shell does (kept here for its tests). */
    static List<String> shellWords(String line) {
        return SandboxShell.shellWords(line);
    }

    /**
     * Gives this instance its own host name (a fleet of simulated instances: each is journaled and locked
     * under its own name); returns this instance.
     */
    public SandboxInstance named(String hostName) {
        if (hostName == null || !hostName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new IllegalArgumentException("Not a sandbox host name: '" + hostName
                    + "'; allowed: letters, digits, '.', '_', '-', up to 63 characters.");
        }
        this.name = hostName;
        return this;
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
            throw new HostException(Phrase.of("sandbox.fault.cancelled", "Cancelled before the stream started."));
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
        return running(t);
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
                    if (faults.streamCuts() != cutsAtStart) {
                        sink.ended(-1, new HostException(Phrase.of("sandbox.fault.streamCut", "Connection to sandbox lost (the stream was cut).")));
                        return;
                    }
                    String frame;
                    synchronized (lock) {
                        frame = kernel.samplerFrame(nic);
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
        return running(t);
    }

    private static LineStream running(Thread t) {
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

    /** Does nothing: the sandbox is one shared instance that lives as long as the application. */
    @Override
    public void close() {
        // Every user of the built-in host gets the same instance; closing it would end the demo for all.
    }

    private void enter(Duration timeout) throws HostException, InterruptedException {
        roundTrips.incrementAndGet();
        if (faults.takeDrop()) {
            throw new HostException(Phrase.of("sandbox.fault.dropped", "Connection to sandbox lost (the sandbox dropped it on purpose: an injected fault)."));
        }
        Duration d = faults.delay();
        if (!d.isZero()) {
            if (d.compareTo(timeout) >= 0) {
                Thread.sleep(timeout.toMillis());
                throw new HostException(Phrase.of("sandbox.fault.slow", "sandbox did not answer within {0} ms (timed out).", timeout.toMillis()));
            }
            Thread.sleep(d.toMillis());
        }
    }

    private CommandResult execute(Command c) {
        shell.log(c.display());
        StringBuilder out = new StringBuilder();
        StringBuilder err = new StringBuilder();
        int[] injected = faults.takeFailure(c, err);
        if (injected != null) {
            return new CommandResult(c, injected[0], "", err.toString());
        }
        int code = shell.dispatch(c, out, err);
        err.append(faults.takePadding(c));
        return new CommandResult(c, code, out.toString(), err.toString());
    }

    /** The sysctl value now, or empty if the key does not exist (for tests). */
    public Optional<String> sysctlValue(String key) {
        synchronized (lock) {
            return Optional.ofNullable(kernel.sysctls.value(key));
        }
    }

    /** A file under /etc as it is now, if it exists (for tests). */
    public Optional<String> file(String path) {
        synchronized (lock) {
            return Optional.ofNullable(fs.plain(path));
        }
    }
}
