package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The usage help of the most used command families (rss, tune, verify, monitor, cloud) speaks Chinese under
 * {@code --lang zh_CN}, with the glossary's terms, and every option those commands describe in English has its
 * Chinese description.
 */
class CliChineseHelpTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        // --lang sets the CLI's language for the whole JVM; the next test expects the default.
        CliText.use(Locale.ENGLISH);
    }

    private String help(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext ctx = new AppContext(dir)) {
            int exit = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            assertThat(exit).as(err.toString()).isZero();
        }
        return out.toString();
    }

    /** What a refused command line prints on stderr (it exits 2). */
    private String refused(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        try (AppContext ctx = new AppContext(dir)) {
            int exit = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
            assertThat(exit).as(err.toString()).isEqualTo(2);
        }
        return err.toString();
    }

    @Test
    void anUnknownOptionIsRefusedInChineseEvenBeforeLangIsReached() {
        String e = refused("rss", "hash", "--bogus", "--lang", "zh_CN");

        assertThat(e).startsWith("未知选项：'--bogus'").contains("用法：").doesNotContain("Unknown option").doesNotContain("Usage:");
    }

    @Test
    void aMissingRequiredParameterIsRefusedInChinese() {
        assertThat(refused("tune", "plan", "--lang", "zh_CN")).startsWith("缺少必需的参数：'HOST'");
    }

    @Test
    void anInvalidOptionValueIsRefusedInChineseWithItsReason() {
        String e = refused("rss", "table", "--equal", "x", "--lang", "zh_CN");

        assertThat(e).startsWith("选项 '--equal' 的取值无效：").doesNotContain("Invalid value").contains("用法：");
    }

    @Test
    void aMistypedSubcommandGetsItsSuggestionInChinese() {
        assertThat(refused("--lang", "zh_CN", "rss", "hsh")).contains("无法识别的参数").contains("您是否想输入：rss show？")
                .doesNotContain("Did you mean");
    }

    @Test
    void anUnknownOptionStaysEnglishWithoutAChineseLanguage() {
        assertThat(refused("rss", "hash", "--bogus")).startsWith("Unknown option: '--bogus'").contains("Usage:");
    }

    @Test
    void theExamplesFooterIsChinese() {
        assertThat(help("rss", "table", "--help", "--lang", "zh_CN")).contains("示例：").contains("  nettune rss table --weight 6 4")
                .doesNotContain("Examples:");
        assertThat(help("rss", "hash", "--help", "--lang", "zh_CN")).contains("示例：nettune rss hash -t 10.0.0.251").doesNotContain("Example:");
    }

    @Test
    void rssHashHelpIsChineseUnderLangZhCn() {
        String h = help("rss", "hash", "--help", "--lang", "zh_CN");

        assertThat(h).startsWith("用法：").contains("像网卡一样对一条流做哈希").contains("均分到 N 个队列")
                .contains("哈希密钥：6d:5a:...").contains("显示此帮助信息并退出。").doesNotContain("Spread over N queues");
    }

    @Test
    void theLangOptionBeforeTheCommandAlsoGivesChineseHelp() {
        assertThat(help("--lang", "zh_CN", "rss", "table", "--help")).contains("每个队列的桶数").contains("表头中的网卡名");
    }

    @Test
    void tuneHelpIsChinese() {
        assertThat(help("tune", "plan", "--help", "--lang", "zh_CN")).contains("显示应用调优方案将改变什么")
                .contains("以 JSON 输出规划").contains("sandbox、local、已保存的主机");
        assertThat(help("tune", "--help", "--lang", "zh_CN")).contains("命令：").contains("按调优方案调优主机的内核和网卡");
    }

    @Test
    void verifyHelpIsChinese() {
        assertThat(help("verify", "--help", "--lang", "zh_CN")).contains("用流量验证 RSS").contains("接收方的网卡（验证其 RSS）")
                .contains("退出码：0 符合预测");
    }

    @Test
    void monitorHelpIsChinese() {
        assertThat(help("monitor", "--help", "--lang", "zh_CN")).contains("实时观察网卡的队列").contains("不均衡度")
                .contains("采样间隔秒数，0.2-10（默认 1）");
    }

    @Test
    void cloudHelpUsesAlibabaCloudsTerms() {
        assertThat(help("cloud", "eni", "timeouts", "--help", "--lang", "zh_CN")).contains("弹性网卡的连接跟踪超时")
                .contains("地域 ID，如 cn-hongkong");
        assertThat(help("cloud", "eip", "associate", "--help", "--lang", "zh_CN")).contains("将弹性公网IP绑定到实例或弹性网卡");
        assertThat(help("cloud", "sg", "allow", "--help", "--lang", "zh_CN")).contains("已存在相同的安全组规则");
    }

    @Test
    void helpStaysEnglishWithoutAChineseLanguage() {
        assertThat(help("rss", "hash", "--help")).startsWith("Usage: ").contains("Spread over N queues").doesNotContain("哈希");
    }

    @Test
    void everyDescribedCommandOptionAndParameterHasAChineseDescription() {
        ResourceBundle zh = ResourceBundle.getBundle("dev.nettune.cli.messages", CliLocale.CHINESE,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        List<String> missing = new ArrayList<>();
        try (AppContext ctx = new AppContext(dir)) {
            CommandLine root = NetTuneCommand.commandLine(ctx, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            // Every family: the ones added after this test (host, fleet, recording, dpdk, journal ...) too.
            for (CommandLine family : new java.util.LinkedHashSet<>(root.getSubcommands().values())) {
                collectMissing(family, zh, missing);
            }
        }
        assertThat(missing).as("keys to add to cli/messages_zh_CN.properties").isEmpty();
    }

    private static void collectMissing(CommandLine c, ResourceBundle zh, List<String> missing) {
        CommandLine.Model.CommandSpec spec = c.getCommandSpec();
        String q = spec.qualifiedName(".");
        if (spec.usageMessage().description().length > 0 && !zh.containsKey(q + ".usage.description")) {
            missing.add(q + ".usage.description");
        }
        for (CommandLine.Model.OptionSpec o : spec.options()) {
            String name = o.longestName().replaceFirst("^-+", "");
            String key = q + "." + name;
            // An option every command inherits (--lang) is described once, by its bare name (picocli's fallback key).
            boolean described = zh.containsKey(key) || o.inherited() && zh.containsKey(name);
            if (!o.usageHelp() && !o.versionHelp() && hasEnglish(o) && !described) {
                missing.add(o.inherited() ? name : key);
            }
        }
        for (CommandLine.Model.PositionalParamSpec p : spec.positionalParameters()) {
            String key = q + "." + p.paramLabel() + "[" + p.index() + "]";
            if (hasEnglish(p) && !zh.containsKey(key)) {
                missing.add(key);
            }
        }
        for (CommandLine sub : new java.util.LinkedHashSet<>(c.getSubcommands().values())) {
            collectMissing(sub, zh, missing);
        }
    }

    private static boolean hasEnglish(CommandLine.Model.ArgSpec a) {
        return a.description().length > 0 && !String.join("", a.description()).isBlank();
    }
}
