package dev.nettune.tuning;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.LineStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away network namespace on this machine's real kernel ({@code ip netns add nettune-test-<random>})
 * with a veth pair of 4 TX/RX queues, and a Host that runs every command inside it via
 * {@code ip netns exec}. Skips the test (with the reason) where the machine does not allow it.
 */
public final class NetworkNamespace implements AutoCloseable {
    public final String name;
    public final String nic = "nt0";
    final String peer = "nt1";

    private NetworkNamespace(String name) {
        this.name = name;
    }

    public static NetworkNamespace create() throws Exception {
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux"), "needs Linux network namespaces");
        assumeTrue("root".equals(System.getProperty("user.name")) || uid() == 0,
                "needs root to create a network namespace (CI and this machine run as root)");
        assumeTrue(exec(List.of("ip", "netns", "list")).exitCode() == 0, "needs the ip tool with netns support");
        String name = "nettune-test-" + Long.toHexString(new SecureRandom().nextLong() & 0xffffffffL);
        CommandResult add = exec(List.of("ip", "netns", "add", name));
        assumeTrue(add.ok(), "ip netns add failed: " + add.stderr().strip());
        NetworkNamespace ns = new NetworkNamespace(name);
        try {
            CommandResult veth = exec(List.of("ip", "netns", "exec", name, "ip", "link", "add", ns.nic, "numtxqueues", "4",
                    "numrxqueues", "4", "type", "veth", "peer", "name", ns.peer, "numtxqueues", "4", "numrxqueues", "4"));
            assumeTrue(veth.ok(), "cannot create a veth pair with 4 queues: " + veth.stderr().strip());
        } catch (RuntimeException | Error e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    private static int uid() {
        try {
            return Integer.parseInt(exec(List.of("id", "-u")).stdout().strip());
        } catch (Exception e) {
            return -1;
        }
    }

    /** Runs a command in this namespace (for the test's own assertions). */
    public String inside(String... argv) throws Exception {
        List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", name));
        a.addAll(List.of(argv));
        CommandResult r = exec(a);
        if (!r.ok()) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + r.stderr());
        }
        return r.stdout().strip();
    }

    Host host() {
        return new Host() {
            @Override
            public String name() {
                return "netns:" + name;
            }

            @Override
            public CommandResult run(Command command, Duration timeout) throws InterruptedException {
                List<String> a = new ArrayList<>(List.of("ip", "netns", "exec", name, command.program()));
                a.addAll(command.args());
                try {
                    return exec(a, command.stdin().orElse(null), command);
                } catch (IOException e) {
                    return new CommandResult(command, 127, "", e.getMessage());
                }
            }

            @Override
            public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws InterruptedException {
                List<CommandResult> out = new ArrayList<>();
                for (Command c : commands) {
                    out.add(run(c, timeout));
                }
                return out;
            }

            @Override
            public LineStream stream(Command command, LineStream.Sink sink) {
                throw new UnsupportedOperationException("not needed by the tuning tests");
            }

            @Override
            public void close() {
            }
        };
    }

    public static CommandResult exec(List<String> argv) throws IOException, InterruptedException {
        return exec(argv, null, Command.of(argv.get(0), argv.subList(1, argv.size())));
    }

    static CommandResult exec(List<String> argv, String stdin, Command command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv);
        Path err = Files.createTempFile("nettune-ns", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        String e = Files.readString(err);
        Files.deleteIfExists(err);
        return new CommandResult(command, p.exitValue(), out, e);
    }

    @Override
    public void close() throws Exception {
        exec(List.of("ip", "netns", "del", name));
    }
}
