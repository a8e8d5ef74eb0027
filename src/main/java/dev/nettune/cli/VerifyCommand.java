package dev.nettune.cli;

import dev.nettune.ArchitectureException;
import dev.nettune.app.AppContext;
import dev.nettune.host.Host;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.RssVerifier;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.ShareCheck;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.VerificationResult;
import dev.nettune.rss.IpAddress;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.sandbox.SandboxTraffic;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nettune verify HOST --nic NIC --sender HOST2 --scenario 1|2}: sends the seed's test
 * traffic from the sender and judges, from the receiver's counters, whether the NIC did what its
 * live key and table say. Exit code 0 pass, 1 fail, 3 inconclusive.
 */
@CommandLine.Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verify RSS with traffic (the seed's hping3 scenarios): 1 = many flows spread as the table says,",
            "2 = one fixed flow lands in the queue the calculator predicts from the live key and table.",
            "Exit code: 0 pass, 1 fail, 3 inconclusive."})
@ArchitectureException("The sandbox-or-hping3 sender choice names SandboxSender and SandboxTraffic; the verify helper's"
        + " VerificationService takes it over, and then this exception goes.")
final class VerifyCommand implements Callable<Integer> {
    static final int EXIT_FAIL = 1;
    static final int EXIT_INCONCLUSIVE = 3;

    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST", description = "The receiver: sandbox, a saved host, an ssh alias, user@host[:port].")
    String host;

    @Option(names = "--nic", required = true, paramLabel = "NIC", description = "The receiver's NIC (its RSS is verified).")
    String nic;

    @Option(names = "--sender", required = true, paramLabel = "HOST2", description = "The host that sends with hping3 (sandbox for the sandbox pair).")
    String sender;

    @Option(names = "--scenario", required = true, paramLabel = "1|2", description = "1: spread over the queues; 2: one fixed flow.")
    int scenario;

    @Option(names = "--count", defaultValue = "10000", description = "Packets to send (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--interval-us", defaultValue = "100", description = "Microseconds between packets, hping3 -i u (default ${DEFAULT-VALUE}).")
    int intervalMicros;

    @Option(names = "--src", description = "Source address (the sender's). Default: the seed's 10.0.0.252.")
    String src;

    @Option(names = "--dst", description = "Destination address (the receiver NIC's). Default: the seed's 10.0.0.5.")
    String dst;

    @Option(names = "--sport", description = "Source port: the base port in scenario 1 (default 10000), the fixed port in 2 (default 12345).")
    Integer sport;

    @Option(names = "--dport", description = "Destination port (default 0 in scenario 1, 80 in 2).")
    Integer dport;

    @Option(names = "--iface", description = "The sender's interface for scenario 1 (hping3 -I), e.g. eth0.")
    String iface;

    @Mixin
    HostConnectionOptions connection;

    VerifyCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Scenario s = Scenario.ofNumber(scenario);
        TestTraffic t = new TestTraffic(s, IpAddress.parse(src == null ? SandboxTraffic.SENDER : src),
                IpAddress.parse(dst == null ? SandboxTraffic.ACCEPTER : dst), count, intervalMicros,
                sport != null ? sport : s == Scenario.SPREAD ? 10000 : 12345, dport != null ? dport : s == Scenario.SPREAD ? 0 : 80,
                Optional.ofNullable(iface));
        PrintWriter out = spec.commandLine().getOut();
        Host receiver = context.hostResolver().resolve(host, connection.toHostOptions());
        TrafficSender ts;
        if (sender.equals(SandboxInstance.NAME)) {
            if (!host.equals(SandboxInstance.NAME)) {
                throw new CliInputException("The sandbox sender reaches only the sandbox: use --sender with a real host that has hping3.");
            }
            ts = new SandboxSender(context.sandboxTraffic(), nic);
        } else {
            ts = new Hping3Sender(context.hostResolver().resolve(sender, connection.toHostOptions()));
        }
        out.println("Scenario " + s.number() + ": " + s.description());
        out.println("Runs on " + ts.describe() + ":");
        ts.commands(t).forEach(c -> out.println("  " + c.display()));
        out.flush();
        RssVerifier verifier = new RssVerifier(receiver, nic, new HostCounterReader(receiver, NicIdentity.read(receiver, nic)));
        VerificationResult r = verifier.run(t, ts, p -> {
            out.println("- " + p);
            out.flush();
        });
        out.println();
        r.predictedQueue().ifPresent(q -> out.println("Predicted queue: " + q));
        if (r.excessPackets().length > 0) {
            out.printf(Locale.ROOT, "%5s %10s %12s %8s%n", "queue", "packets", "background/s", "table");
            for (int q = 0; q < r.excessPackets().length; q++) {
                int queue = q;
                out.printf(Locale.ROOT, "%5d %10d %12.0f %8s%n", q, r.excessPackets()[q], r.backgroundPps()[q],
                        r.table().map(tb -> String.format(Locale.ROOT, "%.1f%%", tb.expectedShare(queue) * 100)).orElse(""));
            }
        }
        r.shares().map(ShareCheck::test).ifPresent(c -> out.printf(Locale.ROOT, "chi-square %.2f, %d dof, p = %.3g%n",
                c.statistic(), c.degreesOfFreedom(), c.pValue()));
        out.println(r.verdict() + ": " + r.explanation());
        r.fix().ifPresent(f -> {
            out.println("Fix: " + f.summary());
            out.println("  apply it with preview and rollback from the Tuning screen, or by hand: ethtool -X " + nic + " " + f.ethtoolArguments());
        });
        out.flush();
        return switch (r.verdict()) {
            case PASS -> 0;
            case FAIL -> EXIT_FAIL;
            case INCONCLUSIVE -> EXIT_INCONCLUSIVE;
            case NOT_RUN -> 4;
        };
    }
}
