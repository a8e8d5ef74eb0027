package dev.nettune.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.CommandResult;
import dev.nettune.host.UserHome;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.tuning.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real SSH server for the host journeys: Apache MINA SSHD on 127.0.0.1 running each request with /bin/sh inside
 * a network namespace of this machine's kernel (its own net.ipv4 sysctls and a 4-queue veth) with overlays on /etc
 * and /run under a scratch folder, so nothing outside the test changes. Skips the calling test with the reason
 * (an assumption) outside the ssh-journeys execution's isolated HOME or where unshare and overlays are missing.
 */
public final class NamespaceSshHost implements AutoCloseable {
    private static final String WRAP = "mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$1/eu\",workdir=\"$1/ew\" /etc"
            + " && mount -t overlay overlay -o lowerdir=/run,upperdir=\"$1/ru\",workdir=\"$1/rw\" /run"
            + " && exec /bin/sh -c \"$3\"";

    /** The namespace the server's commands run in ({@code ns.nic} is its veth). */
    public final NetworkNamespace ns;
    /** The server; its {@code execRequests} are what the user's clicks made it run. */
    public final TestSshServer server;
    /** The private key the server accepts, for a saved host's identity file. */
    public final Path key;
    /** The overlays' upper folders: what a step wrote to /etc lands in {@code scratch/eu}. */
    public final Path scratch;

    private NamespaceSshHost(NetworkNamespace ns, Path scratch, TestSshServer server, Path key) {
        this.ns = ns;
        this.scratch = scratch;
        this.server = server;
        this.key = key;
    }

    /** Skips (an assumption) unless this JVM's HOME is the ssh-journeys execution's isolated one: journeys write ~/.ssh. */
    public static void assumeIsolatedHome() {
        Path home = UserHome.path();
        assumeTrue(home.toString().contains("journey-home"), "runs only in the ssh-journeys execution, whose HOME is isolated (now "
                + home + "): it writes ~/.ssh/known_hosts");
    }

    /** Creates the namespace and its overlays under {@code dir}, starts the server, and authorizes a new key {@code dir/id_lab}. */
    public static NamespaceSshHost start(Path dir) throws Exception {
        assumeIsolatedHome();
        NetworkNamespace ns = NetworkNamespace.create();
        try {
            Path scratch = dir.resolve("root");
            for (String d : List.of("eu", "ew", "ru", "rw")) {
                Files.createDirectories(scratch.resolve(d));
            }
            CommandResult ok = NetworkNamespace.exec(argv(ns, scratch, "touch /etc/sysctl.d/probe && rm /etc/sysctl.d/probe && echo ok"));
            assumeTrue(ok.ok(), "needs unshare and overlay mounts on /etc and /run: " + ok.stderr().strip());
            TestSshServer server = TestSshServer.start();
            Path key = server.authorizeNewKey(dir.resolve("id_lab"), null);
            server.argv = c -> argv(ns, scratch, c);
            return new NamespaceSshHost(ns, scratch, server, key);
        } catch (Exception | Error e) {
            ns.close();
            throw e;
        }
    }

    private static List<String> argv(NetworkNamespace ns, Path scratch, String command) {
        return List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "/bin/sh", "-c", WRAP, "sh", scratch.toString(), ns.name, command);
    }

    /** Output of a command run in the namespace (its sysctls, its veth), stripped. */
    public String inside(String... argv) throws Exception {
        return ns.inside(argv);
    }

    /** The server's port, for a saved host. */
    public int port() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            ns.close();
        }
    }
}
