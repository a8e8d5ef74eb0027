package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.monitor.CounterSnapshot;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.rss.Flow;
import dev.nettune.rss.RssKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune rss balance}: offline from a CSV, and on the sandbox end to end, applied and measured. */
class RssBalanceCliTest {
    @TempDir
    Path config;

    /** Skewed flows to the sandbox's ENI address: 6 heavy, 600 mice, source ports in one narrow run. */
    private static List<long[]> population() {
        SplittableRandom r = new SplittableRandom(42);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i < 606; i++) {
            out.add(new long[] {10 + r.nextInt(40), 40000 + i, i < 6 ? 2000 + r.nextInt(2000) : 1 + r.nextInt(30)});
        }
        return out;
    }

    private static Flow flow(long[] p) {
        return Flow.tcp("10.0.1." + p[0], "10.0.0.5", (int) p[1], 8080);
    }

    @Test
    void offlineTheJsonGivesTodayAndEachProposalWithItsWeightsAndKey() throws Exception {
        Path csv = config.resolve("flows.csv");
        StringBuilder sb = new StringBuilder("src,dst,sport,dport,weight\n");
        for (long[] p : population()) {
            sb.append("10.0.1.").append(p[0]).append(",10.0.0.5,").append(p[1]).append(",8080,").append(p[2]).append('\n');
        }
        Files.writeString(csv, sb);
        try (AppContext ctx = new AppContext(config)) {
            CliRun r = CliRun.in(ctx, "rss", "balance", "--flows", csv.toString(), "-k", RssKey.MICROSOFT.toColonHex(), "--rings", "4",
                    "--equal", "4", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(r.out());
            double today = j.get("current").get("maxOverMean").asDouble();
            assertThat(j.get("flows").asInt()).isEqualTo(606);
            assertThat(j.get("proposals")).hasSize(3);
            for (JsonNode p : j.get("proposals")) {
                assertThat(p.get("maxOverMean").asDouble()).isLessThanOrEqualTo(today);
            }
            JsonNode both = j.get("proposals").get(2);
            assertThat(both.get("mode").asText()).isEqualTo("both");
            assertThat(both.get("weights")).hasSize(4);
            assertThat(RssKey.parse(both.get("key").asText())).isNotNull();
        }
    }

    @Test
    void retaModeGivesTheWholeTableAsAListAndAsTestpmdLines() throws Exception {
        Path csv = config.resolve("flows.csv");
        Files.writeString(csv, "src,dst,sport,dport,weight\n10.0.1.1,10.0.0.5,40000,80,900\n10.0.1.2,10.0.0.5,40001,80,100\n"
                + "10.0.1.3,10.0.0.5,40002,80,100\n10.0.1.4,10.0.0.5,40003,80,100\n");
        try (AppContext ctx = new AppContext(config)) {
            CliRun j = CliRun.in(ctx, "rss", "balance", "--flows", csv.toString(), "-k", RssKey.MICROSOFT.toColonHex(), "--rings", "2",
                    "--mode", "reta", "--json");
            assertThat(new ObjectMapper().readTree(j.out()).get("proposals").get(0).get("table")).hasSize(128);
            CliRun text = CliRun.in(ctx, "rss", "balance", "--flows", csv.toString(), "-k", RssKey.MICROSOFT.toColonHex(), "--rings", "2",
                    "--mode", "reta");
            assertThat(text.out()).contains("port config 0 rss reta (0,");
        }
    }

    @Test
    void offlineWithoutFlowsSaysWhatIsMissing() {
        try (AppContext ctx = new AppContext(config)) {
            CliRun r = CliRun.in(ctx, "rss", "balance", "-k", RssKey.MICROSOFT.toColonHex(), "--rings", "4");
            assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("--flows FILE");
        }
    }

    @Test
    void aHostThatReceivedNothingYetSaysWhatWasReadAndWhereFlowsComeFrom() {
        try (AppContext ctx = new AppContext(config)) {
            CliRun r = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1");
            assertThat(r.exit()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
            assertThat(r.err()).contains("eth1 has no established TCP socket or tracked flow to 10.0.0.5")
                    .contains("--flows FILE");
        }
    }

    @Test
    void onTheSandboxAnAppliedProposalIsWhatTheQueueCountersThenMeasure() throws Exception {
        try (AppContext ctx = new AppContext(config)) {
            List<long[]> pop = population();
            for (long[] p : pop) {
                ctx.sandboxTraffic().send("eth1", flow(p), p[2], 100);
            }
            CliRun advice = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--mode", "both", "--json");
            assertThat(advice.exit()).as(advice.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(advice.out());
            JsonNode proposal = j.get("proposals").get(0);
            assertThat(j.get("flows").asInt()).isEqualTo(606);
            assertThat(proposal.get("improves").asBoolean()).isTrue();

            CliRun applied = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--mode", "both", "--apply");
            assertThat(applied.exit()).as(applied.out() + applied.err()).isZero();
            assertThat(applied.out()).contains("ethtool -X eth1 hkey").contains("APPLIED");

            // The same traffic again, measured by the monitor's counter reader: per-queue deltas are the prediction.
            try (Host h = ctx.hostResolver().resolve("sandbox", HostOptions.defaults())) {
                HostCounterReader reader = new HostCounterReader(h, NicIdentity.read(h, "eth1"));
                CounterSnapshot before = reader.read();
                for (long[] p : pop) {
                    ctx.sandboxTraffic().send("eth1", flow(p), p[2], 100);
                }
                CounterSnapshot after = reader.read();
                JsonNode predicted = proposal.get("queueLoads");
                long total = 0;
                long max = 0;
                for (int q = 0; q < predicted.size(); q++) {
                    long measured = after.rxPackets()[q] - before.rxPackets()[q];
                    assertThat(measured).as("queue " + q).isEqualTo(predicted.get(q).asLong());
                    total += measured;
                    max = Math.max(max, measured);
                }
                assertThat(max / (total / (double) predicted.size())).isEqualTo(proposal.get("maxOverMean").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-9));
                assertThat(proposal.get("maxOverMean").asDouble()).isLessThan(j.get("current").get("maxOverMean").asDouble());
            }
        }
    }

    @Test
    void onTheSandboxBalanceReadsTheDemoTrafficFromConntrackUdpIncluded() throws Exception {
        try (AppContext ctx = new AppContext(config)) {
            try (Host h = ctx.hostResolver().resolve("sandbox", HostOptions.defaults())) {
                h.run(dev.nettune.host.Command.of("sysctl", "-w", "net.netfilter.nf_conntrack_acct=1"), java.time.Duration.ofSeconds(5));
            }
            List<long[]> pop = population();
            for (long[] p : pop) {
                ctx.sandboxTraffic().send("eth1", flow(p), p[2], 100);
            }
            ctx.sandboxTraffic().send("eth1", Flow.udp("10.0.1.99", "10.0.0.5", 33000, 4789), 5000, 1400);
            CliRun r = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--from", "conntrack", "--by", "packets",
                    "--mode", "weights", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(r.out());
            assertThat(j.get("flows").asInt()).isEqualTo(607);
            long total = 0;
            for (JsonNode q : j.get("current").get("queueLoads")) {
                total += q.asLong();
            }
            assertThat(total).isEqualTo(pop.stream().mapToLong(p -> p[2]).sum() + 5000);
            assertThat(j.get("notes").toString()).contains("607 flow(s) from conntrack -L -o extended");

            CliRun ssOnly = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--from", "ss", "--json");
            assertThat(new ObjectMapper().readTree(ssOnly.out()).get("flows").asInt()).as("ss lists TCP sockets only").isEqualTo(606);
        }
    }

    @Test
    void onTheSandboxEachQueuesPredictedShareStandsBesideTheObservedOneAndAChangedTableIsFlagged() throws Exception {
        try (AppContext ctx = new AppContext(config)) {
            for (long[] p : population()) {
                ctx.sandboxTraffic().send("eth1", flow(p), p[2], 100);
            }
            CliRun r = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--mode", "weights", "--json");
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode j = new ObjectMapper().readTree(r.out());
            JsonNode perQueue = j.get("current").get("perQueue");
            assertThat(perQueue).hasSize(4);
            for (JsonNode q : perQueue) {
                assertThat(q.get("observedShare").asDouble()).as("queue " + q.get("queue"))
                        .isCloseTo(q.get("predictedShare").asDouble(), org.assertj.core.api.Assertions.within(1e-12));
                assertThat(q.get("flagged").asBoolean()).isFalse();
            }
            assertThat(j.get("observed").get("counter").asText()).isEqualTo("rx packets");
            assertThat(j.get("proposals").get(0).get("perQueue")).hasSize(4);

            // The table changes by hand; the counters still hold the old spread, which the flows no longer explain.
            try (Host h = ctx.hostResolver().resolve("sandbox", HostOptions.defaults())) {
                h.run(dev.nettune.host.Command.of("ethtool", "-X", "eth1", "equal", "2"), java.time.Duration.ofSeconds(5));
            }
            CliRun after = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--mode", "weights");
            assertThat(after.exit()).as(after.err()).isZero();
            assertThat(after.out()).contains("<- off").contains("Off by more than 5 points (rx packets");
        }
    }
}
