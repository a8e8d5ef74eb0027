package dev.nettune.ui.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.BalanceService;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.rss.Flow;
import dev.nettune.rss.balance.KeySearch;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.Cancellation;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Balance screen's view model on the sandbox, without the FX toolkit. */
class BalanceViewModelTest {
    @TempDir
    Path config;

    private static BalanceViewModel model(AppContext ctx) {
        BalanceService service = new BalanceService(new KeySearch.Options(3000, 20_000_000L, 1));
        return new BalanceViewModel(
                (h, n, u) -> {
                    try (Host host = ctx.hostResolver().resolve(h, HostOptions.defaults())) {
                        return service.read(host, n, u);
                    }
                },
                (h, n, p) -> {
                    try (Host host = ctx.hostResolver().resolve(h, HostOptions.defaults())) {
                        return BalanceService.apply(ctx.tuningEngine(), host, n, p, dev.nettune.ui.common.Messages.locale(),
                                ApplyOptions.defaults(() -> ctx.hostResolver().resolve(h, HostOptions.defaults())),
                                ApplyListener.NONE, new Cancellation());
                    }
                }, service, TestTasks.sameThread());
    }

    private static void traffic(AppContext ctx) {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            ctx.sandboxTraffic().send("eth1", Flow.tcp("10.0.1." + (10 + r.nextInt(20)), "10.0.0.5", 40000 + i, 8080),
                    i < 4 ? 3000 : 1 + r.nextInt(20), 100);
        }
    }

    @Test
    void readingTheSandboxShowsTodaysBucketsAndOneRowPerProposal() {
        try (AppContext ctx = new AppContext(config)) {
            traffic(ctx);
            BalanceViewModel m = model(ctx);
            m.unitProperty().set("packets");
            m.advise();
            assertThat(m.summaryProperty().get()).startsWith("300 flows over queues 0-3");
            assertThat(m.rows()).extracting(BalanceViewModel.Row::mode).containsExactly("weights", "key", "both");
            assertThat(m.todayBucketsProperty().get()).hasSize(128);
            assertThat(m.selectedProperty().get()).isNotNull();
            assertThat(m.proposedBucketsProperty().get()).isEqualTo(m.selectedProperty().get().proposal().bucketLoads());
        }
    }

    @Test
    void theProposalsAreNamedInChineseOnAChineseScreen() {
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try (AppContext ctx = new AppContext(config)) {
            traffic(ctx);
            BalanceViewModel m = model(ctx);
            m.unitProperty().set("packets");
            m.advise();
            assertThat(m.rows()).extracting(BalanceViewModel.Row::mode).containsExactly("权重", "哈希密钥", "两者");
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void applyingTheSelectedProposalSetsItOnTheNicThroughTheTuningEngine() {
        try (AppContext ctx = new AppContext(config)) {
            traffic(ctx);
            BalanceViewModel m = model(ctx);
            m.modeProperty().set("weights");
            m.advise();
            assertThat(m.canApply()).isTrue();
            String weights = m.selectedProperty().get().proposal().weights().orElseThrow().toString();
            m.apply();
            assertThat(m.summaryProperty().get()).startsWith("APPLIED");
            assertThat(m.work().statusProperty().get()).startsWith("APPLIED");
            assertThat(ctx.sandboxInstance().indirectionTable("eth1")).isEqualTo(
                    m.selectedProperty().get().proposal().table());
            assertThat(weights).startsWith("start 0 weight");
        }
    }

    @Test
    void withoutAHostNothingIsReadAndTheScreenSaysWhatIsMissing() {
        try (AppContext ctx = new AppContext(config)) {
            BalanceViewModel m = model(ctx);
            m.hostProperty().set(" ");
            m.advise();
            assertThat(m.summaryProperty().get()).contains("Give the host and the NIC");
            assertThat(m.rows()).isEmpty();
        }
    }

    @Test
    void eachQueueShowsItsPredictedShareBesideTheObservedOneFromTheCounters() {
        try (AppContext ctx = new AppContext(config)) {
            traffic(ctx);
            BalanceViewModel m = model(ctx);
            m.unitProperty().set("packets");
            m.advise();
            assertThat(m.queueRows()).hasSize(4);
            for (BalanceViewModel.QueueRow q : m.queueRows()) {
                assertThat(q.observed()).as("queue " + q.queue()).isEqualTo(q.today());
                assertThat(q.flagged()).isFalse();
                assertThat(q.proposed()).endsWith("%");
            }
            assertThat(m.comparisonProperty().get()).startsWith("Every queue's observed share (rx packets");
        }
    }
}
