package dev.nettune.ui.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.host.Host;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Journal screen in Chinese after a plan on the sandbox was rolled back, one was applied and then undone from the
 * screen: plan rows (kind, status, detail), entries (phase, title, values, outcome, message) and the status are Chinese.
 */
class JournalInChineseTest {
    @TempDir
    Path config;
    private AppContext context;
    private JournalViewModel journal;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        context = new AppContext(config);
        journal = new JournalViewModel(context.tuningJournal(), context.tuningEngine(),
                name -> context.hostResolver().resolve(name, HostOptions.defaults()), Runnable::run, Runnable::run);
    }

    @AfterEach
    void close() {
        context.close();
        Messages.use(Messages.ENGLISH);
    }

    private ApplyResult applyBuiltIn() throws Exception {
        try (Host h = context.hostResolver().resolve("sandbox", HostOptions.defaults())) {
            return context.tuningEngine().apply(h, new Planner().plan(h, Profile.ecsHighThroughput()),
                    ApplyOptions.defaults(() -> context.hostResolver().resolve("sandbox", HostOptions.defaults())), ApplyListener.NONE,
                    new Cancellation());
        }
    }

    private List<String> shown() {
        List<String> texts = new ArrayList<>();
        texts.add(journal.statusProperty().get());
        texts.addAll(journal.unfinished());
        journal.plans().forEach(p -> texts.addAll(List.of(p.kind(), p.status(), p.detail(), p.profile())));
        for (JournalViewModel.PlanRow p : List.copyOf(journal.plans())) {
            journal.selectedPlanProperty().set(p);
            journal.entries().forEach(e -> texts.addAll(List.of(e.phase(), e.title(), e.before(), e.after(), e.readBack(),
                    e.outcome(), e.message())));
        }
        return texts;
    }

    @Test
    void aRolledBackPlanAndAnUndoneOneReadInChinese() throws Exception {
        context.sandboxInstance().faults().failNext(Pattern.quote("sysctl -w net.ipv4.tcp_fin_timeout=15"), 1,
                "sysctl: setting key failed\n");
        assertThat(applyBuiltIn().status()).isEqualTo(dev.nettune.tuning.Journal.PlanStatus.ROLLED_BACK);
        String plan = applyBuiltIn().planId();
        journal.refresh();
        journal.selectedPlanProperty().set(journal.plans().stream().filter(p -> p.id().equals(plan)).findFirst().orElseThrow());

        journal.undoPlan();

        assertThat(journal.statusProperty().get()).startsWith("已撤销：计划 " + plan + " 已撤销");
        assertThat(journal.plans()).anyMatch(p -> p.status().equals("已回滚") && p.detail().contains("已回滚：主机已恢复为更改前的值。"));
        assertThat(journal.plans()).as("a built-in profile is named as the Tuning screen's picker names it")
                .anyMatch(p -> p.profile().equals("ECS 高吞吐")).noneMatch(p -> p.profile().equals("ECS high throughput"));
        List<String> shown = shown();
        assertThat(EnglishLeft.in(shown)).as(String.join("\n", shown)).isEmpty();
    }
}
