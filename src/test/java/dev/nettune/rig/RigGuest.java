package dev.nettune.rig;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.local.LocalHost;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.EthtoolStatsParser;
import dev.nettune.linux.QueueCounters;
import dev.nettune.testing.InjectedFlows;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The rig (/work/shared/rig): a real Debian 6.1 guest under QEMU whose eth0 is a 4-queue virtio-net NIC with
 * software Toeplitz RSS. Copies the rig to a writable folder, builds it once, boots it, and gives the tests
 * NetTune's own {@link SshHost} to it (host key verified against a known_hosts made from the guest's dropbear key),
 * the frame injector, and per-queue counters. Stops QEMU and removes the namespace when closed, if it started them.
 */
final class RigGuest implements AutoCloseable {
    static final String NIC = "eth0";
    static final String GUEST_ADDRESS = "198.18.0.2";
    static final int QUEUES = 4;
    /** Port, namespace and tap of this run's guest (-Dnettune.rig.sshPort/ns/tap), so two runs on one machine never collide. */
    static final int SSH_PORT = Integer.getInteger("nettune.rig.sshPort", 2222);
    static final String NS = System.getProperty("nettune.rig.ns", "rssns");
    static final String TAP = System.getProperty("nettune.rig.tap", "rsstap0");
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final boolean startedHere;
    private final Path knownHosts;
    private volatile SshHost host;
    private final LocalHost local = new LocalHost();

    private RigGuest(Path dir, boolean startedHere, Path knownHosts) {
        this.dir = dir;
        this.startedHere = startedHere;
        this.knownHosts = knownHosts;
        this.host = connect();
    }

    /**
     * The guest's busybox has no {@code printenv}, which every ECS image has (coreutils) and NetTune's planner uses to
     * find the NIC an SSH session arrives on; without it, every NIC might carry the session. Copies the host's
     * coreutils printenv (it needs only libc, which the guest has) into the guest's tmpfs root, once per boot.
     */
    private void addCoreutilsPrintenv() throws IOException, HostException, InterruptedException {
        if (run("sh", "-c", "command -v printenv").ok()) {
            return;
        }
        String binary = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("/usr/bin/printenv")));
        host.run(Command.of("sh", "-c", "base64 -d > /usr/bin/printenv && chmod 755 /usr/bin/printenv").withStdin(binary + "\n"),
                COMMAND_TIMEOUT).stdoutOrThrow();
    }

    /** Copies (when changed), builds (when not built), boots (when not running) the rig from {@code source}. */
    static RigGuest boot(Path source, Path dir) throws IOException, HostException, InterruptedException {
        Files.createDirectories(dir);
        try (var files = Files.list(source)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = dir.resolve(f.getFileName());
                if (!Files.exists(to) || Files.mismatch(f, to) != -1) {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
                String name = f.getFileName().toString();
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString(
                        name.endsWith(".sh") || name.endsWith(".py") ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        Path image = image(dir);
        boolean built = Files.exists(image.resolve("vmlinuz")) && Files.exists(image.resolve("initramfs.cpio.gz"))
                && Files.exists(dir.resolve("keys/id_ed25519")) && Files.exists(dir.resolve("keys/dropbear_ed25519_host_key"));
        if (!built) {
            script(dir, Duration.ofMinutes(30), "./build.sh");
        }
        boolean running = script(dir, Duration.ofSeconds(30), "./run.sh", "status").strip().equals("running");
        if (!running) {
            // TCG on a loaded two-core machine: the README's 10 s boot can take minutes.
            script(dir, Duration.ofMinutes(10), "./run.sh", "start");
        }
        String hostKey = script(dir, Duration.ofSeconds(30), "dropbearkey", "-y", "-f", "keys/dropbear_ed25519_host_key");
        String line = hostKey.lines().filter(l -> l.startsWith("ssh-ed25519 ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("dropbearkey printed no ssh-ed25519 public key:\n" + hostKey));
        String[] parts = line.split("\\s+");
        Path knownHosts = Files.createTempFile("nettune-rig-known_hosts", "");
        Files.writeString(knownHosts, "[127.0.0.1]:" + SSH_PORT + " " + parts[0] + " " + parts[1] + "\n");
        RigGuest guest = new RigGuest(dir, !running, knownHosts);
        guest.addCoreutilsPrintenv();
        return guest;
    }

    /**
     * The guest image this run boots: {@code -Dnettune.rig.kernel=6.12} picks the bookworm-backports 6.12 guest
     * (out-6.12, whose device hashes with the key shifted by one byte), anything else the stock 6.1 guest (out);
     * {@code -Dnettune.rig.img=DIR} names an image folder directly (relative to the rig's copy).
     */
    static Path image(Path dir) {
        String img = System.getProperty("nettune.rig.img", "");
        if (!img.isBlank()) {
            return dir.resolve(img);
        }
        return dir.resolve(KERNEL_612.equals(System.getProperty("nettune.rig.kernel", "")) ? "out-6.12" : "out");
    }

    /** The value of {@code -Dnettune.rig.kernel} that boots the 6.12 guest. */
    static final String KERNEL_612 = "6.12";

    private SshHost connect() {
        SshTarget target = new SshTarget("127.0.0.1", SSH_PORT, "root").withIdentities(List.of(dir.resolve("keys/id_ed25519")));
        // Refuse unknown keys (the default): only the guest's own dropbear key in the temp known_hosts passes.
        SshOptions options = SshOptions.defaults().withKnownHosts(knownHosts).withAgentSocket(Optional.empty());
        return new SshHost("rig", target, options);
    }

    /**
     * Reboots the guest (QEMU stopped and booted again, as the README's run.sh does) and connects anew: the NIC comes back
     * with four channels, the default table and RSS off until the first {@code ethtool -X}, and the initramfs root as built,
     * so nothing written under /etc or /usr/local survives (there is no disk).
     */
    void reboot() throws Exception {
        host.close();
        script(dir, Duration.ofMinutes(2), "./run.sh", "stop");
        // TCG on a loaded two-core machine: the README's 10 s boot can take minutes.
        script(dir, Duration.ofMinutes(10), "./run.sh", "start");
        host = connect();
        addCoreutilsPrintenv();
    }

    /** NetTune's SSH connection to the guest. */
    Host host() {
        return host;
    }

    /** A second, separate connection (the tuning engine's connector opens these). */
    Host newConnection() {
        return connect();
    }

    Path knownHosts() {
        return knownHosts;
    }

    Path dir() {
        return dir;
    }

    /** Runs one command in the guest (as root: the login is root). */
    CommandResult run(String program, String... args) throws HostException, InterruptedException {
        return host.run(Command.of(program, args), COMMAND_TIMEOUT);
    }

    /** Four queues and the default table, whatever the last test left (raising channels is always allowed). */
    void reset() throws HostException, InterruptedException {
        run("ethtool", "-L", NIC, "combined", Integer.toString(QUEUES)).stdoutOrThrow();
        run("ethtool", "-X", NIC, "default").stdoutOrThrow();
    }

    EthtoolRss rss() throws HostException, InterruptedException {
        return EthtoolRssParser.parse(run("ethtool", "-x", NIC).stdoutOrThrow());
    }

    /** eth0's per-queue counters, read with {@code ethtool -S} and NetTune's virtio_net parser. */
    QueueCounters counters() throws HostException, InterruptedException {
        return EthtoolStatsParser.parse("virtio_net", run("ethtool", "-S", NIC).stdoutOrThrow());
    }

    /**
     * Writes the flows' frames onto the tap in front of eth0 ({@code ip netns exec rssns python3 inject.py rsstap0},
     * run through NetTune's LocalHost) and waits until the guest has counted all of them, or {@code wait} passed.
     * Returns the frames received per queue meanwhile.
     */
    long[] inject(InjectedFlows flows, int queues) throws HostException, InterruptedException {
        QueueCounters before = counters();
        CommandResult r = local.run(Command.of("ip", "netns", "exec", NS, "python3", dir.resolve("inject.py").toString(),
                TAP).withStdin(flows.text()).asRoot(), COMMAND_TIMEOUT);
        long acknowledged = r.stdoutOrThrow().lines().filter(l -> l.startsWith("ok ")).mapToLong(l -> Long.parseLong(l.substring(3).strip())).sum();
        if (acknowledged != flows.frames()) {
            throw new IllegalStateException("inject.py acknowledged " + acknowledged + " of " + flows.frames() + " frames: " + r.stdout() + r.stderr());
        }
        long[] delta = new long[queues];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            QueueCounters after = counters();
            long sum = 0;
            for (int q = 0; q < queues; q++) {
                delta[q] = after.rxPackets(q) - before.rxPackets(q);
                sum += delta[q];
            }
            if (sum >= flows.frames() || System.nanoTime() > deadline) {
                return delta;
            }
            Thread.sleep(300);
        }
    }

    /** A figure the guest showed (predicted vs landed), for the test report and the console of an opt-in run. */
    /**
     * A progress listener that prints each step with the seconds since it was made and the machine's load, so a slow
     * run's report says which step took the time (the rig shares two cores with other work).
     */
    static java.util.function.Consumer<dev.nettune.Phrase> timedProgress(List<String> into) {
        long t0 = System.nanoTime();
        return line -> {
            String timed = String.format(java.util.Locale.ROOT, "%6.1f s  %s  (load %s)", (System.nanoTime() - t0) / 1e9, line,
                    load());
            into.add(timed);
            System.out.println("[rig]   " + timed);
        };
    }

    /** The 1-minute load average, from /proc/loadavg. */
    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    static void figure(org.junit.jupiter.api.TestReporter report, String key, String value) {
        report.publishEntry(key, value);
        System.out.println("[rig] " + key + ": " + value);
    }

    /** Output of a host-side command in the rig's folder; fails with its output when it fails. */
    static String script(Path dir, Duration timeout, String... argv) throws IOException, InterruptedException {
        Path log = Files.createTempFile("nettune-rig", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("SSH_PORT", Integer.toString(SSH_PORT));
            pb.environment().put("NS", NS);
            pb.environment().put("TAP", TAP);
            Path image = image(dir);
            pb.environment().put("IMG", image.toString()); // run.sh boots it; build.sh builds into it
            pb.environment().put("OUT", image.toString());
            if (image.getFileName().toString().contains("6.12")) {
                pb.environment().put("KSUITE", "bookworm-backports"); // where build.sh finds the 6.12 kernel
            }
            Process p = pb.start();
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", argv) + " did not finish within " + timeout.toSeconds() + " s in " + dir
                        + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", argv) + " failed (exit " + p.exitValue() + ") in " + dir + ":\n" + out);
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Override
    public void close() throws Exception {
        try {
            host.close();
        } finally {
            Files.deleteIfExists(knownHosts);
            if (startedHere) {
                script(dir, Duration.ofMinutes(2), "./run.sh", "stop");
            }
        }
    }

    @Override
    public String toString() {
        return "rig guest in " + dir + (startedHere ? " (started by this test run)" : " (was already running)");
    }
}
