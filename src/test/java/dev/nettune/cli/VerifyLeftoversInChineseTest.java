package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nettune verify --lang zh_CN} on the sandbox when the host fails under it: the line that says the verification
 * could not run says the host's failure in Chinese too, not only its "无法运行：" prefix.
 */
class VerifyLeftoversInChineseTest {
    @TempDir
    Path dir;

    AppContext context;

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void close() {
        context.close();
        // --lang sets the CLI's language for the whole JVM; the next test expects the default.
        CliText.use(Locale.ENGLISH);
    }

    /**
     * English sentences left, in English lines ({@link EnglishLeft}) and inside Chinese ones: a host's failure quoted
     * in English after a Chinese prefix is a line {@link EnglishLeft} alone lets through.
     */
    static List<String> english(CliRun r) {
        List<String> out = new ArrayList<>(EnglishLeft.in(List.of(r.out(), r.err())));
        for (String line : (r.out() + "\n" + r.err()).split("\n")) {
            for (String part : line.split("[\\p{IsHan}，。：；（）、]+")) {
                if (line.matches(".*\\p{IsHan}.*") && EnglishLeft.SENTENCE.matcher(part).find()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    @Test
    void aConnectionDroppedUnderTheVerificationIsSaidInChinese() {
        context.sandboxInstance().faults().dropConnectionOnNextCall();

        CliRun r = CliRun.in(context, "verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isEqualTo(VerifyCommand.EXIT_NOT_RUN);
        assertThat(r.out()).contains("无法运行：与沙箱的连接中断（沙箱故意断开了连接：注入的故障）。");
        assertThat(english(r)).as(r.text()).isEmpty();
    }

    @Test
    void theScenarioSaysADroppedConnectionInChineseToo() {
        context.sandboxInstance().faults().dropConnectionOnNextCall();

        CliRun r = CliRun.in(context, "verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "--scenario", "2", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isEqualTo(VerifyCommand.EXIT_NOT_RUN);
        assertThat(r.out()).contains("与沙箱的连接中断");
        assertThat(english(r)).as(r.text()).isEmpty();
    }
}
