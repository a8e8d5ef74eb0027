package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.testing.EnglishLeft;
import dev.nettune.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the rss commands print for a person under --lang zh_CN, run in-process as a user types them: no English sentence left. */
class RssCommandsInChineseTest {
    @TempDir
    Path dir;

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private CliRun run(String... args) {
        return CliRun.inFreshContext(dir.resolve("config"), args);
    }

    private static void noEnglishLeft(CliRun r) {
        assertThat(EnglishLeft.in(List.of(r.text()))).as(r.text()).isEmpty();
    }

    private Path capture(String fixture) throws Exception {
        return Files.writeString(dir.resolve("ethtool-x.txt"), Fixtures.read(fixture));
    }

    @Test
    void showReadsASavedEthtoolOutputInChinese() throws Exception {
        CliRun r = run("rss", "show", "--from", capture("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt").toString(), "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("RX 环数：       4").contains("哈希函数：      toeplitz").contains("（40 字节）")
                .contains("间接表：        128 个桶").contains("每个队列的桶数：").contains("队列 3：32（25.00%）");
        noEnglishLeft(r);
    }

    @Test
    void showOfANicWithoutCustomRssSaysSoInChinese() throws Exception {
        CliRun r = run("rss", "show", "--from", capture("linux/virtio_net-6.18-1q/ethtool-x.txt").toString(), "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("哈希密钥：      不可用（Operation not supported）")
                .contains("间接表：        不可用（Operation not supported）：此网卡未开启自定义RSS或不支持自定义RSS");
        noEnglishLeft(r);
    }

    @Test
    void aSymmetricKeyComesWithItsNoteInChinese() {
        CliRun r = run("rss", "key", "--symmetric", "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("注意：对称哈希密钥（重复的 6d:5a）");
        noEnglishLeft(r);
    }

    @Test
    void hashWithoutAKeyOrAddressesOrPortsIsRefusedInChinese() {
        CliRun noKey = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1000", "-R", "80", "--equal", "4", "--lang", "zh_CN");
        CliRun noAddress = run("rss", "hash", "-t", "10.0.0.1", "-k", "6d:5a", "--key-length", "2", "--equal", "4", "--lang", "zh_CN");
        CliRun noPort = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1000", "-k", "6d:5a:56:da", "--key-length", "4",
                "--lang", "zh_CN");
        CliRun badPort = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "70000", "-R", "80", "-k", "6d:5a:56:da",
                "--key-length", "4", "--lang", "zh_CN");

        assertThat(noKey.exit()).isEqualTo(2);
        assertThat(noKey.err()).contains("没有给出哈希密钥");
        assertThat(noAddress.err()).contains("请给出两个地址");
        assertThat(noPort.err()).contains("tcp 按 4 元组做哈希：还请给出 -R DESTINATION_PORT");
        assertThat(badPort.err()).contains("源端口 70000");
        List.of(noKey, noAddress, noPort, badPort).forEach(RssCommandsInChineseTest::noEnglishLeft);
    }

    @Test
    void aHashedFlowNamesItsTableInChinese() throws Exception {
        CliRun r = run("rss", "hash", "-t", "10.0.0.1", "-r", "10.0.0.2", "-T", "1000", "-R", "80",
                "--table", capture("linux/virtio_net-6.1-qemu-4q/ethtool-x.txt").toString(), "--lang", "zh_CN");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("（间接表 来自 ");
        noEnglishLeft(r);
    }
}
