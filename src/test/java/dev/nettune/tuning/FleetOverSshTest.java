package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.app.AppContext;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.RunStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.host.CommandResult;
import dev.nettune.host.ssh.TestSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet over real SSH: three MINA SSHD servers on loopback, each running every request with /bin/sh in
 * its own network namespace (its own net.ipv4 sysctls) and scratch root (overlays on /etc and /run), so
 * each is a separate machine to the fleet. A failing instance is rolled back, a failing canary stops the
 * run with the others untouched, and undo of the run by id restores every instance. Needs root
 * (namespaces, overlay mounts); skipped with the reason elsewhere.
 */
class FleetOverSshTest {
    private static final String WRAP = "mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$1/eu\",workdir=\"$1/ew\" /etc"
            + " && mount -t overlay overlay -o lowerdir=/run,upperdir=\"$1/ru\",workdir=\"$1/rw\" /run"
            + " && exec /bin/sh -c \"$3\"";
    private static final String FIN = "net.ipv4.tcp_fin_timeout";
    private static final int N = 3;

    @TempDir
    Path dir;
    final List<NetworkNamespace> namespaces = new ArrayList<>();
    final List<TestSshServer> servers = new ArrayList<>();
    final List<Path> scratch = new ArrayList<>();
    String defaultFin;
    String defaultTwReuse;
    Path key;
    Path knownHosts;
    AppContext ctx;
    FleetService fleet;
    List<FleetInstance> members;

    @BeforeEach
    void setUp() throws Exception {
        StringBuilder known = new StringBuilder();
        for (int i = 0; i < N; i++) {
            NetworkNamespace ns = NetworkNamespace.create();
            namespaces.add(ns);
            Path root = dir.resolve("root-" + i);
            for (String d : List.of("eu", "ew", "ru", "rw")) {
                Files.createDirectories(root.resolve(d));
            }
            scratch.add(root);
            CommandResult ok = NetworkNamespace.exec(List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "/bin/sh", "-c", WRAP,
                    "sh", root.toString(), ns.name, "touch /etc/sysctl.d/probe && rm /etc/sysctl.d/probe && echo ok"));
            assumeTrue(ok.ok(), "needs unshare and overlay mounts on /etc and /run: " + ok.stderr().strip());
            TestSshServer server = TestSshServer.start();
            if (i == 0) {
                key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
            } else {
                server.authorizedKeys.addAll(servers.get(0).authorizedKeys);
            }
            String nsName = ns.name;
            server.argv = c -> List.of("ip", "netns", "exec", nsName, "unshare", "-m", "/bin/sh", "-c", WRAP, "sh", root.toString(),
                    nsName, c);
            servers.add(server);
            known.append(server.knownHostsLine()).append('\n');
        }
        defaultFin = namespaces.get(0).inside("sysctl", "-n", FIN);
        defaultTwReuse = namespaces.get(0).inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse");
        assumeTrue(!defaultTwReuse.equals("1") && !defaultFin.equals("15"), "a fresh namespace already has the profile's values");
        knownHosts = Files.writeString(dir.resolve("known_hosts"), known.toString());
        Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
        ctx = new AppContext(dir.resolve("config"), () -> sshConfig);
        fleet = ctx.fleet();
        List<FleetTarget> targets = new ArrayList<>();
        for (TestSshServer s : servers) {
            targets.add(FleetTarget.host("tester@127.0.0.1:" + s.port()));
        }
        members = fleet.hosts(targets, options());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
        for (TestSshServer s : servers) {
            s.close();
        }
        for (NetworkNamespace ns : namespaces) {
            ns.close();
        }
    }

    private HostOptions options() {
        return HostOptions.defaults().withIdentity(key).withKnownHosts(knownHosts);
    }

    /** Puts a sysctl first on server {@code i}'s PATH that refuses to set tcp_fin_timeout, as a locked-down kernel would. */
    private void refuseFinTimeoutOn(int i) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin-" + i));
        Path fake = bin.resolve("sysctl");
        String real = NetworkNamespace.exec(List.of("sh", "-c", "command -v sysctl")).stdout().strip();
        Files.writeString(fake, "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in " + FIN + "=*) echo \"sysctl: permission denied on key '"
                + FIN + "'\" >&2; exit 1;; esac; done\nexec " + real + " \"$@\"\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        servers.get(i).pathPrefix.add(bin);
    }

    private String fin(int i) throws Exception {
        return namespaces.get(i).inside("sysctl", "-n", FIN);
    }

    private boolean persisted(int i) {
        return Files.exists(scratch.get(i).resolve("eu/sysctl.d/99-network-tuning.conf"));
    }

    private FleetRun apply(RolloutPolicy policy) throws InterruptedException {
        return fleet.apply(Profile.ecsHighThroughput(), members, policy, List.of(), options(), FleetListener.NONE, new Cancellation());
    }

    @Test
    void everyServerIsAppliedOverSshAndUndoOfTheRunRestoresEveryOne() throws Exception {
        assertThat(members).allSatisfy(m -> assertThat(m.reach().transport()).isEqualTo(Transport.SSH));

        FleetRun run = apply(new RolloutPolicy(1, N, 0));

        assertThat(run.status()).as(run.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        for (int i = 0; i < N; i++) {
            assertThat(fin(i)).isEqualTo("15");
            assertThat(persisted(i)).isTrue();
        }
        assertThat(fleet.run(run.id()).orElseThrow().instances()).allSatisfy(r -> {
            assertThat(r.instance().reach().keyFile()).contains(key.toString());
            assertThat(r.instance().reach().knownHosts()).contains(knownHosts.toString());
        });

        FleetRun undo = fleet.undo(run.id(), N, HostOptions.defaults(), FleetListener.NONE, new Cancellation());

        assertThat(undo.status()).as(undo.instances().toString()).isEqualTo(RunStatus.SUCCEEDED);
        for (int i = 0; i < N; i++) {
            assertThat(fin(i)).isEqualTo(defaultFin);
            assertThat(persisted(i)).isFalse();
        }
    }

    @Test
    void aFailingInstanceIsRolledBackOnItsOwnMachineWhileTheOthersApply() throws Exception {
        refuseFinTimeoutOn(2);

        FleetRun run = apply(new RolloutPolicy(1, N, 1));

        assertThat(run.instances()).extracting(FleetInstanceResult::status)
                .containsExactly(InstanceStatus.APPLIED, InstanceStatus.APPLIED, InstanceStatus.ROLLED_BACK);
        assertThat(run.instances().get(2).reason()).contains("permission denied");
        assertThat(fin(2)).isEqualTo(defaultFin);
        assertThat(namespaces.get(2).inside("sysctl", "-n", "net.ipv4.tcp_tw_reuse")).isEqualTo(defaultTwReuse);
        assertThat(persisted(2)).isFalse();
        assertThat(fin(0)).isEqualTo("15");
        assertThat(fin(1)).isEqualTo("15");
    }

    @Test
    void aFailingCanaryStopsTheRunAndTheOtherMachinesAreUntouched() throws Exception {
        refuseFinTimeoutOn(0);

        FleetRun run = apply(new RolloutPolicy(1, N, 5));

        assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(run.instances()).extracting(FleetInstanceResult::status)
                .containsExactly(InstanceStatus.ROLLED_BACK, InstanceStatus.SKIPPED, InstanceStatus.SKIPPED);
        for (int i = 0; i < N; i++) {
            assertThat(fin(i)).isEqualTo(defaultFin);
            assertThat(persisted(i)).isFalse();
        }
        assertThat(servers.get(1).execRequests).isEmpty();
        assertThat(servers.get(2).execRequests).isEmpty();
    }
}
