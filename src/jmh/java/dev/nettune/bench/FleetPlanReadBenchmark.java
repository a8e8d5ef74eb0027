package dev.nettune.bench;

import dev.nettune.fleet.FleetHosts;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.RollingApply;
import dev.nettune.fleet.TransportChoice;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.sandbox.SandboxCloudAssistant;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Fleet plan reads: the preview of "ECS high throughput" (every value read, the plan made) on one host,
 * and on 50 hosts at once ({@link RollingApply#preview} with 50 in parallel), over real SSH (sshj client,
 * an in-process MINA SSHD server on loopback, host keys verified). Each login user is its own simulated
 * instance whose shell answers NetTune's framed command batch, so the figure is SSH and NetTune's own
 * cost, not this machine's process spawning. The goal: 50 hosts within 2x one host's time.
 * Run: {@code java -jar target/benchmarks.jar FleetPlanReadBenchmark}.
 */
public class FleetPlanReadBenchmark extends MillisecondsBenchmark {
    static final int HOSTS = 50;
    static final Profile PROFILE = Profile.ecsHighThroughput();

    private SshServer server;
    private Path dir;
    private final List<SshHost> connections = new ArrayList<>();
    private List<FleetInstance> fifty;
    private List<FleetInstance> one;
    private FleetHosts hosts;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("nettune-fleet-bench");
        Map<String, SandboxCloudAssistant> guests = new ConcurrentHashMap<>();
        for (int i = 0; i < HOSTS; i++) {
            guests.put("h" + i, new SandboxCloudAssistant(new SandboxInstance(i, 4, 4).named("h" + i)));
        }
        KeyPair hostKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
        KeyPair clientKey = KeyUtils.generateKeyPair("ssh-ed25519", 256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(clientKey.getPublic(), key));
        server.setCommandFactory((channel, command) -> new GuestCommand(guests.get(channel.getSession().getUsername()), command));
        server.start();
        Path key = dir.resolve("id_ed25519");
        try (OutputStream out = Files.newOutputStream(key)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "bench", null, out);
        }
        Path known = Files.writeString(dir.resolve("known_hosts"),
                "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(hostKey.getPublic()) + "\n");
        SshOptions options = SshOptions.defaults().withKnownHosts(known).withAgentSocket(Optional.empty());
        List<FleetInstance> members = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            SshHost h = new SshHost("h" + i, new SshTarget("127.0.0.1", server.getPort(), "h" + i).withIdentities(List.of(key)), options);
            // Logged in once, as a fleet run's pool would be: the benchmark measures reads, not handshakes.
            h.run(Command.of("true"), Duration.ofSeconds(30));
            connections.add(h);
            members.add(new FleetInstance(i, FleetTarget.host("h" + i), TransportChoice.ssh("h" + i + "@127.0.0.1:" + server.getPort(),
                    Optional.of("h" + i), Optional.of(key.toString()), Optional.of(known.toString()))));
        }
        fifty = members;
        one = List.of(members.get(0));
        hosts = m -> new Lease(connections.get(m.position()));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        connections.forEach(SshHost::close);
        server.stop(true);
    }

    /** One host's plan, read over SSH. */
    @Benchmark
    public List<InstancePreview> oneHost() throws InterruptedException {
        return check(RollingApply.preview(one, PROFILE, hosts, 1, new Cancellation(), p -> { }));
    }

    /** Fifty hosts' plans, read at once (50 in parallel). */
    @Benchmark
    public List<InstancePreview> fiftyHostsInParallel() throws InterruptedException {
        return check(RollingApply.preview(fifty, PROFILE, hosts, HOSTS, new Cancellation(), p -> { }));
    }

    private static List<InstancePreview> check(List<InstancePreview> previews) {
        for (InstancePreview p : previews) {
            if (p.error().isPresent()) {
                throw new IllegalStateException(p.instance() + ": " + p.error().get());
            }
        }
        return previews;
    }

    /** A handle on a kept connection: closing it hands it back instead of logging out. */
    private record Lease(SshHost host) implements Host {
        @Override
        public String name() {
            return host.name();
        }

        @Override
        public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
            return host.run(command, timeout);
        }

        @Override
        public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
            return host.runAll(commands, timeout);
        }

        @Override
        public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
            return host.stream(command, sink);
        }

        @Override
        public void close() {
            // kept for the next read
        }
    }

    /** An exec request {@code exec sh -c 'SCRIPT'} answered by the login user's simulated instance. */
    private static final class GuestCommand implements org.apache.sshd.server.command.Command {
        private final SandboxCloudAssistant guest;
        private final String request;
        private OutputStream out;
        private ExitCallback exit;

        GuestCommand(SandboxCloudAssistant guest, String request) {
            this.guest = guest;
            this.request = request;
        }

        @Override
        public void setInputStream(InputStream in) {
            // plan reads send nothing on stdin
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            // the framed batch carries stderr inside its output
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread t = new Thread(() -> {
                int code;
                try {
                    String prefix = "exec sh -c ";
                    SandboxCloudAssistant.Result r = guest.run(unquote(request.substring(prefix.length())), Duration.ofSeconds(30));
                    out.write(r.output().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    code = r.exitCode();
                } catch (Exception e) {
                    code = 1;
                }
                exit.onExit(code);
            }, "bench-guest");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // each request ends by itself
        }

        /** The word ShellQuoting.quote wrote: single-quoted runs, with '"'"' for a quote inside. */
        static String unquote(String word) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < word.length()) {
                char c = word.charAt(i);
                if (c == '\'') {
                    int end = word.indexOf('\'', i + 1);
                    sb.append(word, i + 1, end);
                    i = end + 1;
                } else if (c == '"') {
                    int end = word.indexOf('"', i + 1);
                    sb.append(word, i + 1, end);
                    i = end + 1;
                } else {
                    sb.append(c);
                    i++;
                }
            }
            return sb.toString();
        }
    }
}
