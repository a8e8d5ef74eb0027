package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.app.FleetService;
import dev.nettune.app.HostOptions;
import dev.nettune.cli.NetTuneCommand;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.Transport;
import dev.nettune.host.CommandResult;
import dev.nettune.sandbox.cloud.DemoSeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune fleet apply --instances ... --via ssh --bastion ...} for real: the sandbox region (the local OpenAPI
 * server, real signed DescribeInstances) says where its fleet instances are (10.0.1.101, 10.0.1.102); at those
 * addresses real OpenSSH servers listen, each in its own network namespace (its own sysctls) and scratch /etc and
 * /run, behind a bridge in the bastion's namespace. Those addresses exist only there (this machine's own namespace
 * has no interface or route of its own for them): the only way in is the bastion, a real OpenSSH sshd in that namespace, reached from 127.0.0.1 (each connection handed to {@code sshd -i}).
 * Host keys of the bastion and of each target (under its private IP, through the tunnel) are checked against
 * known_hosts. Needs root, OpenSSH's sshd and overlay mounts; skipped with the reason elsewhere.
 */
class FleetThroughBastionTest {
    private static final String FIN = "net.ipv4.tcp_fin_timeout";
    private static final String SSHD = "/usr/sbin/sshd";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> IPS = List.of("10.0.1.101", "10.0.1.102");

    @TempDir
    Path dir;
    final String suffix = Long.toHexString(new SecureRandom().nextLong() & 0xffffffL);
    final String bastionNs = "nettune-bastion-" + suffix;
    final List<String> targetNs = new ArrayList<>();
    final List<String> namespaces = new ArrayList<>();
    final List<Process> daemons = new CopyOnWriteArrayList<>();
    final List<Path> scratch = new ArrayList<>();
    ServerSocket bastionPort;
    Thread acceptor;
    Path key;
    Path knownHosts;
    Path sshConfig;
    String bastionKnownHostsLine;
    String bastion;
    String defaultFin;
    AppContext ctx;

    private record Out(int code, String out, String err) {
    }

    /** What the process "dying" looks like from inside: nothing after it runs, nothing catches it. */
    static final class Death extends Error {
        private static final long serialVersionUID = 1L;

        Death() {
            super("simulated death of the NetTune process");
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "needs Linux network namespaces");
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root for network namespaces and overlay mounts");
        assumeTrue(Files.isExecutable(Path.of(SSHD)), "needs OpenSSH's sshd at " + SSHD + " (Debian: openssh-server)");
        assumeTrue(sh("command -v ssh-keygen").ok(), "needs ssh-keygen (Debian: openssh-client)");

        key = dir.resolve("id_ed25519");
        must("ssh-keygen -q -t ed25519 -N '' -C fleet -f " + key);
        Files.copy(dir.resolve("id_ed25519.pub"), dir.resolve("authorized_keys"));
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, "AuthorizedKeysFile " + dir.resolve("authorized_keys") + "\nPermitRootLogin prohibit-password\n"
                + "StrictModes no\nUsePAM no\nPidFile none\nAllowTcpForwarding yes\nPasswordAuthentication no\n"
                + "KbdInteractiveAuthentication no\n");

        // The bastion's namespace, with a bridge onto the instances' subnet.
        addNamespace(bastionNs);
        must("ip -n " + bastionNs + " link add br0 type bridge && ip -n " + bastionNs + " addr add 10.0.1.1/24 dev br0"
                + " && ip -n " + bastionNs + " link set br0 up");
        StringBuilder known = new StringBuilder();
        for (int i = 0; i < IPS.size(); i++) {
            String ns = "nettune-target-" + suffix + "-" + i;
            addNamespace(ns);
            targetNs.add(ns);
            String veth = "nb" + suffix.substring(0, Math.min(6, suffix.length())) + i;
            must("ip link add " + veth + " netns " + bastionNs + " type veth peer name eth0 netns " + ns
                    + " && ip -n " + bastionNs + " link set " + veth + " master br0 && ip -n " + bastionNs + " link set " + veth + " up"
                    + " && ip -n " + ns + " addr add " + IPS.get(i) + "/24 dev eth0 && ip -n " + ns + " link set eth0 up");
            Path hostKey = dir.resolve("target-" + i + "-key");
            must("ssh-keygen -q -t ed25519 -N '' -f " + hostKey);
            Path root = dir.resolve("root-" + i);
            for (String d : List.of("eu", "ew", "ru", "rw")) {
                Files.createDirectories(root.resolve(d));
            }
            scratch.add(root);
            Process p = new ProcessBuilder("ip", "netns", "exec", ns, "unshare", "-m", "/bin/sh", "-c",
                    "mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$1/eu\",workdir=\"$1/ew\" /etc"
                            + " && mount -t overlay overlay -o lowerdir=/run,upperdir=\"$1/ru\",workdir=\"$1/rw\" /run"
                            // A machine's root logs in with /bin/sh: this machine's own root shell reads its rc files.
                            + " && sed -i 's#^\\(root:.*:\\)[^:]*$#\\1/bin/sh#' /etc/passwd"
                            + " && mkdir -p /run/sshd && exec " + SSHD + " -D -e -f \"$2\" -h \"$3\" -o ListenAddress=\"$4\"",
                    "sh", root.toString(), config.toString(), hostKey.toString(), IPS.get(i))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("target-" + i + ".log").toFile()).start();
            daemons.add(p);
            known.append(IPS.get(i)).append(' ').append(publicKey(hostKey)).append('\n');
        }
        Path bastionKey = dir.resolve("bastion-key");
        must("ssh-keygen -q -t ed25519 -N '' -f " + bastionKey);
        startBastion(config, bastionKey);
        bastion = "root@127.0.0.1:" + bastionPort.getLocalPort();
        bastionKnownHostsLine = "[127.0.0.1]:" + bastionPort.getLocalPort() + " " + publicKey(bastionKey);
        known.append(bastionKnownHostsLine).append('\n');
        knownHosts = Files.writeString(dir.resolve("known_hosts"), known.toString());
        waitForListeners();
        defaultFin = sh("ip netns exec " + targetNs.get(0) + " sysctl -n " + FIN).stdout().strip();
        assumeTrue(!defaultFin.equals("15"), "a fresh namespace already has the profile's tcp_fin_timeout");

        sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
        ctx = new AppContext(dir.resolve("config"), () -> sshConfig);
        ctx.cloudCredentialsFrom(Map.of(), dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
        if (bastionPort != null) {
            bastionPort.close();
        }
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (String ns : namespaces) {
            sh("ip netns del " + ns);
        }
    }

    private Out run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Out(code, out.toString(), err.toString());
    }

    private Out applyThroughBastion(String... more) {
        List<String> args = new ArrayList<>(List.of("fleet", "apply", "--profile", "ECS high throughput", "--instances",
                String.join(",", DemoSeed.FLEET_INSTANCES.subList(0, IPS.size())), "--endpoint", "sandbox", "--via", "ssh",
                "--identity", key.toString(), "--known-hosts", knownHosts.toString(), "--yes", "--json"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private String fin(int i) throws Exception {
        return sh("ip netns exec " + targetNs.get(i) + " sysctl -n " + FIN).stdout().strip();
    }

    private boolean persisted(int i) {
        return Files.exists(scratch.get(i).resolve("eu/sysctl.d/99-network-tuning.conf"));
    }

    @Test
    void applyThroughTheBastionTunesEveryTargetAndRecordsHowEachWasReached() throws Exception {
        Out r = applyThroughBastion("--bastion", bastion);

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        for (int i = 0; i < IPS.size(); i++) {
            assertThat(fin(i)).isEqualTo("15");
            assertThat(persisted(i)).isTrue();
        }
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("instances")).hasSize(IPS.size());
        for (int i = 0; i < IPS.size(); i++) {
            JsonNode inst = j.path("instances").get(i);
            assertThat(inst.path("status").asText()).isEqualTo("APPLIED");
            assertThat(inst.path("transport").asText()).isEqualTo("ssh");
            assertThat(inst.path("address").asText()).isEqualTo("root@" + IPS.get(i));
            assertThat(inst.path("bastion").asText()).isEqualTo(bastion);
        }
        FleetRun kept = ctx.fleet().run(j.path("run").asText()).orElseThrow();
        assertThat(kept.instances()).extracting(FleetInstanceResult::instance).allSatisfy(m -> {
            assertThat(m.reach().transport()).isEqualTo(Transport.SSH);
            assertThat(m.reach().user()).contains("root");
            assertThat(m.reach().keyFile()).contains(key.toString());
            assertThat(m.reach().knownHosts()).contains(knownHosts.toString());
            assertThat(m.reach().bastion()).contains(bastion);
        });
    }

    @Test
    void undoOfARunThroughTheBastionNeedsOnlyTheRunId() throws Exception {
        Out applied = applyThroughBastion("--bastion", bastion);
        assertThat(applied.code()).as(applied.out() + applied.err()).isZero();
        String runId = JSON.readTree(applied.out()).path("run").asText();
        // A later session: the pooled connections are gone, nothing but the run id is given.
        ctx.close();
        ctx = new AppContext(dir.resolve("config"), () -> sshConfig);

        Out status = run("fleet", "status", runId);
        Out undo = run("fleet", "undo", runId, "--yes");

        assertThat(status.out()).contains("reached: ssh root@" + IPS.get(0) + " through " + bastion);
        assertThat(undo.code()).as(undo.out() + undo.err()).isZero();
        for (int i = 0; i < IPS.size(); i++) {
            assertThat(fin(i)).isEqualTo(defaultFin);
            assertThat(persisted(i)).isFalse();
        }
    }

    @Test
    void aRunThroughTheBastionThatDiedIsResumedWithOnlyItsId() throws Exception {
        var members = ctx.fleet().instances(FleetService.CloudAccess.sandbox(), new FleetService.InstanceQuery.Ids(
                FleetTarget.parseList(String.join(",", DemoSeed.FLEET_INSTANCES.subList(0, IPS.size())), FleetTarget.Kind.INSTANCE)),
                Transport.SSH, HostOptions.defaults().withIdentity(key).withKnownHosts(knownHosts),
                new FleetService.SshReach(InstanceAddress.PRIVATE, Optional.empty(), Optional.of(bastion)));
        java.util.concurrent.atomic.AtomicReference<String> id = new java.util.concurrent.atomic.AtomicReference<>();
        FleetListener diesBeforeTheSecond = new FleetListener() {
            @Override
            public void runStarted(String runId, List<FleetInstance> instances) {
                id.set(runId);
            }

            @Override
            public void instanceStarted(FleetInstance instance, boolean canary) {
                if (instance.position() == 1) {
                    throw new Death();
                }
            }
        };
        assertThatThrownBy(() -> ctx.fleet().apply(Profile.ecsHighThroughput(), members, new RolloutPolicy(1, 1, 0), List.of(),
                HostOptions.defaults().withIdentity(key).withKnownHosts(knownHosts), diesBeforeTheSecond, new Cancellation()))
                .isInstanceOf(Death.class);
        assertThat(fin(1)).isEqualTo(defaultFin);
        ctx.close();
        ctx = new AppContext(dir.resolve("config"), () -> sshConfig);

        Out resumed = run("fleet", "apply", "--resume", id.get(), "--yes", "--json");

        assertThat(resumed.code()).as(resumed.out() + resumed.err()).isZero();
        assertThat(fin(0)).isEqualTo("15");
        assertThat(fin(1)).isEqualTo("15");
    }

    @Test
    void withoutBastionTheProxyJumpOfTheSshConfigIsUsedAndKeptWithTheRun() throws Exception {
        Files.writeString(sshConfig, "Host 10.0.1.*\n  ProxyJump jump\nHost jump\n  HostName 127.0.0.1\n  Port "
                + bastionPort.getLocalPort() + "\n  User root\n");

        Out r = applyThroughBastion();

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(JSON.readTree(r.out()).path("instances")).allSatisfy(i -> assertThat(i.path("bastion").asText()).isEqualTo("jump"));
        assertThat(fin(1)).isEqualTo("15");
    }

    @Test
    void aBastionWhoseHostKeyIsUnknownIsRefusedAndNoTargetIsChanged() throws Exception {
        Files.writeString(knownHosts, Files.readString(knownHosts).replace(bastionKnownHostsLine + "\n", ""));

        Out r = applyThroughBastion("--bastion", bastion);

        assertThat(r.code()).as(r.out() + r.err()).isNotZero();
        assertThat(r.out() + r.err()).contains("Bastion " + bastion).contains("is not in " + knownHosts);
        for (int i = 0; i < IPS.size(); i++) {
            assertThat(fin(i)).isEqualTo(defaultFin);
        }
    }

    @Test
    void aBastionWhoseHostKeyChangedIsRefusedAsAPossibleManInTheMiddle() throws Exception {
        Path other = dir.resolve("other-key");
        must("ssh-keygen -q -t ed25519 -N '' -f " + other);
        Files.writeString(knownHosts, Files.readString(knownHosts).replace(bastionKnownHostsLine,
                "[127.0.0.1]:" + bastionPort.getLocalPort() + " " + publicKey(other)));

        Out r = applyThroughBastion("--bastion", bastion);

        assertThat(r.code()).as(r.out() + r.err()).isNotZero();
        assertThat(r.out() + r.err()).contains("Bastion " + bastion).contains("HAS CHANGED");
        assertThat(fin(0)).isEqualTo(defaultFin);
    }

    @Test
    void aTargetWhoseHostKeyIsUnknownIsRefusedUnderItsPrivateAddressThroughTheTunnel() throws Exception {
        Files.writeString(knownHosts, Files.readString(knownHosts).lines().filter(l -> !l.startsWith(IPS.get(1) + " "))
                .reduce("", (a, b) -> a + b + "\n"));

        Out r = applyThroughBastion("--bastion", bastion, "--parallel", "1", "--max-failures", "1");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("The host key of " + IPS.get(1) + " is not in " + knownHosts);
        assertThat(fin(0)).isEqualTo("15");
        assertThat(fin(1)).isEqualTo(defaultFin);
    }

    @Test
    void badReachFlagsAreRefusedWithWhatIsAllowedBeforeAnythingConnects() {
        Out address = applyThroughBastion("--address", "public");
        Out bastionFlag = applyThroughBastion("--bastion", "-oProxyCommand=touch /tmp/x");
        Out user = applyThroughBastion("--ssh-user", "root;reboot");
        Out builtIn = applyThroughBastion("--bastion", "sandbox");

        assertThat(address.code()).isEqualTo(2);
        assertThat(address.err()).contains("Allowed: private", "eip");
        assertThat(bastionFlag.code()).isEqualTo(2);
        assertThat(bastionFlag.err()).contains("Not a bastion");
        assertThat(user.code()).isEqualTo(2);
        assertThat(user.err()).contains("--ssh-user takes letters, digits");
        assertThat(builtIn.code()).isEqualTo(2);
        assertThat(builtIn.err()).contains("built-in host");
    }

    // ---- the machines -------------------------------------------------------------------------

    private void addNamespace(String ns) throws Exception {
        CommandResult add = sh("ip netns add " + ns);
        assumeTrue(add.ok(), "ip netns add failed: " + add.stderr().strip());
        namespaces.add(ns);
        must("ip -n " + ns + " link set lo up");
    }

    /** 127.0.0.1:port, each connection handed to a fresh {@code sshd -i} inside the bastion's namespace (as inetd would). */
    private void startBastion(Path config, Path hostKey) throws IOException {
        bastionPort = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            while (!bastionPort.isClosed()) {
                try {
                    Socket s = bastionPort.accept();
                    Process p = new ProcessBuilder("ip", "netns", "exec", bastionNs, "unshare", "-m", "/bin/sh", "-c",
                            "mount -t tmpfs tmpfs /run && mkdir /run/sshd && exec " + SSHD + " -i -e -f \"$1\" -h \"$2\"",
                            "sh", config.toString(), hostKey.toString())
                            .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("bastion.log").toFile())).start();
                    daemons.add(p);
                    pump(s.getInputStream(), p.getOutputStream(), s, p);
                    pump(p.getInputStream(), s.getOutputStream(), s, p);
                } catch (IOException e) {
                    return;
                }
            }
        }, "test-bastion-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pump(InputStream from, OutputStream to, Socket s, Process p) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (from; to) {
                int n;
                while ((n = from.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // either side gone
            } finally {
                try {
                    s.close();
                } catch (IOException e) {
                    // closed already
                }
                p.destroy();
            }
        }, "test-bastion-pump");
        t.setDaemon(true);
        t.start();
    }

    private void waitForListeners() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            boolean all = true;
            for (int i = 0; i < IPS.size(); i++) {
                all &= sh("ip netns exec " + targetNs.get(i) + " ss -Hltn 'sport = :22' | grep -q " + IPS.get(i)).ok();
            }
            if (all) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the targets' sshd did not start: " + Files.readString(dir.resolve("target-0.log")));
    }

    private String publicKey(Path privateKey) throws IOException {
        String[] parts = Files.readString(Path.of(privateKey + ".pub")).strip().split(" ");
        return parts[0] + " " + parts[1];
    }

    private static CommandResult sh(String script) throws Exception {
        return NetworkNamespace.exec(List.of("/bin/sh", "-c", script));
    }

    private static void must(String script) throws Exception {
        CommandResult r = sh(script);
        if (!r.ok()) {
            throw new IllegalStateException(script + ": " + r.stderr());
        }
    }
}
