package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rss and dpdk commands' own refusals of bad input (what to give, what to drop) and their own lines (rss apply's
 * run, dpdk testpmd's notes) under --lang zh_CN, run in-process as a user types them: no English sentence.
 */
class RssRefusalsInChineseTest {
    private static final String KEY = "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa";

    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private static CliRun run(AppContext ctx, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "zh_CN"));
        return CliRun.in(ctx, all.toArray(String[]::new));
    }

    private static void refusedInChinese(CliRun r) {
        assertThat(r.exit()).as(r.text()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
        assertThat(r.err()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
        assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
    }

    @Test
    void rssApplyWithNothingToSetOrTwoTablesIsRefusedInChinese() {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            refusedInChinese(run(ctx, "rss", "apply", "sandbox", "--nic", "eth1"));
            refusedInChinese(run(ctx, "rss", "apply", "sandbox", "--nic", "eth1", "--default", "--equal", "2"));
        }
    }

    @Test
    void rssApplyRunsInChineseUnderAProfileNamedInChinese() {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            CliRun r = run(ctx, "rss", "apply", "sandbox", "--nic", "eth1", "--equal", "2");
            assertThat(r.exit()).as(r.text()).isZero();
            assertThat(r.out()).contains("eth1 的 RSS");
            assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();

            CliRun again = run(ctx, "rss", "apply", "sandbox", "--nic", "eth1", "--force");
            assertThat(again.exit()).as(again.text()).isZero();
            assertThat(again.out()).contains("重新推送 eth1 的 RSS");
            assertThat(EnglishLeft.in(List.of(again.text()))).as(again.text()).isEmpty();
        }
    }

    @Test
    void distributionFindPortsHashAndKeyRefusalsAreChinese() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "10.0.0.1,10.0.0.2,x,80\n");
        Path flows = Files.writeString(dir.resolve("flows.csv"), "10.0.0.1,10.0.0.2,1000,80\n");
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            refusedInChinese(run(ctx, "rss", "distribution", "-t", "10.0.0.1", "-r", "10.0.0.2", "-k", KEY, "--equal", "4"));
            refusedInChinese(run(ctx, "rss", "distribution", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1", "-R", "80", "-k", KEY,
                    "--equal", "4", "--sweep", "sideways", "--range", "1-10"));
            refusedInChinese(run(ctx, "rss", "distribution", "-k", KEY, "--equal", "4", "--flows", empty.toString()));
            refusedInChinese(run(ctx, "rss", "distribution", "-k", KEY, "--equal", "4", "--flows", bad.toString()));
            refusedInChinese(run(ctx, "rss", "find-ports", "-t", "10.0.0.1", "-r", "10.0.0.2", "-R", "80", "-k", KEY, "--equal", "4",
                    "--vary", "sideways", "--queue", "1"));
            refusedInChinese(run(ctx, "rss", "find-ports", "-t", "10.0.0.1", "-r", "10.0.0.2", "-R", "80", "-k", KEY, "--equal", "4"));
            refusedInChinese(run(ctx, "rss", "hash", "-k", KEY, "--batch", flows.toString(), "-t", "10.0.0.1"));
            refusedInChinese(run(ctx, "rss", "hash", "-k", KEY, "--batch", flows.toString(), "--json"));
            refusedInChinese(run(ctx, "rss", "hash", "-k", KEY, "--batch", flows.toString(), "--size", "0"));
            refusedInChinese(run(ctx, "rss", "hash", "-k", KEY, "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1", "-R", "80", "--size", "0"));
            refusedInChinese(run(ctx, "rss", "key", "--random", "--length", "2"));
        }
    }

    @Test
    void solveAndItsFlowGoalsAreRefusedInChinese() throws Exception {
        Path bad = Files.writeString(dir.resolve("goals.csv"), "10.0.0.1,10.0.0.2,x,80,1\n");
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            refusedInChinese(run(ctx, "rss", "solve", "--equal", "4", "--proto", "icmp", "--flow", "10.0.0.1:1,10.0.0.2:80=1"));
            refusedInChinese(run(ctx, "rss", "solve", "--equal", "4", "--flows", bad.toString()));
            refusedInChinese(run(ctx, "rss", "solve", "--equal", "4"));
            refusedInChinese(run(ctx, "rss", "solve", "--equal", "4", "--flow", "10.0.0.1:1,10.0.0.2:80=1", "--free", "other"));
            for (String goal : List.of("10.0.0.1:1,10.0.0.2:80", "10.0.0.1:1=1", "10.0.0.1:1,10.0.0.2=1", "10.0.0.1:1,10.0.0.2:80=x",
                    "[fd00::1:443,[fd00::2]:80=1", "[fd00::1]x,[fd00::2]:80=1")) {
                refusedInChinese(run(ctx, "rss", "solve", "--equal", "4", "--flow", goal));
            }
        }
    }

    @Test
    void dpdkRefusalsAndNotesAreChinese() {
        try (AppContext ctx = new AppContext(dir.resolve("config"))) {
            refusedInChinese(run(ctx, "dpdk", "testpmd", "--from-host", "sandbox"));
            refusedInChinese(run(ctx, "dpdk", "testpmd", "--key", KEY));
            CliRun r = run(ctx, "dpdk", "testpmd", "--key", KEY, "--table", "equal 4", "--pci", "0000:00:05.0");
            assertThat(r.exit()).as(r.text()).isZero();
            assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
        }
    }
}
