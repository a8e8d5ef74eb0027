package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.rss.Flow;
import dev.nettune.rss.RssKey;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune rss balance --lang zh_CN} as a user runs it, offline from a CSV and on the sandbox with traffic:
 * the report (flows over queues, today and each proposal, per queue, observed, the elephant warning), the apply run
 * and the refusals say no English sentence.
 */
class RssBalanceInChineseTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private static void noEnglishLeft(CliRun r) {
        assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
    }

    /**
     * Stricter than {@link EnglishLeft} for the report, whose lines all start with a Chinese label: no English sentence
     * after the label either (the commands it prints to set a proposal are commands, not sentences).
     */
    private static void noEnglishSentenceInTheReport(CliRun r) {
        assertThat(r.out().lines().filter(l -> !l.strip().startsWith("ethtool ") && !l.strip().startsWith("port config ")
                && EnglishLeft.SENTENCE.matcher(l).find()).toList()).as(r.out()).isEmpty();
    }

    /** One heavy flow (an elephant on 4 queues) and 39 light ones to 10.0.0.5. */
    private Path skewedCsv() throws Exception {
        StringBuilder sb = new StringBuilder("src,dst,sport,dport,weight\n10.0.1.1,10.0.0.5,40000,8080,5000\n");
        for (int i = 1; i < 40; i++) {
            sb.append("10.0.1.").append(i % 30 + 2).append(",10.0.0.5,").append(40000 + i).append(",8080,").append(10 + i).append('\n');
        }
        return Files.writeString(dir.resolve("flows.csv"), sb);
    }

    @Test
    void theOfflineReportIsChinese() throws Exception {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            CliRun r = CliRun.in(ctx, "rss", "balance", "--flows", skewedCsv().toString(), "-k", RssKey.MICROSOFT.toColonHex(),
                    "--rings", "4", "--equal", "4", "--lang", "zh_CN");

            assertThat(r.exit()).as(r.text()).isZero();
            assertThat(r.out()).contains("40 条流").contains("当前").contains("每个队列").contains("警告");
            noEnglishLeft(r);
            noEnglishSentenceInTheReport(r);
        }
    }

    @Test
    void theEnglishReportKeepsItsLinesByteForByte() throws Exception {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            CliRun r = CliRun.in(ctx, "rss", "balance", "--flows", skewedCsv().toString(), "-k", RssKey.MICROSOFT.toColonHex(),
                    "--rings", "4", "--equal", "4");

            assertThat(r.exit()).as(r.text()).isZero();
            assertThat(r.out()).startsWith("40 flows over queues 0-3 (table of 128)\ntoday:    max/mean ")
                    .contains("\nweights:  max/mean ").contains("\nkey:      max/mean ").contains("\nboth:     max/mean ")
                    .contains("\nper queue: predicted today   observed   difference   both proposal\n")
                    .contains("\nobserved: No per-queue counters to compare with: the shares are predictions only.\n"
                            + "warning: One flow carries more than a queue's fair share: tcp 10.0.1.1:40000 -> 10.0.0.5:8080 (");
        }
    }

    @Test
    void theRetaProposalAndAMappingThatCannotImproveAreChinese() throws Exception {
        Path csv = Files.writeString(dir.resolve("one.csv"), "10.0.1.1,10.0.0.5,40000,80,900\n");
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            CliRun r = CliRun.in(ctx, "rss", "balance", "--flows", csv.toString(), "-k", RssKey.MICROSOFT.toColonHex(), "--rings", "2",
                    "--lang", "zh_CN");

            assertThat(r.exit()).as(r.text()).isZero();
            assertThat(r.out()).contains("保持当前映射");
            noEnglishLeft(r);
            noEnglishSentenceInTheReport(r);
        }
    }

    @Test
    void onTheSandboxTheObservedSharesAndTheAppliedProposalAreChinese() throws Exception {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            ctx.sandboxTraffic().send("eth1", Flow.tcp("10.0.1.1", "10.0.0.5", 40000, 8080), 3000, 100);
            for (int i = 1; i < 40; i++) {
                ctx.sandboxTraffic().send("eth1", Flow.tcp("10.0.1." + (i % 30 + 2), "10.0.0.5", 40000 + i, 8080), 10 + i, 100);
            }
            CliRun report = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--lang", "zh_CN");
            assertThat(report.exit()).as(report.text()).isZero();
            noEnglishLeft(report);
            noEnglishSentenceInTheReport(report);

            CliRun applied = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--mode", "weights",
                    "--apply", "--lang", "zh_CN");
            assertThat(applied.exit()).as(applied.text()).isZero();
            assertThat(applied.out()).contains("均衡 eth1");
            noEnglishLeft(applied);

            CliRun again = CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "--by", "packets", "--mode", "weights",
                    "--apply", "--lang", "zh_CN");
            assertThat(again.exit()).as(again.text()).isZero();
            noEnglishLeft(again);
        }
    }

    @Test
    void itsRefusalsAreChinese() throws Exception {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            String key = RssKey.MICROSOFT.toColonHex();
            List<CliRun> runs = List.of(
                    CliRun.in(ctx, "rss", "balance", "--flows", skewedCsv().toString(), "-k", key, "--rings", "4", "--apply", "--lang", "zh_CN"),
                    CliRun.in(ctx, "rss", "balance", "-k", key, "--rings", "4", "--lang", "zh_CN"),
                    CliRun.in(ctx, "rss", "balance", "sandbox", "--lang", "zh_CN"),
                    CliRun.in(ctx, "rss", "balance", "sandbox", "--nic", "eth1", "-k", key, "--lang", "zh_CN"));
            for (CliRun r : runs) {
                assertThat(r.exit()).as(r.text()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
                noEnglishLeft(r);
            }
        }
    }
}
