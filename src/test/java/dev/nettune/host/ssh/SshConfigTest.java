package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.ssh/config read as OpenSSH reads it. */
class SshConfigTest {
    @TempDir
    Path dir;
    SshConfig config;

    @BeforeEach
    void write() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, String.join("\n",
                "Host web",
                "  HostName 10.0.0.5",
                "  User admin",
                "  Port 2222",
                "  IdentityFile " + dir.resolve("web_key"),
                "  ProxyJump bastion",
                "",
                "Host bastion",
                "  HostName 47.1.2.3",
                "  User jump",
                "  UserKnownHostsFile " + dir.resolve("bastion_known_hosts"),
                "",
                "Host deep",
                "  HostName 10.0.9.9",
                "  ProxyJump ops@gw1:2200,bastion",
                "",
                "Host *.internal",
                "  User ops",
                ""));
        config = SshConfig.load(file);
    }

    @Test
    void aliasResolvesToHostNameUserPortAndIdentity() throws Exception {
        SshTarget t = config.resolve("web");
        assertThat(t.hostName()).isEqualTo("10.0.0.5");
        assertThat(t.user()).isEqualTo("admin");
        assertThat(t.port()).isEqualTo(2222);
        assertThat(t.identities()).containsExactly(dir.resolve("web_key"));
    }

    @Test
    void proxyJumpNamesABastionResolvedFromTheSameFile() throws Exception {
        SshTarget bastion = config.resolve("web").jump().orElseThrow();
        assertThat(bastion.hostName()).isEqualTo("47.1.2.3");
        assertThat(bastion.user()).isEqualTo("jump");
        assertThat(bastion.port()).isEqualTo(22);
    }

    @Test
    void aBastionKeepsTheKnownHostsFileTheFileNamesForIt() throws Exception {
        SshTarget web = config.resolve("web");
        assertThat(web.jump().orElseThrow().knownHosts()).containsExactly(dir.resolve("bastion_known_hosts"));
        assertThat(web.knownHosts()).isEmpty();
    }

    @Test
    void aChainOfJumpsIsHoppedInOrder() throws Exception {
        SshTarget last = config.resolve("deep").jump().orElseThrow();
        assertThat(last.hostName()).isEqualTo("47.1.2.3");
        SshTarget first = last.jump().orElseThrow();
        assertThat(first.display()).isEqualTo("ops@gw1:2200");
    }

    @Test
    void patternsApplyToNamesThatMatchThem() throws Exception {
        assertThat(config.resolve("db.internal").user()).isEqualTo("ops");
    }

    @Test
    void anUnknownNameIsItsOwnHostNameWithDefaults() throws Exception {
        SshTarget t = config.resolve("plain.example.com");
        assertThat(t.hostName()).isEqualTo("plain.example.com");
        assertThat(t.port()).isEqualTo(22);
        assertThat(t.user()).isEqualTo(System.getProperty("user.name"));
    }

    @Test
    void userAndPortTypedOnTheCommandLineWin() throws Exception {
        SshTarget t = config.resolveSpec("root@web:22");
        assertThat(t.hostName()).isEqualTo("10.0.0.5");
        assertThat(t.user()).isEqualTo("root");
        assertThat(t.port()).isEqualTo(22);
    }

    @Test
    void ipv6InBracketsIsReadAsOneAddress() throws Exception {
        SshTarget t = config.resolveSpec("ecs-user@[fd00::5]:2022");
        assertThat(t.hostName()).isEqualTo("fd00::5");
        assertThat(t.port()).isEqualTo(2022);
        assertThat(t.knownHostsName()).isEqualTo("[fd00::5]:2022");
    }

    @Test
    void aliasesListsConcreteHostNamesOnly() {
        assertThat(config.aliases()).containsExactly("web", "bastion", "deep");
    }

    @Test
    void somethingThatIsNotAHostIsRejectedWithTheAllowedForms() {
        assertThatThrownBy(() -> config.resolveSpec("a b;rm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[user@]host[:port]");
    }

    @Test
    void aMatchBlockNoLongerBreaksHostsItDoesNotConcern() throws Exception {
        Path file = dir.resolve("with_match");
        Files.writeString(file, "Match host *.corp\n  User corp\nHost web\n  HostName 10.0.0.5\n");
        SshConfig c = SshConfig.load(file, dir);
        assertThat(c.resolve("web").hostName()).isEqualTo("10.0.0.5");
        assertThat(c.resolve("a.corp").user()).isEqualTo("corp");
    }

    @Test
    void matchExecIsNotRunAndIsNotedWhileOtherHostsResolve() throws Exception {
        Path canary = dir.resolve("ran");
        Path file = dir.resolve("with_exec");
        Files.writeString(file, "Match exec \"touch " + canary + "\"\n  User fromexec\nHost web\n  HostName 10.0.0.5\n");
        SshConfig c = SshConfig.load(file, dir);
        SshConfig.Resolution r = c.resolution("web", 0, null);
        assertThat(r.hostName()).isEqualTo("10.0.0.5");
        assertThat(r.user()).isEmpty();
        assertThat(r.notes()).singleElement().asString().contains("Match exec").contains("not run").contains(file + ":1");
        assertThat(canary).doesNotExist();
    }

    @Test
    void aRelativeIncludeIsReadFromTheSshFolderOfHome() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve(".ssh/conf.d"));
        Files.writeString(home.resolve(".ssh/conf.d/a.conf"), "Host fromdir\n  HostName 10.7.0.1\n");
        Path file = home.resolve(".ssh/config");
        Files.writeString(file, "Include conf.d/*.conf\n");
        SshConfig c = SshConfig.load(file, home);
        assertThat(c.resolve("fromdir").hostName()).isEqualTo("10.7.0.1");
        assertThat(c.aliases()).containsExactly("fromdir");
    }

    @Test
    void anIncludeLoopIsRefusedWithWhereItHappened() throws Exception {
        Path file = dir.resolve("loop");
        Files.writeString(file, "Include " + file + "\n");
        assertThatThrownBy(() -> SshConfig.load(file, dir)).hasMessageContaining("Include nests more than 16");
    }

    @Test
    void anUnknownMatchCriterionIsRefusedNamingTheAllowedOnes() throws Exception {
        Path file = dir.resolve("bad_match");
        Files.writeString(file, "Match colour blue\n  User x\n");
        SshConfig c = SshConfig.load(file, dir);
        assertThatThrownBy(() -> c.resolve("web")).hasMessageContaining("bad_match:1").hasMessageContaining("originalhost");
    }

    @Test
    void aPortThatIsNotANumberIsRefusedWithTheRange() throws Exception {
        Path file = dir.resolve("bad_port");
        Files.writeString(file, "Host web\n  Port 1e3\n");
        assertThatThrownBy(() -> SshConfig.load(file, dir).resolve("web")).hasMessageContaining("1 to 65535");
    }

    @Test
    void aPortZeroTypedOnTheCommandLineIsAnError() {
        assertThatThrownBy(() -> config.resolveSpec("root@web:0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 65535");
    }

    @Test
    void strictHostKeyCheckingIsReadFirstValueWinsWithOpenSshsSpellings() throws Exception {
        Path file = Files.writeString(dir.resolve("strict"), "Host lab\n  StrictHostKeyChecking off\n"
                + "Host *\n  StrictHostKeyChecking yes\n");
        SshConfig c = SshConfig.load(file);

        assertThat(c.resolutionOfSpec("ops@lab:2222").strictHostKeyChecking()).contains("no");
        assertThat(c.resolutionOfSpec("other").strictHostKeyChecking()).contains("yes");
    }

    @Test
    void anUnknownStrictHostKeyCheckingValueNamesTheLineAndTheValuesAllowed() throws Exception {
        SshConfig c = SshConfig.load(Files.writeString(dir.resolve("bad"), "Host lab\n  StrictHostKeyChecking maybe\n"));

        assertThatThrownBy(() -> c.resolutionOfSpec("lab")).hasMessageContaining("bad:2:")
                .hasMessageContaining("yes, accept-new, no, off or ask");
    }
}
