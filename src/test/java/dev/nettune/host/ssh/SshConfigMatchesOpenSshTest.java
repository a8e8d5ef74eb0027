package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NetTune's reading of an ssh config against the real thing: for each config and host, {@code ssh -G -F cfg}
 * (OpenSSH's own resolution, nothing connects) and {@link SshConfig#resolution} must agree on HostName, User,
 * Port, IdentityFile, ProxyJump and UserKnownHostsFile. Skipped, with the reason, where OpenSSH's client is not
 * installed. Paths are absolute because OpenSSH takes ~ from the password file, and tests never touch it.
 */
class SshConfigMatchesOpenSshTest {
    @TempDir
    static Path dir;

    /** One config (with {@code DIR} standing for the test folder) and the hosts typed against it. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("first value obtained wins across blocks", """
                        Host web
                          HostName 10.0.0.5
                          User admin
                        Host web *.internal
                          HostName 10.9.9.9
                          User other
                          Port 2201
                          IdentityFile DIR/one
                        Host *
                          IdentityFile DIR/two
                          Port 2299
                        """, List.of("web", "db.internal", "Plain.Example.com", "root@web", "web:7", "bob@db.internal:2022")),
                Arguments.of("negated patterns exclude a host", """
                        Host *.prod !bastion.prod
                          ProxyJump ops@bastion.prod:2222
                          User deploy
                        Host bastion.prod
                          HostName 47.1.2.3
                        Host * !*.prod
                          UserKnownHostsFile DIR/kh_%h_%p DIR/second
                        """, List.of("api.prod", "bastion.prod", "lab", "x@api.prod:22")),
                Arguments.of("Match host, originalhost, user and all", """
                        Host gw
                          HostName 10.1.1.1
                        Match host 10.1.*
                          User netops
                        Match originalhost gw user netops
                          Port 2022
                        Match user root
                          IdentityFile DIR/root_key
                        Match host !10.1.* originalhost gw,box
                          Port 9
                        Match all
                          ProxyJump none
                          User fallback
                        """, List.of("gw", "box", "root@box", "root@gw", "other")),
                Arguments.of("Include with a glob, conditional on its block", """
                        Host inc
                          Include DIR/conf.d/*.conf
                        Host *
                          Include DIR/tail.conf
                        """, List.of("inc", "never", "inc2", "t")),
                Arguments.of("Match final sees the resolved name", """
                        Host alias
                          HostName real.example.com
                        Match final host real.example.com
                          User finaluser
                        Host real.example.com
                          Port 4444
                        """, List.of("alias", "real.example.com", "u@alias")),
                Arguments.of("keyword=value, quotes and comments", """
                        # a comment
                        Host=q
                          HostName="10.2.3.4"   # trailing comment
                          User = "quoted"
                          IdentityFile "DIR/with space"
                        """, List.of("q")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void nettuneResolvesEveryHostAsSshGDoes(String name, String config, List<String> hosts) throws Exception {
        assumeTrue(sshInstalled(), "OpenSSH's client (ssh) is not installed: nothing to compare with");
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/10-a.conf"), "  HostName 10.3.0.1\n  User inc_a\n");
        Files.writeString(dir.resolve("conf.d/20-b.conf"), "  User inc_b\n  Port 2022\nHost inc2\n  HostName 10.3.0.2\n");
        Files.writeString(dir.resolve("tail.conf"), "Port 2100\nUser tailuser\n");
        Path cfg = dir.resolve(name.replaceAll("[^a-z]", "_") + ".config");
        Files.writeString(cfg, config.replace("DIR", dir.toString()));
        SshConfig nettune = SshConfig.load(cfg, dir);
        for (String typed : hosts) {
            Map<String, String> ssh = sshG(cfg, typed);
            String user = typed.contains("@") ? typed.substring(0, typed.indexOf('@')) : null;
            String rest = typed.contains("@") ? typed.substring(typed.indexOf('@') + 1) : typed;
            int port = rest.contains(":") ? Integer.parseInt(rest.substring(rest.indexOf(':') + 1)) : 0;
            String host = rest.contains(":") ? rest.substring(0, rest.indexOf(':')) : rest;
            SshConfig.Resolution r = nettune.resolution(host, port, user);
            String what = name + " / " + typed;
            assertThat(r.hostName()).as(what + " hostname").isEqualTo(ssh.get("hostname"));
            assertThat(r.user().orElse(System.getProperty("user.name"))).as(what + " user").isEqualTo(ssh.get("user"));
            assertThat(String.valueOf(r.port().orElse(22))).as(what + " port").isEqualTo(ssh.get("port"));
            if (!r.identityFiles().isEmpty()) {
                assertThat(String.join(" ", r.identityFiles())).as(what + " identityfile").isEqualTo(ssh.get("identityfile"));
            }
            assertThat(r.proxyJump().filter(p -> !p.equalsIgnoreCase("none")).orElse(null)).as(what + " proxyjump")
                    .isEqualTo(ssh.get("proxyjump"));
            if (!r.userKnownHostsFiles().isEmpty()) {
                assertThat(String.join(" ", r.userKnownHostsFiles())).as(what + " userknownhostsfile")
                        .isEqualTo(ssh.get("userknownhostsfile"));
            }
        }
    }

    private static boolean sshInstalled() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, "ssh"))) {
                return true;
            }
        }
        return false;
    }

    /** {@code ssh -G -F cfg [-l user] [-p port] host}: keyword to value (identity files joined by a space). */
    private static Map<String, String> sshG(Path cfg, String typed) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ssh", "-G", "-F", cfg.toString()));
        String rest = typed;
        if (rest.contains("@")) {
            cmd.addAll(List.of("-l", rest.substring(0, rest.indexOf('@'))));
            rest = rest.substring(rest.indexOf('@') + 1);
        }
        if (rest.contains(":")) {
            cmd.addAll(List.of("-p", rest.substring(rest.indexOf(':') + 1)));
            rest = rest.substring(0, rest.indexOf(':'));
        }
        cmd.add(rest);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
                Path.of("/dev/null").toFile())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp <= 0) {
                continue;
            }
            String key = line.substring(0, sp);
            String value = line.substring(sp + 1);
            values.merge(key, value, (a, b) -> a + " " + b);
        }
        return values;
    }
}
