package dev.nettune.ui.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.BalanceService;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.rss.Flow;
import dev.nettune.rss.balance.KeySearch;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.Cancellation;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Balance screen in Chinese on the sandbox with traffic: the flows too heavy to balance (the elephant-flow warning)
 * and today's prediction beside what the NIC's counters observed, agreeing and, after the table changed under the
 * counters, flagged, are said in Chinese.
 */
class BalanceObservedInChineseTest {
    @TempDir
    Path config;

    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static BalanceViewModel model(AppContext ctx) {
        BalanceService service = new BalanceService(new KeySearch.Options(3000, 20_000_000L, 1));
        return new BalanceViewModel((h, n, u) -> {
            try (Host host = ctx.hostResolver().resolve(h, HostOptions.defaults())) {
                return service.read(host, n, u);
            }
        }, (h, n, p) -> {
            try (Host host = ctx.hostResolver().resolve(h, HostOptions.defaults())) {
                return BalanceService.apply(ctx.tuningEngine(), host, n, p, dev.nettune.ui.common.Messages.locale(),
                        ApplyOptions.defaults(() -> ctx.hostResolver().resolve(h, HostOptions.defaults())),
                        ApplyListener.NONE, new Cancellation());
            }
        }, service, TestTasks.sameThread());
    }

    // 300 flows, the first {@code heavy} of them with {@code packets} packets each.
    private static void traffic(AppContext ctx, int heavy, int packets) {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            ctx.sandboxTraffic().send("eth1", Flow.tcp("10.0.1." + (10 + r.nextInt(20)), "10.0.0.5", 40000 + i, 8080),
                    i < heavy ? packets : 1 + r.nextInt(20), 100);
        }
    }

    private static List<String> shown(BalanceViewModel m) {
        List<String> texts = new ArrayList<>(List.of(m.summaryProperty().get(), m.warningProperty().get(),
                m.comparisonProperty().get(), m.work().statusProperty().get()));
        m.queueRows().forEach(q -> texts.addAll(List.of(q.today(), q.observed(), q.difference(), q.proposed())));
        return texts;
    }

    @Test
    void theElephantFlowsAndTheObservedSharesAreSaidInChinese() {
        try (AppContext ctx = new AppContext(config)) {
            // Two flows of 10000 packets among ~3000 others: each carries more than a queue's fair share.
            traffic(ctx, 2, 10_000);
            BalanceViewModel m = model(ctx);
            m.unitProperty().set("packets");

            m.advise();

            assertThat(m.warningProperty().get()).startsWith("2 条流各自承载了超过一个队列的公平份额：")
                    .contains("RSS 按设计把一条流的每个包都放在同一个队列上");
            assertThat(m.comparisonProperty().get()).startsWith("每个队列观测到的份额（RX 包数，ethtool -S）");
            assertThat(EnglishLeft.in(shown(m))).isEmpty();
        }
    }

    @Test
    void sharesOffThePredictionAfterTheTableChangedAreSaidInChinese() {
        try (AppContext ctx = new AppContext(config)) {
            traffic(ctx, 4, 3000);
            BalanceViewModel m = model(ctx);
            m.unitProperty().set("packets");
            m.modeProperty().set("weights");
            m.advise();
            m.apply();

            // The counters began under the old table: today's prediction (the new table) no longer matches them.
            m.advise();

            assertThat(m.queueRows()).filteredOn(BalanceViewModel.QueueRow::flagged).isNotEmpty()
                    .allMatch(q -> q.difference().endsWith(" 个百分点  \u26a0 偏离"), "a flagged queue's difference reads in Chinese");
            assertThat(m.comparisonProperty().get()).startsWith("偏差超过 5 个百分点（RX 包数，ethtool -S）：队列 ");
            assertThat(EnglishLeft.in(shown(m))).isEmpty();
        }
    }
}
