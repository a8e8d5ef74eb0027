package dev.nettune.ui.cloud.production;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.SmcChange;
import dev.nettune.tuning.Step;
import dev.nettune.tuning.SysctlChange;
import dev.nettune.ui.common.Messages;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A production host step's read-back lines (what each change reads after applying) in Chinese. */
class HostStepReadBackInChineseTest {
    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static ApplyResult applied() {
        Step sysctl = new Step(1, new SysctlChange("net.ipv4.tcp_fin_timeout", "15"), "60", "15", List.of(), false, List.of());
        Step smc = new Step(2, SmcChange.seedValues(), "", "", List.of(), false, List.of());
        return new ApplyResult("p-1", Journal.PlanStatus.APPLIED, "", List.of(
                new ApplyResult.StepResult(sysctl, Journal.Phase.APPLY, Journal.Outcome.APPLIED, "15", ""),
                new ApplyResult.StepResult(smc, Journal.Phase.APPLY, Journal.Outcome.MISMATCH, "", "")));
    }

    @Test
    void eachChangeItsValueAndItsOutcomeReadInChinese() {
        Messages.use(Messages.CHINESE);

        String lines = HostStepModel.values(applied());

        assertThat(lines.lines().toList()).hasSize(2).allMatch(l -> l.matches(".*\\p{IsHan}.*"));
        assertThat(lines).contains("net.ipv4.tcp_fin_timeout").contains("（未回读）")
                .doesNotContain("not read back").doesNotContain("[applied]").doesNotContain("[mismatch]");
    }

    @Test
    void inEnglishTheyReadAsBefore() {
        String lines = HostStepModel.values(applied());

        assertThat(lines).contains("= 15   [applied]").contains("(not read back)   [mismatch]");
    }
}
