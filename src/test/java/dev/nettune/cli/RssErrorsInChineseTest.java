package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The RSS engine's refusals (key solver, reverse search, table requests) as `nettune rss ...` and `dpdk` print them under --lang zh_CN. */
class RssErrorsInChineseTest {
    private static final String KEY = "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa";

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private CliRun run(String... args) {
        return CliRun.inFreshContext(dir.resolve("config"), args);
    }

    private static void refusedInChinese(CliRun r, String chinese) {
        assertThat(r.exit()).as(r.text()).isEqualTo(2);
        assertThat(r.err()).contains(chinese);
        assertThat(EnglishLeft.in(List.of(r.text()))).isEmpty();
    }

    @Test
    void findPortsForIcmpSaysPortsAreNotHashedInChinese() {
        refusedInChinese(run("rss", "find-ports", "-k", KEY, "--equal", "4", "-t", "10.0.0.1", "-r", "10.0.0.2", "--proto", "icmp",
                "--queue", "1", "--lang", "zh_CN"), "端口只对 TCP 和 UDP 有意义：icmp 只按地址做哈希。");
    }

    @Test
    void solveWithATooShortKeyOrNoBudgetIsRefusedInChinese() {
        refusedInChinese(run("rss", "solve", "--equal", "4", "--flow", "10.0.0.1:1000,10.0.0.2:80=1", "--key-length", "2",
                "--lang", "zh_CN"), "2 字节的哈希密钥太短");
        refusedInChinese(run("rss", "solve", "--equal", "4", "--flow", "10.0.0.1:1000,10.0.0.2:80=1", "--max-tries", "0",
                "--lang", "zh_CN"), "搜索预算至少为 1 次尝试。");
    }

    @Test
    void solveWithMoreFlowsThanAKeyCanSteerIsRefusedInChinese() throws Exception {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 2001; i++) {
            csv.append("10.0.").append(i / 250).append('.').append(i % 250 + 1).append(",10.0.0.5,40000,80,0\n");
        }
        Path flows = Files.writeString(dir.resolve("flows.csv"), csv);

        refusedInChinese(run("rss", "solve", "--equal", "4", "--flows", flows.toString(), "--lang", "zh_CN"),
                "2001 条流太多，无法求解：最多 2000 条");
    }

    @Test
    void aTableRequestMissingItsNumberOrRingsIsRefusedInChinese() {
        refusedInChinese(run("dpdk", "testpmd", "--key", KEY, "--table", "equal four", "--lang", "zh_CN"),
                "equal 后面必须跟队列数，例如 equal 4，而不是 'four'。");
        refusedInChinese(run("dpdk", "testpmd", "--key", KEY, "--table", "weight", "--lang", "zh_CN"), "weight");
        refusedInChinese(run("dpdk", "testpmd", "--key", KEY, "--table", "default", "--lang", "zh_CN"), "但 RX 环数未知");
    }

    @Test
    void balanceOfANicWithNoFlowsIsRefusedInChinese() {
        CliRun r = run("rss", "balance", "sandbox", "--nic", "eth1", "--lang", "zh_CN");

        refusedInChinese(r, "没有可均衡的流：eth1 上没有已建立的 TCP 套接字或被跟踪的流");
    }

    @Test
    void balanceFromAnUnknownFlowSourceIsRefusedInChinese() {
        refusedInChinese(run("rss", "balance", "sandbox", "--nic", "eth1", "--from", "netstat", "--lang", "zh_CN"),
                "'netstat' 不是流来源：请用 ss、conntrack 或 all。");
    }

    @Test
    void solveSaysWhyNoKeyExistsInChinese() {
        CliRun r = run("rss", "solve", "--equal", "4", "--flow", "10.0.0.1:1000,10.0.0.2:80=1", "--flow", "10.0.0.1:1000,10.0.0.2:80=2",
                "--lang", "zh_CN");

        refusedInChinese(r, "流 1 和 2 的元组相同");
    }
}
