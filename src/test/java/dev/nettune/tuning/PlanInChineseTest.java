package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.sandbox.SandboxInstance;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A plan says its titles, values, notes and problems in the user's language: the Tuning screen's preview in Chinese
 * reads Chinese around the commands and files (which are what runs, the same in every language), and the English
 * preview is what it always was.
 */
class PlanInChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private final SandboxInstance sandbox = new SandboxInstance(42, 8, 4);

    private Plan plan(ProfileEntry... entries) throws Exception {
        return new Planner().plan(sandbox, new Profile("p", "", List.of(entries)));
    }

    private Plan persistedSysctls() throws Exception {
        return plan(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"), new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                new ProfileEntry.PersistSysctls(null));
    }

    @Test
    void theSysctlFileStepIsTitledAndValuedInChinese() throws Exception {
        String zh = PlanPreview.text(persistedSysctls(), ZH);

        assertThat(zh).contains("3. /etc/sysctl.d/99-network-tuning.conf（持久化 2 个 sysctl）\n")
                .contains("   之前：（无文件）\n")
                .containsPattern("   之后：3 行，\\d+ 字节\n")
                .contains("   $ sudo sysctl -p /etc/sysctl.d/99-network-tuning.conf")
                .contains("   | net.ipv4.tcp_fin_timeout = 15")
                .startsWith("规划 ");
    }

    @Test
    void theEnglishPreviewKeepsItsWords() throws Exception {
        Plan plan = persistedSysctls();
        String en = PlanPreview.text(plan);

        assertThat(en).isEqualTo(PlanPreview.text(plan, Locale.ENGLISH))
                .startsWith("Plan " + plan.id() + " for sandbox (profile \"p\", kernel ")
                .contains("3. /etc/sysctl.d/99-network-tuning.conf (persists 2 sysctls)\n")
                .contains("   before: (no file)\n")
                .containsPattern("   after:  3 lines, \\d+ bytes\n")
                .doesNotContainPattern("\\p{IsHan}");
    }

    @Test
    void anRssTableIsShownWithItsEntriesAndRingsInChinese() throws Exception {
        Plan plan = plan(new RssTableChange("eth1", "equal 2"));

        assertThat(PlanPreview.text(plan, ZH)).contains("equal 2（128 项，4 个环）").doesNotContain(" entries, ");
        assertThat(PlanPreview.text(plan)).contains("equal 2 (128 entries, 4 rings)");
    }

    @Test
    void aStepsNoteIsSaidInChinese() throws Exception {
        Plan plan = new Planner().plan(new SandboxInstance(7, 8, 4), new Profile("smc", "", List.of(SmcChange.seedValues())));

        assertThat(plan.steps().get(0).notePhrases()).extracting(n -> n.in(ZH))
                .contains("SMC 的 sysctl 只在模块加载后出现：此内核缺少的每一项都会跳过。");
        assertThat(PlanPreview.text(plan, ZH)).contains("   注意：SMC 的 sysctl 只在模块加载后出现");
    }

    @Test
    void aSkippedEntryIsSaidInChinese() throws Exception {
        sandbox.systemd(false);
        Plan plan = plan(new ProfileEntry.BanIrqs(List.of(25, 27)));

        assertThat(plan.notePhrases()).extracting(n -> n.in(ZH))
                .containsExactly("irqbalance 不再迁移中断 25, 27：此主机没有运行 systemd，因此没有需要让它避开的 irqbalance 服务——已跳过。");
        assertThat(plan.notes()).containsExactly("Ban IRQs 25, 27 from irqbalance: this host does not run systemd, so it has no"
                + " irqbalance service to keep away from them - skipped.");
    }

    @Test
    void aProblemNamesTheStepAndTheCpusInChinese() throws Exception {
        Plan plan = plan(new XpsChange("eth1", 0, "12"));

        assertThat(plan.problemPhrases()).extracting(p -> p.in(ZH))
                .containsExactly("eth1 tx-0 的 XPS：CPU 12 不在线；此主机在线的 CPU 为 0-7。");
        assertThat(PlanPreview.text(plan, ZH)).contains("问题：eth1 tx-0 的 XPS：CPU 12 不在线");
    }

    @Test
    void whatIsAlreadyAsWantedIsSaidInChinese() throws Exception {
        String now = sandbox.sysctlValue("net.ipv4.tcp_fin_timeout").orElseThrow();
        Plan plan = plan(new SysctlChange("net.ipv4.tcp_fin_timeout", now));

        assertThat(plan.unchangedPhrases()).extracting(p -> p.in(ZH)).containsExactly("net.ipv4.tcp_fin_timeout 已经是 " + now);
        assertThat(PlanPreview.text(plan, ZH)).contains("无需操作：主机已具备调优方案的每个值。\n").contains("已符合要求：\n");
    }
}
