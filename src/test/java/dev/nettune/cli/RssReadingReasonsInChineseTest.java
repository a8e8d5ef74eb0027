package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.EnglishLeft;
import dev.nettune.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Why ethtool -x output has no table or no key is said in the user's language where it is shown: the reason was
 * NetTune's English ("no indirection table in the output") inside a Chinese line, which a line-by-line search for
 * English sentences let through.
 */
class RssReadingReasonsInChineseTest extends ChineseCliContext {
    /** The captured ethtool -x of the rig's virtio NIC with its table cut out: only the key and the function are left. */
    private static Path withoutTable() throws Exception {
        String captured = Files.readString(Fixtures.path("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt"));
        String cut = captured.lines().findFirst().orElseThrow() + "\n" + captured.substring(captured.indexOf("RSS hash key:"));
        return Files.writeString(dir.resolve("ethtool-x-no-table.txt"), cut);
    }

    @Test
    void rssShowSaysInChineseThatTheOutputHasNoTable() throws Exception {
        CliRun r = CliRun.in(context, "rss", "show", "--from", withoutTable().toString(), "--lang", "zh_CN");

        assertThat(r.exit()).as(r.text()).isZero();
        assertThat(r.text()).doesNotContain("in the output").contains("间接表");
        assertThat(EnglishLeft.in(r.text().lines().toList())).isEmpty();
    }

    @Test
    void rssShowStillSaysItInEnglishWithoutChinese() throws Exception {
        CliRun r = CliRun.in(context, "rss", "show", "--from", withoutTable().toString());

        assertThat(r.text()).contains("no indirection table in the output");
    }
}
