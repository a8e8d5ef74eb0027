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

/**
 * The `nettune cloud ...` commands' own lines with --lang zh_CN against the sandbox region: what they show of an ENI,
 * the custom-RSS preflight, the guest's NIC, the plans' titles and the refusals of their own checks. EnglishLeft passes
 * a line holding any Chinese, so the lines NetTune writes around an id are also asserted in Chinese.
 */
class CloudCliOwnLinesInChineseTest {
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

    private CliRun zh(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--lang";
        all[args.length + 1] = "zh_CN";
        CliRun r = CliRun.in(context, all);
        System.out.println("$ nettune " + String.join(" ", all) + "  (exit " + r.exit() + ")\n" + r.text());
        return r;
    }

    @Test
    void anEniItsTimeoutsAndAMissingOneAreShownInChinese() {
        CliRun show = zh("cloud", "eni", "show", ENI, "--endpoint", "sandbox");
        CliRun timeouts = zh("cloud", "eni", "timeouts", ENI, "--endpoint", "sandbox");
        CliRun missing = zh("cloud", "eni", "show", "eni-bp1nosuchenifake01", "--endpoint", "sandbox");
        CliRun rssMissing = zh("cloud", "eni", "rss", "eni-bp1nosuchenifake01", "--enable", "--endpoint", "sandbox");

        assertThat(show.exit()).as(show.text()).isZero();
        assertThat(show.out()).contains("连接跟踪超时：", "自定义RSS：");
        assertThat(timeouts.out()).doesNotContain("TCP established");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("没有弹性网卡 eni-bp1nosuchenifake01");
        assertThat(rssMissing.err()).contains("没有弹性网卡 eni-bp1nosuchenifake01");
        assertThat(EnglishLeft.in(List.of(show.text(), timeouts.text(), missing.text(), rssMissing.text()))).isEmpty();
    }

    @Test
    void theCustomRssPreflightAndTheGuestsNicSpeakChinese() {
        CliRun attach = zh("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox", "--host", "sandbox");
        CliRun failed = zh("cloud", "eni", "rss", ENI, "--enable", "--endpoint", "sandbox", "--dpdk", "20.11");
        CliRun rss = zh("cloud", "eni", "rss", ENI, "--enable", "--endpoint", "sandbox", "--host", "sandbox", "--yes");

        assertThat(attach.exit()).as(attach.text()).isZero();
        assertThat(attach.out()).contains("实例内 sandbox：" + ENI + " 为 eth1。");
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.out()).contains("自定义RSS预检", "[未通过] DPDK 版本");
        assertThat(failed.err()).contains("--ignore-preflight");
        assertThat(rss.exit()).as(rss.text()).isZero();
        assertThat(rss.out()).contains("[通过] 地域").contains("实例内 sandbox：eth1");
        assertThat(EnglishLeft.in(List.of(attach.text(), failed.text(), rss.text()))).isEmpty();
    }

    @Test
    void theQuestionBeforeAStepThatInterruptsServiceAsksInChineseAndTakesTheAnswerItAsksFor() {
        dev.nettune.cloud.CloudAction detach = dev.nettune.cloud.CloudPlanner.detach(dev.nettune.cloud.RegionId.of("cn-hongkong"),
                dev.nettune.cloud.NetworkInterfaceId.of(ENI), dev.nettune.cloud.InstanceId.of(INSTANCE)).steps().get(0);
        String english = CloudCommand.proceedPrompt(detach);
        CliText.use(CliLocale.CHINESE);
        String chinese = CloudCommand.proceedPrompt(detach);

        assertThat(english).isEqualTo("Proceed with \"" + detach.describe() + "\"? [y/N] ");
        assertThat(chinese).contains("从实例 " + INSTANCE + " 卸载弹性网卡 " + ENI).contains("“是”");
        assertThat(EnglishLeft.in(List.of(chinese))).isEmpty();
        assertThat(List.of("是", " 是 ", "y", "Y", "yes", "YES")).allMatch(CloudCommand::confirms);
        assertThat(java.util.Arrays.asList("", "n", "否", "no", null)).noneMatch(CloudCommand::confirms);
        CliText.use(Locale.ENGLISH);
        assertThat(CloudCommand.confirms("y")).isTrue();
        assertThat(CloudCommand.confirms("是")).as("an English prompt asks for y").isFalse();
    }

    @Test
    void aPlansTitleIsChineseInItsHeaderInThePlanListAndInTheJournaledPlanWhileJsonKeepsTheEnglish() {
        CliRun dry = zh("cloud", "eni", "timeouts", ENI, "--udp", "100", "--endpoint", "sandbox", "--dry-run");
        String planId = dry.out().replaceAll("(?s)^规划 (\\S+)：.*", "$1");
        CliRun list = zh("cloud", "plan", "list");
        CliRun resume = zh("cloud", "plan", "resume", planId, "--endpoint", "sandbox");
        CliRun show = zh("cloud", "plan", "show", planId);
        CliRun json = CliRun.in(context, "cloud", "plan", "list", "--json");
        CliRun allow = zh("cloud", "sg", "allow", DemoSeed.SECURITY_GROUP, "--protocol", "tcp", "--ports", "80/80", "--source", "10.0.0.0/8",
                "--endpoint", "sandbox", "--dry-run");

        assertThat(dry.out()).startsWith("规划 " + planId + "：弹性网卡 " + ENI + " 的连接超时\n");
        assertThat(list.out()).contains("弹性网卡 " + ENI + " 的连接超时").doesNotContain("Connection timeouts of");
        assertThat(resume.exit()).as(resume.text()).isZero();
        assertThat(show.out()).startsWith("规划 " + planId + "：弹性网卡 " + ENI + " 的连接超时\n");
        assertThat(json.out()).contains("\"title\":\"Connection timeouts of " + ENI + "\"").doesNotContain("shownTitle");
        assertThat(allow.out()).contains("：在安全组 " + DemoSeed.SECURITY_GROUP + " 中允许来自 10.0.0.0/8 的 ");
        assertThat(EnglishLeft.in(List.of(dry.text(), list.text(), resume.text(), allow.text()))).isEmpty();
    }

    @Test
    void aJournaledPlanItsExportAndTheirRefusalsSpeakChinese() throws Exception {
        CliRun attach = zh("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox");
        CliRun show = zh("cloud", "plan", "show");
        CliRun create = zh("cloud", "eni", "create", "--vswitch", DemoSeed.VSWITCH_B, "--security-group", DemoSeed.SECURITY_GROUP,
                "--udp", "100", "--rss", "on", "--endpoint", "sandbox", "--dry-run");
        Path tf = dir.resolve("plan.tf");
        CliRun export = zh("cloud", "plan", "export", "--format", "terraform", "-o", tf.toString());
        CliRun dryUndo = zh("cloud", "plan", "undo", "--dry-run", "--endpoint", "sandbox", create.out().replaceAll("(?s)^规划 (\\S+)：.*", "$1"));
        CliRun yaml = zh("cloud", "plan", "export", "--format", "yaml");
        CliRun noPlan = zh("cloud", "plan", "show", "no-such-plan");
        CliRun privateIp = zh("cloud", "eip", "associate", DemoSeed.EIP, "--instance", INSTANCE, "--private-ip", "10.0.0.9", "--endpoint", "sandbox");

        assertThat(attach.exit()).as(attach.text()).isZero();
        assertThat(show.out()).contains("  第 1 步：已完成 -> 设备索引 1");
        assertThat(export.out()).contains("已写入 " + tf);
        assertThat(export.err()).contains("Terraform 无法表达：alicloud_ecs_network_interface.").contains("的连接跟踪超时（TCP 已建立连接 910 秒");
        assertThat(java.nio.file.Files.readString(tf)).as("the file stays English").contains("# Not expressible: Connection-tracking timeouts");
        assertThat(dryUndo.out()).contains("试运行：未发送任何请求。");
        assertThat(yaml.exit()).isEqualTo(2);
        assertThat(yaml.err()).contains("'yaml' 不是导出格式");
        assertThat(noPlan.err()).contains("变更日志中没有规划 no-such-plan");
        assertThat(privateIp.err()).contains("--private-ip 与 --eni 一起使用");
        assertThat(EnglishLeft.in(List.of(show.text(), export.text(), dryUndo.text(), yaml.text(), noPlan.text(), privateIp.text()))).isEmpty();
    }

    @Test
    void theSandboxRegionsServerSaysWhatItHoldsInChinese() {
        CliRun run = zh("cloud-sandbox", "--for", "0");
        CliRun port = zh("cloud-sandbox", "--port", "70000", "--for", "0");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("沙箱 OpenAPI 服务").contains("LTAI5tSandboxDemoFakeKey").contains("已停止");
        assertThat(port.err()).contains("--port 必须为 0");
        assertThat(EnglishLeft.in(List.of(run.text(), port.text()))).isEmpty();
    }

    @Test
    void anApiErrorKeepsTheApisWordsAndSaysNetTunesOwnInChinese() {
        context.cloudSandbox().faults().failNext(1, "AttachNetworkInterface", 403, "Forbidden.RAM", "User not authorized to operate on the specified resource.");
        CliRun failed = zh("cloud", "eni", "attach", ENI, "--instance", INSTANCE, "--endpoint", "sandbox");

        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.err()).contains("Forbidden.RAM：User not authorized to operate on the specified resource.（RequestId ")
                .contains("RAM 用户或角色");
        assertThat(EnglishLeft.in(List.of(failed.err()))).isEmpty();
    }

    @Test
    void theRegionsEnisAndInstancesAreListedUnderChineseColumnsThatLineUp() {
        CliRun enis = zh("cloud", "eni", "show", "--endpoint", "sandbox");
        CliRun instances = zh("cloud", "instances", "--endpoint", "sandbox");
        CliRun english = CliRun.in(context, "cloud", "eni", "show", "--endpoint", "sandbox");

        String header = enis.out().lines().findFirst().orElseThrow();
        String row = enis.out().lines().filter(l -> l.startsWith(ENI)).findFirst().orElseThrow();
        assertThat(header).startsWith("弹性网卡").contains("类型", "状态", "实例", "索引", "私网IP");
        assertThat(displayColumn(header, "类型")).as("the TYPE column starts where the rows' type does").isEqualTo(row.indexOf("Secondary"));
        assertThat(instances.out()).contains("实例", "名称", "规格", "私网IP");
        assertThat(instances.out()).contains("，身份 沙箱演示密钥 ****").doesNotContain("demo key");
        assertThat(english.out().lines().findFirst().orElseThrow()).startsWith("ENI                        TYPE       STATUS     INSTANCE");
    }

    /** The terminal column at which {@code word} starts in {@code line} (a Chinese character takes two). */
    private static int displayColumn(String line, String word) {
        String before = line.substring(0, line.indexOf(word));
        return before.length() + (int) before.chars().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
    }
}
