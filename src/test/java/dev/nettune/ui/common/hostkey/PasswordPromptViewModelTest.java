package dev.nettune.ui.common.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The password prompt's logic, without a toolkit. */
class PasswordPromptViewModelTest {
    @Test
    void theSecretIsHandedOverOnceAndTheFieldCleared() {
        PasswordPromptViewModel m = PasswordPromptViewModel.sudo("prod", "'ethtool -X' needs root.", false);
        assertThat(m.emptyProperty().get()).isTrue();
        m.secretProperty().set("hunter2");
        assertThat(m.emptyProperty().get()).isFalse();
        assertThat(m.take()).hasValueSatisfying(pw -> assertThat(new String(pw)).isEqualTo("hunter2"));
        assertThat(m.secretProperty().get()).isEmpty();
        assertThat(m.take()).isEmpty();
    }

    @Test
    void cancelForgetsWhatWasTyped() {
        PasswordPromptViewModel m = PasswordPromptViewModel.keyPassphrase("/home/u/.ssh/id_ed25519");
        m.secretProperty().set("typed");
        m.cancel();
        assertThat(m.secretProperty().get()).isEmpty();
    }

    @Test
    void aRejectedSudoPasswordIsSaidSo() {
        assertThat(PasswordPromptViewModel.sudo("prod", "x", true).message()).startsWith("sudo did not accept that password.");
        assertThat(PasswordPromptViewModel.sudo("prod", "x", false).message()).doesNotContain("did not accept")
                .contains("memory").contains("standard input");
    }

    @Test
    void inChineseEachPromptSaysWhatItIsForInChinese() {
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            PasswordPromptViewModel sudo = PasswordPromptViewModel.sudo("prod", "x", true);
            assertThat(sudo.title()).isEqualTo("prod 的 sudo 密码");
            assertThat(sudo.message()).startsWith("sudo 未接受该密码。x").contains("标准输入");
            PasswordPromptViewModel key = PasswordPromptViewModel.keyPassphrase("/home/u/.ssh/id_ed25519");
            assertThat(key.title()).isEqualTo("私钥口令");
            assertThat(key.message()).isEqualTo("私钥 /home/u/.ssh/id_ed25519 已加密。其口令仅保存在内存中。");
            PasswordPromptViewModel login = PasswordPromptViewModel.loginPassword("root", "10.0.0.5");
            assertThat(login.title()).isEqualTo("root@10.0.0.5 的密码");
            assertThat(login.message()).contains("密码登录");
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }
}
