package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nettune cloud ... --lang zh_CN} against the sandbox: what it refuses and what a run prints leave no English sentence. */
class CloudCliInChineseTest {
    static final String ENI = DemoSeed.SECONDARY_ENI;
    static final String INSTANCE = DemoSeed.SANDBOX_INSTANCE;

    @TempDir
    Path dir;
    @TempDir
    Path home;
    private AppContext context;

    @BeforeEach
    void isolateCredentials() {
        context = new AppContext(dir);
        context.cloudCredentialsFrom(Map.of(), home);
    }

    @AfterEach
    void restore() {
        context.close();
        CliText.use(Locale.ENGLISH);
    }

    private CliRun run(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--lang";
        all[args.length + 1] = "zh_CN";
        return CliRun.in(context, all);
    }

    @Test
    void idsAndRegionsThatAreNotOnesAreRefusedInChinese() {
        CliRun instance = run("cloud", "eni", "attach", ENI, "--instance", "i_bad", "--endpoint", "sandbox");
        CliRun eni = run("cloud", "eni", "attach", "eni-", "--instance", INSTANCE, "--endpoint", "sandbox");
        CliRun region = run("cloud", "eni", "show", "--region", "Hong Kong", "--endpoint", "sandbox");
        CliRun group = run("cloud", "sg", "allow", "sg-X", "--protocol", "tcp", "--ports", "80/80", "--source", "10.0.0.0/8",
                "--endpoint", "sandbox");

        assertThat(instance.exit()).isEqualTo(2);
        assertThat(instance.err()).contains("'i_bad' 不是实例 ID：它必须以 'i-' 开头");
        assertThat(eni.err()).contains("'eni-' 不是弹性网卡 ID");
        assertThat(region.err()).contains("'Hong Kong' 不是地域 ID");
        assertThat(group.err()).contains("不是安全组 ID");
        assertThat(EnglishLeft.in(List.of(instance.text(), eni.text(), region.text(), group.text()))).isEmpty();
    }

    @Test
    void aPlanRunItsUndoAndAStepNeedingYesPrintInChinese() {
        CliRun attach = run("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox");
        String planId = attach.out().replaceAll("(?s)^规划 (\\S+)：.*", "$1");
        CliRun detach = run("cloud", "eni", "detach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox");
        CliRun undo = run("cloud", "plan", "undo", planId, "--endpoint", "sandbox", "--yes");

        assertThat(attach.exit()).as(attach.text()).isZero();
        assertThat(attach.out()).contains("  1. 将弹性网卡 " + ENI + " 挂载到实例 " + INSTANCE)
                .contains("  .. 第 1/1 步：将弹性网卡 " + ENI).contains("  .. 正在等待 " + ENI + " 变为 InUse：当前 ")
                .contains("  .. " + ENI + " 已是 InUse（").contains("  ok 第 1 步：");
        assertThat(detach.exit()).isEqualTo(1);
        assertThat(detach.err()).contains("经由实例 " + INSTANCE + " 上弹性网卡 " + ENI + " 的流量会中断")
                .contains("在第 1 步之前停止：未确认（");
        assertThat(undo.exit()).as(undo.text()).isZero();
        assertThat(undo.out()).contains("  .. 撤销第 1 步：从实例 " + INSTANCE + " 卸载弹性网卡 " + ENI).contains("  ok 第 1 步已撤销：");
        assertThat(EnglishLeft.in(List.of(attach.text(), detach.text(), undo.text()))).isEmpty();
    }
}
