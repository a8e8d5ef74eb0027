package dev.nettune.ui.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.rss.RssKey;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.TestTasks;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Key solving panel's refusals from the solver itself, in Chinese, as its status line shows them. */
class KeySolverInChineseTest {
    private KeySolverViewModel solver;
    private CalculatorViewModel calculator;

    @BeforeEach
    void chinese() {
        Messages.use(Messages.CHINESE);
        calculator = new CalculatorViewModel();
        calculator.keyTextProperty().set(RssKey.MICROSOFT.toColonHex());
        calculator.equalQueuesProperty().set("4");
        solver = new KeySolverViewModel(calculator, TestTasks.sameThread().newWork());
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void noFlowsToSolveForIsSaidInChinese() {
        solver.goalsProperty().set("# src,dst,sport,dport,queue\n");

        solver.run();

        String status = solver.work().statusProperty().get();
        assertThat(status).isEqualTo("请至少给出一条流及其应到达的队列。");
        assertThat(EnglishLeft.in(List.of(status))).isEmpty();
    }

    @Test
    void tooManyFlowsIsSaidInChinese() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 2001; i++) {
            csv.append("10.0.").append(i / 250).append('.').append(i % 250 + 1).append(",10.0.0.5,40000,80,0\n");
        }
        solver.goalsProperty().set(csv.toString());

        solver.run();

        String status = solver.work().statusProperty().get();
        assertThat(status).startsWith("2001 条流太多，无法求解");
        assertThat(EnglishLeft.in(List.of(status))).isEmpty();
    }

    @Test
    void flowsTiedTogetherAreExplainedInChineseAsTheConflictsTableShowsThem() {
        calculator.equalQueuesProperty().set("64");
        solver.goalsProperty().set("10.0.0.252,10.0.0.5,10000,80,0\n10.0.0.252,10.0.0.5,10001,80,1\n"
                + "10.0.0.252,10.0.0.5,10002,80,2\n");

        solver.run();

        // KeySolverController's "why no key exists" column shows reason(Messages.locale()).
        String why = solver.conflicts().get(0).reason(Messages.locale());
        assertThat(why).startsWith("流 1, 2 和 3 无法同时满足：这些元组的哈希的低 7 位（即桶）线性相关");
        assertThat(EnglishLeft.in(List.of(why, solver.work().statusProperty().get()))).isEmpty();
    }
}
