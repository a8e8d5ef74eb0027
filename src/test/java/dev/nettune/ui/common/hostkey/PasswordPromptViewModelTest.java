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
}
