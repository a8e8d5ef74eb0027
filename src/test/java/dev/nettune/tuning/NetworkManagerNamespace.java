package dev.nettune.tuning;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A host with a REAL NetworkManager daemon: a network namespace of this machine's kernel with a veth named
 * {@code eth1} (as on an ECS instance with a secondary ENI), a private mount and UTS namespace held by a
 * sleeping process, tmpfs on /run and overlays on /etc and /var/lib/NetworkManager (so nothing outside the test
 * changes), its own D-Bus system bus ({@code dbus-daemon --system} on /run/dbus in that namespace) and
 * {@code NetworkManager --no-daemon} with the keyfile plugin. /sys is read-only there, so NetworkManager runs as
 * in a container, without udev: a udevd in a network namespace would also receive (and act on) this machine's
 * device events. There is no systemd: NetworkManager is restarted by killing it and starting it again.
 * Skips the test (with the reason) without root or without NetworkManager installed.
 */
public final class NetworkManagerNamespace implements AutoCloseable {
    /** The seed's NIC name; NetworkManager's udev rules and defaults treat an eth* veth like a real NIC. */
    public static final String NIC = "eth1";
    private static final String SETUP = String.join("\n",
            "set -e",
            "S=$1",
            "mount --make-rprivate /",
            // Read-only /sys: NetworkManager does not wait for udev (its container mode).
            "mount -o remount,ro,bind /sys",
            "mount -t tmpfs tmpfs /run",
            "mkdir -p $S/eu $S/ew $S/vu $S/vw /var/lib/NetworkManager",
            "mount -t overlay overlay -o lowerdir=/etc,upperdir=$S/eu,workdir=$S/ew /etc",
            "mount -t overlay overlay -o lowerdir=/var/lib/NetworkManager,upperdir=$S/vu,workdir=$S/vw /var/lib/NetworkManager",
            "mkdir -p /run/dbus /run/NetworkManager /run/nettune-test",
            // Keyfile only; never the machine's hostname or resolv.conf; no automatic DHCP profile on eth1.
            "printf '[main]\\nplugins=keyfile\\nhostname-mode=none\\ndns=none\\nrc-manager=unmanaged\\nno-auto-default=*\\n"
                    + "[logging]\\nlevel=INFO\\n' > /etc/NetworkManager/NetworkManager.conf",
            "rm -f /etc/NetworkManager/conf.d/*.conf",
            "dbus-daemon --system --fork",
            "touch $S/ready",
            "exec sleep 1000000");
    private static final String START = "NetworkManager --no-daemon --debug >>\"$1/nm.log\" 2>&1 </dev/null &"
            + " echo $! > /run/nettune-test/nm.pid; nm-online -s -q -t 20";

    public final NetworkNamespace ns;
    private final Path scratch;
    private final Process holder;

    private NetworkManagerNamespace(NetworkNamespace ns, Path scratch, Process holder) {
        this.ns = ns;
        this.scratch = scratch;
        this.holder = holder;
    }

    /** Starts the namespace, its system bus and NetworkManager; {@code scratch} holds the overlays and nm.log. */
    public static NetworkManagerNamespace start(Path scratch) throws Exception {
        for (String tool : List.of("/usr/sbin/NetworkManager", "/usr/bin/nmcli", "/usr/bin/nm-online", "/usr/bin/dbus-daemon",
                "/usr/bin/nsenter")) {
            assumeTrue(Files.isExecutable(Path.of(tool)), "needs " + tool + " (apt-get install network-manager dbus util-linux)");
        }
        NetworkNamespace ns = NetworkNamespace.create();
        NetworkManagerNamespace nm = null;
        try {
            CommandResult veth = NetworkNamespace.exec(List.of("ip", "netns", "exec", ns.name, "ip", "link", "add", NIC, "type",
                    "veth", "peer", "name", "eth1peer"));
            assumeTrue(veth.ok(), "cannot create the veth " + NIC + ": " + veth.stderr().strip());
            Files.createDirectories(scratch);
            ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", ns.name, "unshare", "-m", "-u", "/bin/sh", "-c", SETUP,
                    "sh", scratch.toString());
            pb.redirectErrorStream(true).redirectOutput(scratch.resolve("setup.log").toFile());
            nm = new NetworkManagerNamespace(ns, scratch, pb.start());
            for (int i = 0; i < 300 && !Files.exists(scratch.resolve("ready")) && nm.holder.isAlive(); i++) {
                Thread.sleep(100);
            }
            assumeTrue(Files.exists(scratch.resolve("ready")), "cannot set up the mount namespace and D-Bus: "
                    + Files.readString(scratch.resolve("setup.log")).strip());
            nm.startNetworkManager();
            return nm;
        } catch (Exception | Error e) {
            if (nm != null) {
                nm.close();
            } else {
                ns.close();
            }
            throw e;
        }
    }

    /** The argv that runs a shell command on this host (for the test SSH server). */
    public List<String> argv(String command) {
        return List.of("nsenter", "-t", String.valueOf(holder.pid()), "-m", "-n", "-u", "/bin/sh", "-c", command, "sh",
                scratch.toString());
    }

    /** Runs a shell command on this host, for the test's own set-up and assertions. */
    public CommandResult sh(String command) throws IOException, InterruptedException {
        return NetworkNamespace.exec(argv(command));
    }

    /** {@code nmcli -t -f DEVICE,STATE device}'s state of eth1, as NetworkManager itself reports it. */
    public String nicState() throws Exception {
        CommandResult r = sh("nmcli -t -f DEVICE,STATE device");
        if (!r.ok()) {
            throw new IllegalStateException("nmcli: " + r.stderr());
        }
        return r.stdout().lines().filter(l -> l.startsWith(NIC + ":")).map(l -> l.substring(NIC.length() + 1))
                .findFirst().orElse("(not listed)");
    }

    /** A file on this host (its /etc is an overlay only this namespace sees). */
    public Optional<String> file(String path) throws Exception {
        CommandResult r = sh("cat '" + path + "'");
        return r.ok() ? Optional.of(r.stdout()) : Optional.empty();
    }

    public void startNetworkManager() throws Exception {
        CommandResult r = sh(START);
        assumeTrue(r.ok(), "NetworkManager did not start: " + r.stderr().strip() + " " + log());
    }

    /** Stops NetworkManager (as {@code systemctl stop} would: SIGTERM, then wait until it is gone). */
    public void stopNetworkManager() throws Exception {
        CommandResult r = sh("p=$(cat /run/nettune-test/nm.pid) && kill $p && while kill -0 $p 2>/dev/null; do sleep 0.1; done");
        if (!r.ok()) {
            throw new IllegalStateException("cannot stop NetworkManager: " + r.stderr());
        }
    }

    /** {@code systemctl restart NetworkManager}: NetworkManager's run-time state in /run survives it. */
    public void restartNetworkManager() throws Exception {
        stopNetworkManager();
        startNetworkManager();
    }

    /** What a reboot does to NetworkManager: /run/NetworkManager is gone, only /etc and /var/lib remain. */
    public void rebootNetworkManager() throws Exception {
        stopNetworkManager();
        CommandResult r = sh("rm -rf /run/NetworkManager && mkdir /run/NetworkManager");
        if (!r.ok()) {
            throw new IllegalStateException(r.stderr());
        }
        startNetworkManager();
    }

    public String log() throws IOException {
        Path log = scratch.resolve("nm.log");
        return Files.exists(log) ? Files.readString(log) : "(no nm.log)";
    }

    /** Ends every process in this mount namespace (the bus, NetworkManager, its dispatcher), then the namespace. */
    @Override
    public void close() throws Exception {
        try {
            Path mnt = Files.readSymbolicLink(Path.of("/proc/" + holder.pid() + "/ns/mnt"));
            List<ProcessHandle> inside = new ArrayList<>();
            ProcessHandle.allProcesses().filter(p -> p.pid() != holder.pid()).forEach(p -> {
                try {
                    if (Files.readSymbolicLink(Path.of("/proc/" + p.pid() + "/ns/mnt")).equals(mnt)) {
                        inside.add(p);
                    }
                } catch (IOException | UnsupportedOperationException e) {
                    // gone, or not ours to read
                }
            });
            inside.forEach(ProcessHandle::destroy);
            for (ProcessHandle p : inside) {
                p.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // the holder is already gone: nothing can be left in its namespace
        } finally {
            holder.destroy();
            holder.waitFor(5, TimeUnit.SECONDS);
            ns.close();
        }
    }
}
