package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.EnglishLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a Chinese user typed wrong, in every family of the command line, is refused in Chinese: the refusal says what
 * is wrong and what is allowed in the user's language, and the command exits non-zero. The value the user typed and
 * the names of options and commands stay as they are.
 */
class CliRefusalsInChineseTest extends ChineseCliContext {
    static final String KEY = CliSpeaksChineseTest.KEY;

    static Stream<List<String>> refusals() throws Exception {
        Path notEthtool = Files.writeString(dir.resolve("not-ethtool.txt"), "this is not what ethtool -x prints\n");
        Path badFlows = Files.writeString(dir.resolve("bad-flows.csv"), "10.0.0.1,10.0.0.2,1000\nnot,a,flow,at all\n");
        String missing = dir.resolve("no-such-file.csv").toString();
        return Stream.of(
                // rss
                List.of("rss", "apply", "sandbox", "--nic", "eth1"),
                List.of("rss", "hash", "-t", "300.0.0.1", "-r", "10.0.0.2", "-T", "1234", "-R", "80", "-k", KEY, "--equal", "8"),
                List.of("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1234", "-R", "80", "-k", "00:11:22", "--equal", "8"),
                List.of("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "70000", "-R", "80", "-k", KEY, "--equal", "8"),
                List.of("rss", "table", "--equal", "0"),
                List.of("rss", "show", notEthtool.toString()),
                List.of("rss", "balance", "--flows", missing, "-k", KEY, "--equal", "4"),
                List.of("rss", "balance", "--flows", badFlows.toString(), "-k", KEY, "--equal", "4"),
                List.of("rss", "solve", "--flow", "not a flow", "--equal", "8"),
                List.of("dpdk", "testpmd", "-k", KEY, "--table", "nonsense"),
                // host
                List.of("host", "check", "no-such-host"),
                List.of("host", "state", "no-such-host"),
                List.of("host", "add", "web", "--address", "bad host;rm -rf"),
                // tune and journal
                List.of("tune", "apply", "sandbox", "--profile", "No such profile"),
                List.of("tune", "plan", "sandbox", "--profile", "No such profile"),
                // monitor and verify
                List.of("monitor", "sandbox", "--nic", "eth1", "--interval", "0"),
                List.of("monitor", "sandbox", "--nic", "eth9", "--interval", "0.2", "--duration", "1"),
                List.of("verify", "sandbox", "--nic", "eth9", "--sender", "sandbox"),
                List.of("recording", "export", "no-such-recording"),
                // cloud
                List.of("cloud", "eni", "show", "eni-doesnotexist00000", "--endpoint", "sandbox"),
                List.of("cloud", "eni", "timeouts", "eni-doesnotexist00000", "--tcp-time-wait", "7", "--endpoint", "sandbox"),
                List.of("cloud", "eni", "rss", "eni-doesnotexist00000", "--enable", "--endpoint", "sandbox", "--yes"),
                // fleet
                List.of("fleet", "apply", "--instances", "i-nosuch", "--endpoint", "sandbox"),
                List.of("fleet", "apply", "--profile", "ECS high throughput", "--instances", "i-nosuchinstance000", "--endpoint", "sandbox", "--yes"),
                List.of("fleet", "status", "no-such-run"),
                List.of("fleet", "undo", "no-such-run", "--yes"),
                // the parser's own refusals
                List.of("rss", "table", "--bogus"),
                List.of("rss", "hash"));
    }

    @ParameterizedTest(name = "nettune {0} --lang zh_CN")
    @MethodSource("refusals")
    void refusesInChinese(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--lang", "zh_CN"));
        CliRun r = CliRun.in(context, args.toArray(String[]::new));

        assertThat(r.exit()).as("refused: " + r.text()).isNotZero();
        assertThat(r.text()).as("said why").matches("(?s).*\\p{IsHan}.*");
        assertThat(EnglishLeft.in(r.text().lines().toList()))
                .as("English left in `nettune " + String.join(" ", command) + " --lang zh_CN` (exit " + r.exit() + "):\n" + r.text())
                .isEmpty();
    }
}
