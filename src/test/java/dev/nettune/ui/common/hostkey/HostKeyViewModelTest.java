package dev.nettune.ui.common.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.HostKeyDecision.Choice;
import dev.nettune.host.UnknownHostKey;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host-key dialog's logic, without a toolkit. */
class HostKeyViewModelTest {
    private static final String FP = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";

    private static HostKeyViewModel model(List<String> otherTypes) {
        return new HostKeyViewModel(new UnknownHostKey("[10.0.0.5]:2222", "ssh-ed25519", FP, Path.of("/home/u/.ssh/known_hosts"), otherTypes));
    }

    @Test
    void refuseIsTheDefault() {
        assertThat(model(List.of()).choice()).isEqualTo(Choice.REFUSE);
    }

    @Test
    void acceptOnceAndAcceptAndSaveAreDistinctChoices() {
        HostKeyViewModel m = model(List.of());
        m.acceptOnce();
        assertThat(m.choice()).isEqualTo(Choice.ACCEPT_ONCE);
        m.acceptAndSave();
        assertThat(m.choice()).isEqualTo(Choice.ACCEPT_AND_SAVE);
        m.refuse();
        assertThat(m.choice()).isEqualTo(Choice.REFUSE);
    }

    @Test
    void aPastedFingerprintThatMatchesAllowsAcceptingWithOrWithoutPrefixOrPadding() {
        HostKeyViewModel m = model(List.of());
        m.expectedFingerprintProperty().set("  " + FP.substring(7) + "=  ");
        assertThat(m.mismatchProperty().get()).isFalse();
        assertThat(m.comparisonProperty().get()).startsWith("Matches");
        m.acceptAndSave();
        assertThat(m.choice()).isEqualTo(Choice.ACCEPT_AND_SAVE);
    }

    @Test
    void aPastedFingerprintThatDiffersMakesAcceptingRefuse() {
        HostKeyViewModel m = model(List.of());
        m.expectedFingerprintProperty().set("SHA256:somethingElseEntirely");
        assertThat(m.mismatchProperty().get()).isTrue();
        assertThat(m.comparisonProperty().get()).contains("DOES NOT MATCH");
        m.acceptAndSave();
        assertThat(m.choice()).isEqualTo(Choice.REFUSE);
    }

    @Test
    void anotherKnownKeyTypeIsWarnedAbout() {
        assertThat(model(List.of()).warning()).isEmpty();
        assertThat(model(List.of("ecdsa-sha2-nistp256")).warning()).contains("ecdsa-sha2-nistp256").contains("re-installed");
    }

    @Test
    void theExplanationNamesTheCommandThatPrintsTheFingerprintOnTheInstance() {
        assertThat(model(List.of()).explanation()).contains("ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub");
    }

    @Test
    void inChineseEveryLineOfTheDialogIsChinese() {
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            HostKeyViewModel m = model(List.of("ecdsa-sha2-nistp256"));
            assertThat(m.title()).isEqualTo("未知主机密钥：[10.0.0.5]:2222");
            assertThat(m.explanation()).contains("从未见过该主机的密钥").contains("ssh_host_ed25519_key.pub").contains("云助手");
            assertThat(m.warning()).contains("ecdsa-sha2-nistp256").contains("中间人");
            assertThat(m.savedTo()).isEqualTo("/home/u/.ssh/known_hosts（仅在“接受并保存”时写入）");
            assertThat(m.comparisonProperty().get()).startsWith("粘贴实例控制台");
            m.expectedFingerprintProperty().set(FP);
            assertThat(m.comparisonProperty().get()).isEqualTo("与您粘贴的指纹一致。");
            m.expectedFingerprintProperty().set("SHA256:somethingElseEntirely");
            assertThat(m.comparisonProperty().get()).isEqualTo("与您粘贴的指纹不一致：请勿连接。");
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void inChineseAChangedOrRevokedHostKeyIsExplainedWithBothFingerprints() {
        var changed = new dev.nettune.host.HostKeyRejectedException(dev.nettune.host.HostKeyRejectedException.Reason.CHANGED,
                "WARNING: THE HOST KEY OF [10.0.0.5]:2222 HAS CHANGED. ...", "SHA256:new", "SHA256:old");
        var revoked = new dev.nettune.host.HostKeyRejectedException(dev.nettune.host.HostKeyRejectedException.Reason.REVOKED,
                "The host key of [10.0.0.5]:2222 (SHA256:new) is marked @revoked in known_hosts; refused.", "SHA256:new", "SHA256:new");
        assertThat(dev.nettune.ui.common.Messages.problem(changed)).startsWith("WARNING: THE HOST KEY");
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            assertThat(dev.nettune.ui.common.Messages.problem(changed))
                    .startsWith("主机密钥已变更：known_hosts 中记录的是 SHA256:old，主机现在提供的是 SHA256:new。").contains("中间人攻击");
            assertThat(dev.nettune.ui.common.Messages.problem(revoked)).isEqualTo("主机密钥 SHA256:new 在 known_hosts 中被标记为 @revoked；已拒绝连接。");
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }
}
