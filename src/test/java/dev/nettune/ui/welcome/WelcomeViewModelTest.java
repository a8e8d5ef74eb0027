package dev.nettune.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.Workstation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Welcome page's view of a workstation, read from an isolated home, without a toolkit. */
class WelcomeViewModelTest {
    @TempDir
    Path home;
    @TempDir
    Path config;

    private WelcomeViewModel read() {
        AppContext context = new AppContext(config);
        WelcomeViewModel model = new WelcomeViewModel(() -> Workstation.read(context, Map.of(), home), Runnable::run,
                Runnable::run);
        model.refresh();
        return model;
    }

    @Test
    void aWorkstationWithAProfileSshHostsAndKnownKeysIsDescribedWithoutItsSecret() throws Exception {
        Files.createDirectories(home.resolve(".aliyun"));
        Files.writeString(home.resolve(".aliyun/config.json"), "{\"current\": \"prod\", \"profiles\": [{\"name\": \"prod\","
                + " \"mode\": \"AK\", \"access_key_id\": \"LTAI5tExample\", \"access_key_secret\": \"s3cr3tValue\","
                + " \"region_id\": \"cn-hangzhou\"}]}");
        Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(home.resolve(".ssh/config"), "Host web1 web2\n  User root\nHost *\n  ServerAliveInterval 30\n");
        Files.writeString(home.resolve(".ssh/known_hosts"), "# comment\nweb1 ssh-ed25519 AAAA1\nweb2 ssh-ed25519 AAAA2\n\n");

        WelcomeViewModel model = read();

        assertThat(model.accountsProperty().get()).startsWith("1 Alibaba Cloud account found: Profile prod").doesNotContain("s3cr3t");
        assertThat(model.sshHostsProperty().get()).startsWith("2 hosts in " + home.resolve(".ssh/config") + ": web1, web2.");
        assertThat(model.knownHostsProperty().get()).startsWith("2 known host keys in " + home.resolve(".ssh/known_hosts"));
        assertThat(model.problemsProperty().get()).isEmpty();
        assertThat(model.readingProperty().get()).isFalse();
    }

    @Test
    void anEmptyWorkstationSaysWhereNetTuneLookedAndWhatStillWorks() {
        WelcomeViewModel model = read();

        assertThat(model.accountsProperty().get()).startsWith("No Alibaba Cloud account found").contains("sandbox region");
        assertThat(model.sshHostsProperty().get()).startsWith("No hosts in " + home.resolve(".ssh/config"));
        assertThat(model.knownHostsProperty().get()).startsWith("No known host keys");
    }

    @Test
    void longListsNameFiveThenCountTheRest() {
        assertThat(WelcomeViewModel.list(java.util.List.of("a", "b", "c", "d", "e", "f", "g"))).isEqualTo("a, b, c, d, e and 2 more");
    }
}
