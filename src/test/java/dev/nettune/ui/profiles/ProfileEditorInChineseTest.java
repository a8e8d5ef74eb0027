package dev.nettune.ui.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.store.FileSystemProfileFiles;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.ProfileLibrary;
import dev.nettune.ui.common.Messages;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile editor's validation messages in Chinese: the refusals come from the domain (sysctl ranges, CPU lists,
 * hash keys, NIC names) and from the editor itself, and each reads in Chinese with the values the user typed.
 */
class ProfileEditorInChineseTest {
    @TempDir
    Path dir;

    private ProfileEditorViewModel model;

    @BeforeEach
    void open() {
        Messages.use(Messages.CHINESE);
        model = new ProfileEditorViewModel(new ProfileLibrary(dir.resolve("profiles"), new FileSystemProfileFiles()),
                Runnable::run, Runnable::run);
        model.refresh(Profile.SEED_WORKFLOW);
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void aSysctlOutOfRangeSaysItsLineRangeAndMeaningInChinese() {
        model.sysctls().sysctlsProperty().set("net.ipv4.tcp_tw_reuse = 1\nnet.ipv4.tcp_fin_timeout = 500");

        assertThat(model.sysctls().sysctlsErrorProperty().get())
                .isEqualTo("第 2 行：net.ipv4.tcp_fin_timeout = 500 超出范围：它接受 1-120（FIN-WAIT-2 的秒数；内核上限为 120）。");
    }

    @Test
    void aLineWithoutAnEqualsSignIsRefusedInChinese() {
        model.sysctls().sysctlsProperty().set("net.ipv4.tcp_tw_reuse 1");

        assertThat(model.sysctls().sysctlsErrorProperty().get()).startsWith("第 1 行：'net.ipv4.tcp_tw_reuse 1' 中没有 '='");
    }

    @Test
    void aCpuRangeThatRunsBackwardsIsRefusedInChinese() {
        model.xps().xpsProperty().set("3-0");

        assertThat(model.xps().xpsErrorProperty().get()).isEqualTo("tx-0: CPU 列表 '3-0'：范围 3-0 前后颠倒；请先写较小的 CPU，例如 0-3。");
    }

    @Test
    void aHashKeyWithANonHexByteIsRefusedInChineseWithTheNic() {
        model.rss().rssKeyProperty().set("6d:5a:56:zz");

        assertThat(model.rss().rssKeyErrorProperty().get()).isEqualTo("eth1 的哈希密钥：哈希密钥第 4 字节为 'zz'：每个字节须为一到两位十六进制数字（0-9、a-f）。");
    }

    @Test
    void aBadNicNameAndABadChannelCountAreRefusedInChinese() {
        model.channels().channelsProperty().set("0");
        assertThat(model.channels().channelsErrorProperty().get()).isEqualTo("combined 0 超出范围：网卡需要 1-4096 个通道。");

        model.channels().channelsProperty().set("four");
        assertThat(model.channels().channelsErrorProperty().get()).startsWith("'four' 不是整数");
    }

    @Test
    void aNameTooLongIsRefusedInChinese() {
        model.nameProperty().set("x".repeat(81));

        assertThat(model.nameErrorProperty().get()).isEqualTo("调优方案需要一个 1-80 个字符的单行名称。");
    }

    @Test
    void theProfileSummaryNamesEachStepInChinese() {
        assertThat(model.summary()).contains("eth1 tx-0 的 XPS \u2192 0-3（掩码 f）", "eth1 上的 NetworkManager \u2192 不受管理")
                .noneMatch(l -> l.startsWith("XPS of"));
    }


    @Test
    void aBuiltInProfileShowsItsNameAndDescriptionInChinese() {
        assertThat(model.nameProperty().get()).isEqualTo("ECS 网络配置流程（种子文档第 4-8 步）");
        assertThat(model.descriptionProperty().get()).startsWith("“为生产环境配置和优化 ECS 网络”在 eth1 上的全部主机步骤");
        assertThat(model.statusProperty().get()).contains("ECS 网络配置流程（种子文档第 4-8 步）");
    }

    @Test
    void aBuiltInShownInChineseIsStillTheBuiltInItself() {
        Profile seed = Profile.seedWorkflow();

        assertThat(model.profile()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo(seed.name());
            assertThat(p.description()).isEqualTo(seed.description());
        });
    }

    @Test
    void aCopyUnderANewNameKeepsTheChineseDescriptionTheUserSaw() {
        model.nameProperty().set("我的方案");

        assertThat(model.profile()).hasValueSatisfying(p -> {
            assertThat(p.name()).isEqualTo("我的方案");
            assertThat(p.description()).startsWith("“为生产环境配置和优化 ECS 网络”");
        });
    }

    @Test
    void everyBuiltInHasAChineseNameAndInEnglishItsOwn() {
        for (Profile p : Profile.builtIn()) {
            assertThat(dev.nettune.ui.common.ProfileNames.shown(p)).as(p.name()).matches(".*\\p{IsHan}.*");
            assertThat(dev.nettune.ui.common.ProfileNames.description(p)).as(p.name()).matches(".*\\p{IsHan}.*");
        }
        Messages.use(Messages.ENGLISH);
        for (Profile p : Profile.builtIn()) {
            assertThat(dev.nettune.ui.common.ProfileNames.shown(p)).isEqualTo(p.name());
            assertThat(dev.nettune.ui.common.ProfileNames.description(p)).isEqualTo(p.description());
        }
    }
}
