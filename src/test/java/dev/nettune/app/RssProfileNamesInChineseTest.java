package dev.nettune.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Host;
import dev.nettune.rss.Flow;
import dev.nettune.rss.balance.BalanceMode;
import dev.nettune.rss.balance.BalanceProposal;
import dev.nettune.rss.balance.KeySearch;
import dev.nettune.rss.balance.ObservedFlow;
import dev.nettune.rss.balance.WeightUnit;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profiles NetTune names itself when a screen sets RSS (the production wizard's push, the Balance screen's
 * proposal) are named in the user's language when made: the journal keeps the name, and the Journal screen shows it.
 */
class RssProfileNamesInChineseTest {
    @TempDir
    Path config;

    @Test
    void aPushIsPlannedUnderAChineseNameInChineseAndTheEnglishOneInEnglish() throws Exception {
        try (AppContext ctx = new AppContext(config); Host h = ctx.hostResolver().resolve("sandbox", HostOptions.defaults())) {
            Plan zh = ctx.nicRss().planPush(h, "eth1", Optional.empty(), Optional.of("equal 2"), false, Locale.SIMPLIFIED_CHINESE);
            Plan en = ctx.nicRss().planPush(h, "eth1", Optional.empty(), Optional.of("equal 2"), false, Locale.ENGLISH);

            assertThat(zh.profile()).isEqualTo("推送 eth1 的 RSS");
            assertThat(en.profile()).isEqualTo("RSS push on eth1");
        }
    }

    @Test
    void anAppliedBalanceProposalIsJournaledUnderAChineseName() throws Exception {
        try (AppContext ctx = new AppContext(config); Host h = ctx.hostResolver().resolve("sandbox", HostOptions.defaults())) {
            ctx.sandboxTraffic().send("eth1", Flow.tcp("10.0.1.1", "10.0.0.5", 40000, 8080), 3000, 100);
            List<ObservedFlow> flows = new ArrayList<>();
            for (int i = 1; i < 40; i++) {
                ctx.sandboxTraffic().send("eth1", Flow.tcp("10.0.1." + (i % 30 + 2), "10.0.0.5", 40000 + i, 8080), 10 + i, 100);
            }
            BalanceService service = new BalanceService(new KeySearch.Options(3000, 20_000_000L, 1));
            BalanceService.HostFlows read = service.read(h, "eth1", WeightUnit.PACKETS, BalanceService.FlowSource.ALL);
            flows.addAll(read.flows());
            BalanceProposal best = service.advise(read, flows, EnumSet.of(BalanceMode.WEIGHTS), () -> false).best().orElseThrow();

            ApplyResult r = BalanceService.apply(ctx.tuningEngine(), h, "eth1", best, Locale.SIMPLIFIED_CHINESE,
                    ApplyOptions.defaults(() -> ctx.hostResolver().resolve("sandbox", HostOptions.defaults())), ApplyListener.NONE,
                    new Cancellation());

            assertThat(r.applied()).as(r.message()).isTrue();
            assertThat(ctx.tuningEngine().journal().plans(Optional.empty())).anyMatch(p -> p.profile().equals("均衡 eth1"));
        }
    }
}
