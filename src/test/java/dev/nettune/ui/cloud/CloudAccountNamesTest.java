package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.CloudAccounts;
import dev.nettune.ui.common.Messages;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Cloud screen's account picker names every kind of account in the language in use. */
class CloudAccountNamesTest {
    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static CloudAccounts.Account account(CloudAccounts.Kind kind) {
        return new CloudAccounts.Account(kind, "prod", "~/.aliyun/config.json", Optional.empty());
    }

    @Test
    void inChineseEveryKindOfAccountIsNamedInChinese() {
        Messages.use(Messages.CHINESE);

        assertThat(CloudViewModel.shown(account(CloudAccounts.Kind.SANDBOX))).isEqualTo("沙箱（模拟地域）");
        assertThat(CloudViewModel.shown(account(CloudAccounts.Kind.PROFILE))).isEqualTo("配置 prod（~/.aliyun/config.json）");
        for (CloudAccounts.Kind k : CloudAccounts.Kind.values()) {
            assertThat(CloudViewModel.shown(account(k))).matches(".*\\p{IsHan}.*");
        }
    }

    @Test
    void inEnglishEveryAccountReadsAsItsOwnDisplay() {
        for (CloudAccounts.Kind k : CloudAccounts.Kind.values()) {
            assertThat(CloudViewModel.shown(account(k))).isEqualTo(account(k).display());
        }
    }
}
