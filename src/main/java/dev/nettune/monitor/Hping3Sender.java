package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sends the seed's traffic with hping3 on a sender host (as root: hping3 writes raw packets). */
public final class Hping3Sender implements TrafficSender {
    /** Finds hping3 and the distribution, so the install hint names the right package manager. */
    static final String CHECK_SCRIPT = "command -v hping3 || echo 'hping3: not found'; "
            + "if [ -r /etc/os-release ]; then . /etc/os-release; echo \"os=$ID $ID_LIKE\"; fi";

    private final Host host;

    public Hping3Sender(Host host) {
        this.host = host;
    }

    @Override
    public Phrase describe() {
        return Phrase.of("monitor.verify.sender.hping3", "hping3 on {0}", host.name());
    }

    @Override
    public Readiness check() throws HostException, InterruptedException {
        CommandResult r = host.run(Command.of("sh", "-c", CHECK_SCRIPT), Duration.ofSeconds(20));
        String out = r.stdout();
        if (!out.contains("not found") && out.lines().anyMatch(l -> l.endsWith("/hping3"))) {
            return new Readiness(true, Phrase.of("monitor.verify.sender.installed", "hping3 is installed on {0}.", host.name()));
        }
        String os = out.lines().filter(l -> l.startsWith("os=")).findFirst().orElse("os=").substring(3).toLowerCase(Locale.ROOT);
        return new Readiness(false, Phrase.of("monitor.verify.sender.missing", "hping3 is not installed on {0}. Install it with {1}.",
                host.name(), installHint(os)));
    }

    /** The install command for a distribution ({@code ID ID_LIKE} of os-release). */
    static Phrase installHint(String os) {
        boolean debian = os.contains("debian") || os.contains("ubuntu");
        boolean rhel = os.contains("rhel") || os.contains("centos") || os.contains("fedora") || os.contains("alinux")
                || os.contains("anolis") || os.contains("rocky") || os.contains("almalinux");
        if (debian && !rhel) {
            return Phrase.literal("`sudo apt-get install -y hping3`");
        }
        if (rhel && !debian) {
            return Phrase.of("monitor.verify.sender.installYum", "`sudo yum install -y hping3` (on CentOS/RHEL it comes from EPEL)");
        }
        return Phrase.of("monitor.verify.sender.installEither",
                "`sudo yum install -y hping3` (Alibaba Cloud Linux, CentOS) or `sudo apt-get install -y hping3` (Debian, Ubuntu)");
    }

    @Override
    public List<Command> commands(TestTraffic t) {
        return List.of(command(t));
    }

    /** The seed's hping3 line for the traffic, every value a separate argument. */
    public static Command command(TestTraffic t) {
        List<String> a = new ArrayList<>();
        a.add(t.destination().toString());
        a.add("-S");
        if (t.scenario() == Scenario.SPREAD) {
            a.addAll(List.of("-a", t.source().toString(), "--rand-dest", "-p", Integer.toString(t.destinationPort()),
                    "--baseport", Integer.toString(t.sourcePort()), "-c", Integer.toString(t.count()),
                    "-i", "u" + t.intervalMicros()));
            t.senderInterface().ifPresent(i -> a.addAll(List.of("-I", i)));
        } else {
            a.addAll(List.of("-p", Integer.toString(t.destinationPort()), "-c", Integer.toString(t.count()),
                    "-s", Integer.toString(t.sourcePort()), "-a", t.source().toString(), "--keep",
                    "-i", "u" + t.intervalMicros()));
        }
        return Command.of("hping3", a).asRoot();
    }

    @Override
    public List<Command> commands(Burst burst) {
        return burst.flows().stream().map(f -> command(f, burst.packetsPerFlow(), burst.intervalMicros())).toList();
    }

    /** One designed flow: every field fixed ({@code --keep}), its own payload length ({@code -d}). */
    public static Command command(DesignedFlow f, int count, int intervalMicros) {
        if (!f.flow().isIpv4()) {
            throw new IllegalArgumentException("hping3 sends IPv4 only: " + f.flow() + " needs another sender.");
        }
        return Command.of("hping3", List.of(f.flow().destination().toString(), "-S",
                "-p", Integer.toString(f.flow().destinationPort()), "-s", Integer.toString(f.flow().sourcePort()), "--keep",
                "-a", f.flow().source().toString(), "-d", Integer.toString(f.payloadBytes()), "-c", Integer.toString(count),
                "-i", "u" + intervalMicros)).asRoot();
    }

    /**
     * Sends the burst's flows one after the other in one round trip; the wait is bounded by
     * count x interval (plus a margin for starting hping3 and the connection).
     */
    @Override
    public void send(Burst burst) throws HostException, InterruptedException {
        List<Command> commands = commands(burst);
        Duration timeout = Duration.ofMillis(burst.sendingMillis() * 2 + 5_000L * commands.size() + 10_000);
        List<CommandResult> results = host.runAll(commands, timeout);
        for (int i = 0; i < results.size(); i++) {
            checkStarted(results.get(i), commands.get(i));
        }
    }

    private void checkStarted(CommandResult r, Command c) throws HostException {
        if (r.stderr().contains("Operation not permitted") || r.stderr().contains("you must be root")) {
            throw new HostException(Phrase.of("monitor.verify.sender.needsRootRunning", "hping3 on {0} needs root ({1}): {2}",
                    host.name(), c.display(), r.stderr().strip()));
        }
        // hping3 exits 1 when no reply came back, which is normal for SYNs to a closed port; only a start failure matters.
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            throw new HostException(Phrase.of("monitor.verify.sender.failedRunning", "{0} failed (exit {1}) running {2}: {3}",
                    describe(), r.exitCode(), c.display(), r.stderr().strip()));
        }
    }

    @Override
    public void send(TestTraffic t) throws HostException, InterruptedException {
        Duration timeout = Duration.ofMillis(t.sendingMillis() * 3 + 30_000);
        CommandResult r = host.run(command(t), timeout);
        // hping3 exits 1 when no reply came back, which is normal for SYNs to a closed port; only a start failure matters.
        if (r.exitCode() != 0 && r.exitCode() != 1) {
            throw new HostException(Phrase.of("monitor.verify.sender.failed", "{0} failed (exit {1}): {2}", describe(), r.exitCode(),
                    r.stderr().strip()));
        }
        if (r.stderr().contains("Operation not permitted") || r.stderr().contains("you must be root")) {
            throw new HostException(Phrase.of("monitor.verify.sender.needsRoot", "hping3 on {0} needs root: {1}", host.name(),
                    r.stderr().strip()));
        }
    }
}
