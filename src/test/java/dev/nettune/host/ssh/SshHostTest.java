package dev.nettune.host.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.HostKeyRejectedException;
import dev.nettune.host.HostKeyTrust;
import dev.nettune.host.HostileStrings;
import dev.nettune.host.LineStream;
import dev.nettune.host.SecretPrompt;
import dev.nettune.host.SudoPasswordRequiredException;
import dev.nettune.host.UnknownHostKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH adapter against a real in-process SSH server running this machine's commands, host keys verified. */
class SshHostTest {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    TestSshServer server;
    Path key;
    Path knownHosts;
    final List<UnknownHostKey> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        knownHosts = dir.resolve("known_hosts");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    private void trustServer() throws Exception {
        Files.writeString(knownHosts, server.knownHostsLine() + "\n");
    }

    private SshOptions options(HostKeyDecision.Choice answer) {
        return SshOptions.defaults().withKnownHosts(knownHosts).withAgentSocket(Optional.empty())
                .withHostKeyDecision(k -> {
                    asked.add(k);
                    return answer;
                });
    }

    private SshHost host(HostKeyDecision.Choice answer) {
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        return new SshHost("test", target, options(answer));
    }

    @Test
    void runReturnsExitCodeStdoutAndStderr() throws Exception {
        trustServer();
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            CommandResult r = host.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 3"), T);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void runAllUsesExactlyOneChannelForManyCommands() throws Exception {
        trustServer();
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            host.run(Command.of("true"), T); // connect first, so only the batch is counted
            int before = server.sessionChannels.get();
            List<CommandResult> r = host.runAll(List.of(Command.of("uname", "-r"), Command.of("echo", "b"),
                    Command.of("sh", "-c", "exit 7"), Command.of("cat", "/proc/cpuinfo")), T);
            assertThat(server.sessionChannels.get() - before).isEqualTo(1);
            assertThat(r).hasSize(4);
            assertThat(r.get(1).stdout()).isEqualTo("b\n");
            assertThat(r.get(2).exitCode()).isEqualTo(7);
        }
    }

    @Test
    void oneConnectionServesAllCommandsOfAHost() throws Exception {
        trustServer();
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            for (int i = 0; i < 3; i++) {
                host.run(Command.of("true"), T);
            }
        }
        assertThat(server.sessions.get()).isEqualTo(1);
    }

    @Test
    void unknownHostKeyIsShownWithItsSha256FingerprintAndRefusalRunsNothing() throws Exception {
        Path canary = dir.resolve("ran");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThatThrownBy(() -> host.run(Command.of("touch", canary.toString()), T))
                    .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.UNKNOWN_REFUSED);
                        assertThat(e.getMessage()).contains(server.fingerprint());
                    });
        }
        assertThat(asked).singleElement().satisfies(k -> {
            assertThat(k.fingerprint()).isEqualTo(server.fingerprint()).startsWith("SHA256:").doesNotEndWith("=");
            assertThat(k.host()).isEqualTo("[127.0.0.1]:" + server.port());
            assertThat(k.keyType()).isEqualTo("ecdsa-sha2-nistp256");
        });
        assertThat(server.sessionChannels.get()).isZero();
        assertThat(server.execRequests).isEmpty();
        assertThat(canary).doesNotExist();
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void acceptedAndSavedKeyIsAppendedToKnownHostsAndNotAskedAgain() throws Exception {
        try (SshHost host = host(HostKeyDecision.Choice.ACCEPT_AND_SAVE)) {
            assertThat(host.run(Command.of("echo", "hi"), T).stdout()).isEqualTo("hi\n");
        }
        assertThat(asked).hasSize(1);
        String saved = Files.readString(knownHosts);
        assertThat(saved).startsWith("[127.0.0.1]:" + server.port() + " ecdsa-sha2-nistp256 ")
                .contains(server.knownHostsLine().split(" ")[2]);
        try (SshHost again = host(HostKeyDecision.Choice.REFUSE)) {
            assertThat(again.run(Command.of("echo", "again"), T).stdout()).isEqualTo("again\n");
        }
        assertThat(asked).hasSize(1);
    }

    @Test
    void aKnownHostsLineWhoseNegatedPatternNamesTheHostDoesNotTrustIt() throws Exception {
        String keyPart = server.knownHostsLine().substring(server.knownHostsLine().indexOf(' ') + 1);
        Files.writeString(knownHosts, "*,![127.0.0.1]:" + server.port() + " " + keyPart + "\n");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThatThrownBy(() -> host.run(Command.of("true"), T)).isInstanceOf(HostKeyRejectedException.class);
        }
        assertThat(asked).hasSize(1);
        assertThat(server.execRequests).isEmpty();
    }

    @Test
    void aKnownHostsLineWithANegatedPatternForAnotherHostStillTrustsThisOne() throws Exception {
        String keyPart = server.knownHostsLine().substring(server.knownHostsLine().indexOf(' ') + 1);
        Files.writeString(knownHosts, "[127.0.0.*]:" + server.port() + ",![127.0.0.2]:" + server.port() + " " + keyPart + "\n");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThat(host.run(Command.of("echo", "ok"), T).stdout()).isEqualTo("ok\n");
            assertThat(host.hostKeyTrust().map(dev.nettune.host.HostKeyTrust::describe)).hasValue("verified against " + knownHosts);
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void aKeyAcceptedOnTheFirstConnectionIsReportedAsTrustedNowNotVerified() throws Exception {
        try (SshHost host = host(HostKeyDecision.Choice.ACCEPT_AND_SAVE)) {
            host.run(Command.of("true"), T);
            assertThat(host.hostKeyTrust().map(dev.nettune.host.HostKeyTrust::describe)).hasValueSatisfying(t -> assertThat(t).startsWith("trusted now").doesNotContain("verified"));
        }
    }

    @Test
    void acceptedOnceKeyIsNotWritten() throws Exception {
        try (SshHost host = host(HostKeyDecision.Choice.ACCEPT_ONCE)) {
            assertThat(host.run(Command.of("echo", "hi"), T).stdout()).isEqualTo("hi\n");
        }
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void aKeyAcceptedOnceIsTrustedForTheRestOfTheRunAcrossReconnectsAndHosts() throws Exception {
        SessionTrust run = new SessionTrust();
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("a", target, options(HostKeyDecision.Choice.ACCEPT_ONCE).withSessionTrust(run))) {
            host.run(Command.of("true"), T);
            server.dropAllSessions();
            host.run(Command.of("true"), T);
        }
        try (SshHost other = new SshHost("b", target, options(HostKeyDecision.Choice.REFUSE).withSessionTrust(run))) {
            assertThat(other.run(Command.of("echo", "b"), T).stdout()).isEqualTo("b\n");
        }
        assertThat(asked).hasSize(1);
        try (SshHost fresh = new SshHost("c", target, options(HostKeyDecision.Choice.REFUSE))) {
            assertThatThrownBy(() -> fresh.run(Command.of("true"), T)).isInstanceOf(HostKeyRejectedException.class);
        }
    }

    @Test
    void changedHostKeyIsRefusedNamingBothFingerprintsWithoutAsking() throws Exception {
        TestSshServer impostor = TestSshServer.start(TestSshServer.newHostKey(), false);
        try {
            // known_hosts trusts the real server's key for the port the impostor now answers on.
            String realKey = server.knownHostsLine().substring(server.knownHostsLine().indexOf(' ') + 1);
            Files.writeString(knownHosts, "[127.0.0.1]:" + impostor.port() + " " + realKey + "\n");
            impostor.authorizedKeys.addAll(server.authorizedKeys);
            SshTarget target = new SshTarget("127.0.0.1", impostor.port(), "tester").withIdentities(List.of(key));
            try (SshHost host = new SshHost("test", target, options(HostKeyDecision.Choice.ACCEPT_AND_SAVE))) {
                assertThatThrownBy(() -> host.run(Command.of("true"), T))
                        .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                            assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
                            assertThat(e.getMessage()).contains("CHANGED").contains(server.fingerprint())
                                    .contains(impostor.fingerprint());
                            assertThat(e.knownFingerprint()).contains(server.fingerprint());
                            assertThat(e.presentedFingerprint()).isEqualTo(impostor.fingerprint());
                        });
            }
            assertThat(asked).isEmpty();
            assertThat(impostor.execRequests).isEmpty();
            assertThat(Files.readAllLines(knownHosts)).hasSize(1);
        } finally {
            impostor.close();
        }
    }

    /** A known_hosts line with a fresh ed25519 key for this server's [host]:port, and that key's fingerprint. */
    private String[] knownEd25519ForServer() throws Exception {
        java.security.KeyPair other = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ssh-ed25519", 256);
        String line = "[127.0.0.1]:" + server.port() + " "
                + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(other.getPublic());
        return new String[] {line, org.apache.sshd.common.config.keys.KeyUtils.getFingerPrint(other.getPublic())};
    }

    @Test
    void acceptNewRefusesAKeyOfAnotherTypeForAHostWhoseKeyIsKnownNamingTheKnownKey() throws Exception {
        String[] known = knownEd25519ForServer();
        Files.writeString(knownHosts, known[0] + "\n");
        try (SshHost host = host(HostKeyDecision.Choice.ACCEPT_AND_SAVE)) {
            assertThatThrownBy(() -> host.run(Command.of("true"), T))
                    .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
                        assertThat(e.getMessage()).contains("ssh-ed25519").contains(known[1])
                                .contains(server.fingerprint());
                    });
        }
        assertThat(asked).isEmpty();
        assertThat(server.execRequests).isEmpty();
        assertThat(Files.readAllLines(knownHosts)).containsExactly(known[0]);
    }

    @Test
    void theRefusalWithoutAcceptNewAlsoNamesTheKnownKeyOfAnotherType() throws Exception {
        String[] known = knownEd25519ForServer();
        Files.writeString(knownHosts, known[0] + "\n");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThatThrownBy(() -> host.run(Command.of("true"), T)).isInstanceOf(HostKeyRejectedException.class)
                    .hasMessageContaining("ssh-ed25519").hasMessageContaining(known[1]);
        }
    }

    @Test
    void aNewKeyIsWrittenHashedWhenTheFileUsesHashedEntries() throws Exception {
        String other = "|1|c2FsdHNhbHRzYWx0c2FsdHNhbHQ=|aGFzaGhhc2hoYXNoaGFzaGhhc2g= "
                + knownEd25519ForServer()[0].substring(knownEd25519ForServer()[0].indexOf(' ') + 1);
        Files.writeString(knownHosts, other + "\n");
        try (SshHost host = host(HostKeyDecision.Choice.ACCEPT_AND_SAVE)) {
            host.run(Command.of("true"), T);
        }
        List<String> lines = Files.readAllLines(knownHosts);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("|1|").doesNotContain("127.0.0.1");
        try (SshHost again = host(HostKeyDecision.Choice.REFUSE)) {
            assertThat(again.run(Command.of("echo", "ok"), T).stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void hashedKnownHostsEntriesAreHonoured() throws Exception {
        String hostPart = "[127.0.0.1]:" + server.port();
        byte[] salt = new byte[20];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(hostPart.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        String line = server.knownHostsLine();
        Files.writeString(knownHosts, "|1|" + b64.encodeToString(salt) + "|" + b64.encodeToString(hash)
                + line.substring(line.indexOf(' ')) + "\n");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThat(host.run(Command.of("echo", "ok"), T).stdout()).isEqualTo("ok\n");
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void droppedConnectionIsReopenedForTheNextCommand() throws Exception {
        trustServer();
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThat(host.run(Command.of("echo", "1"), T).stdout()).isEqualTo("1\n");
            server.dropAllSessions();
            assertThat(host.run(Command.of("echo", "2"), T).stdout()).isEqualTo("2\n");
        }
        assertThat(server.sessions.get()).isEqualTo(2);
    }

    @Test
    void commandTimeoutFailsAndKillsTheRemoteProcess() throws Exception {
        trustServer();
        Path pidFile = dir.resolve("pid");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThatThrownBy(() -> host.run(Command.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait"),
                    Duration.ofSeconds(2)))
                    .isInstanceOf(HostException.class).hasMessageContaining("did not finish within 2 s");
        }
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(sleeper);
        if (h.isPresent()) {
            h.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void interruptCancelsTheCommandAndKillsTheRemoteProcess() throws Exception {
        trustServer();
        Path pidFile = dir.resolve("pid");
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            host.run(Command.of("true"), T);
            Thread caller = Thread.currentThread();
            Thread interrupter = new Thread(() -> {
                try {
                    for (int i = 0; i < 200 && !Files.exists(pidFile); i++) {
                        Thread.sleep(50);
                    }
                    caller.interrupt();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            interrupter.start();
            assertThatThrownBy(() -> host.run(Command.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait"), T))
                    .isInstanceOf(InterruptedException.class);
            interrupter.join();
        }
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(sleeper);
        if (h.isPresent()) {
            h.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void hostileArgumentsAndStdinArriveLiterallyOverSsh() throws Exception {
        trustServer();
        Path canary = dir.resolve("canary");
        List<String> hostile = HostileStrings.all(canary);
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            List<CommandResult> r = host.runAll(List.of(HostileStrings.printArgv(hostile),
                    Command.of("cat").withStdin(String.join("\n", hostile))), T);
            assertThat(HostileStrings.argvOf(r.get(0).stdout())).containsExactlyElementsOf(hostile);
            assertThat(r.get(1).stdout()).isEqualTo(String.join("\n", hostile));
        }
        assertThat(canary).doesNotExist();
    }

    @Test
    void sudoThatWantsAPasswordGivesAClearMessage() throws Exception {
        trustServer();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        // This test machine logs in as root; pose as an ordinary user whose sudo wants a password.
        Files.writeString(bin.resolve("id"), "#!/bin/sh\necho 1000\n");
        Files.writeString(bin.resolve("sudo"), "#!/bin/sh\necho 'sudo: a password is required' >&2\nexit 1\n");
        bin.resolve("id").toFile().setExecutable(true);
        bin.resolve("sudo").toFile().setExecutable(true);
        server.pathPrefix.add(bin);
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThatThrownBy(() -> host.run(Command.of("ethtool", "-X", "eth1", "equal", "4").asRoot(), T))
                    .isInstanceOfSatisfying(SudoPasswordRequiredException.class, e -> {
                        assertThat(e.passwordRejected()).isFalse();
                        assertThat(e.getMessage()).contains("sudo: a password is required").contains("ethtool -X eth1 equal 4");
                    });
        }
    }

    @Test
    void aSuppliedSudoPasswordIsValidatedOnStdinAndNeverSentAsText() throws Exception {
        trustServer();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path seen = dir.resolve("sudo-stdin");
        Files.writeString(bin.resolve("id"), "#!/bin/sh\necho 1000\n");
        // A sudo that wants "pa ss;$(x)" on stdin for -v and then runs the command as -n would.
        Files.writeString(bin.resolve("sudo"), "#!/bin/sh\n"
                + "if [ \"$1\" = -S ]; then IFS= read -r pw; printf '%s' \"$pw\" > " + seen + ";"
                + " [ \"$pw\" = 'pa ss;$(x)' ] && exit 0; echo 'Sorry, try again.' >&2; exit 1; fi\n"
                + "shift 2; exec \"$@\"\n");
        bin.resolve("id").toFile().setExecutable(true);
        bin.resolve("sudo").toFile().setExecutable(true);
        server.pathPrefix.add(bin);
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            host.useSudoPassword("pa ss;$(x)".toCharArray());
            assertThat(host.run(Command.of("echo", "as root").asRoot(), T).stdout()).isEqualTo("as root\n");
            host.useSudoPassword("wrong".toCharArray());
            assertThatThrownBy(() -> host.run(Command.of("echo", "x").asRoot(), T))
                    .isInstanceOfSatisfying(SudoPasswordRequiredException.class, e -> assertThat(e.passwordRejected()).isTrue());
        }
        assertThat(Files.readString(seen)).isEqualTo("wrong");
        assertThat(server.execRequests).noneMatch(r -> r.contains("pa ss") || r.contains("wrong"));
    }

    @Test
    void streamDeliversLinesAndCancelKillsTheRemoteCommand() throws Exception {
        trustServer();
        Path pidFile = dir.resolve("pid");
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        CountDownLatch ended = new CountDownLatch(1);
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            LineStream s = host.stream(Command.of("sh", "-c", "echo one; echo two; sleep 300 & echo $! > " + pidFile + "; wait"),
                    new LineStream.Sink() {
                        @Override
                        public void line(String line) {
                            lines.add(line);
                            two.countDown();
                        }

                        @Override
                        public void ended(int exitCode, Throwable error) {
                            ended.countDown();
                        }
                    });
            assertThat(two.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100 && !Files.exists(pidFile); i++) {
                Thread.sleep(50);
            }
            s.cancel();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lines).containsExactly("one", "two");
        long sleeper = Long.parseLong(Files.readString(pidFile).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(sleeper);
        if (h.isPresent()) {
            h.get().onExit().get(10, TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void encryptedKeyIsUnlockedWithThePassphraseFromThePrompt() throws Exception {
        trustServer();
        Path locked = server.authorizeNewKey(dir.resolve("id_locked"), "correct horse");
        server.authorizedKeys.remove(0); // only the locked key may log in
        List<Path> askedFor = new CopyOnWriteArrayList<>();
        SecretPrompt prompt = new SecretPrompt() {
            @Override
            public Optional<char[]> keyPassphrase(Path keyFile) {
                askedFor.add(keyFile);
                return Optional.of("correct horse".toCharArray());
            }

            @Override
            public Optional<char[]> loginPassword(String user, String host) {
                return Optional.empty();
            }
        };
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(locked));
        try (SshHost host = new SshHost("t", target, options(HostKeyDecision.Choice.REFUSE).withSecrets(prompt))) {
            assertThat(host.run(Command.of("echo", "unlocked"), T).stdout()).isEqualTo("unlocked\n");
        }
        assertThat(askedFor).containsExactly(locked);
    }

    @Test
    void pemRsaKeysPlainAndEncryptedLogIn() throws Exception {
        trustServer();
        java.security.KeyPair rsa = org.apache.sshd.common.config.keys.KeyUtils.generateKeyPair("ssh-rsa", 2048);
        server.authorizedKeys.clear();
        server.authorizedKeys.add(rsa.getPublic());
        Path plain = dir.resolve("id_rsa.pem");
        Path locked = dir.resolve("id_rsa_locked.pem");
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter w = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(plain))) {
            w.writeObject(rsa.getPrivate());
        }
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter w = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(Files.newBufferedWriter(locked))) {
            w.writeObject(rsa.getPrivate(), new org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder("AES-128-CBC").build("pem pass".toCharArray()));
        }
        assertThat(Files.readString(plain)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThat(Files.readString(locked)).contains("ENCRYPTED");
        SecretPrompt prompt = new SecretPrompt() {
            @Override
            public Optional<char[]> keyPassphrase(Path keyFile) {
                return Optional.of("pem pass".toCharArray());
            }

            @Override
            public Optional<char[]> loginPassword(String user, String host) {
                return Optional.empty();
            }
        };
        for (Path k : List.of(plain, locked)) {
            SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(k));
            try (SshHost host = new SshHost("t", target, options(HostKeyDecision.Choice.REFUSE).withSecrets(prompt))) {
                assertThat(host.run(Command.of("echo", "pem"), T).stdout()).as(k.toString()).isEqualTo("pem\n");
            }
        }
    }

    @Test
    void passwordLoginAsksThePrompt() throws Exception {
        trustServer();
        server.authorizedKeys.clear();
        server.password = "letmein";
        SecretPrompt prompt = new SecretPrompt() {
            @Override
            public Optional<char[]> keyPassphrase(Path keyFile) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> loginPassword(String user, String host) {
                return Optional.of("letmein".toCharArray());
            }
        };
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("t", target, options(HostKeyDecision.Choice.REFUSE).withSecrets(prompt))) {
            assertThat(host.run(Command.of("echo", "in"), T).stdout()).isEqualTo("in\n");
        }
    }

    @Test
    void keyboardInteractivePasswordLoginAsksThePromptOnce() throws Exception {
        trustServer();
        server.authorizedKeys.clear();
        server.password = "letmein";
        server.keyboardInteractiveOnly();
        java.util.concurrent.atomic.AtomicInteger asks = new java.util.concurrent.atomic.AtomicInteger();
        SecretPrompt prompt = new SecretPrompt() {
            @Override
            public Optional<char[]> keyPassphrase(Path keyFile) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> loginPassword(String user, String host) {
                asks.incrementAndGet();
                return Optional.of("letmein".toCharArray());
            }
        };
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("t", target, options(HostKeyDecision.Choice.REFUSE).withSecrets(prompt))) {
            assertThat(host.run(Command.of("echo", "in"), T).stdout()).isEqualTo("in\n");
        }
        assertThat(asks.get()).isEqualTo(1);
    }

    @Test
    void anIdleConnectionSendsKeepAlives() throws Exception {
        trustServer();
        SshOptions o = options(HostKeyDecision.Choice.REFUSE).withKeepAlive(Duration.ofSeconds(1));
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("t", target, o)) {
            host.run(Command.of("true"), T);
            for (int i = 0; i < 100 && server.keepAlives.get() < 2; i++) {
                Thread.sleep(100);
            }
            assertThat(server.keepAlives.get()).isGreaterThanOrEqualTo(2);
            assertThat(host.isConnected()).isTrue();
        }
    }

    @Test
    void wrongCredentialsGiveAPlainMessage() throws Exception {
        trustServer();
        server.authorizedKeys.clear();
        try (SshHost host = host(HostKeyDecision.Choice.REFUSE)) {
            assertThatThrownBy(() -> host.run(Command.of("true"), T))
                    .isInstanceOf(HostException.class).hasMessageContaining("refused the login as 'tester'")
                    .hasMessageContaining(key.toString());
        }
    }

    @Test
    void proxyJumpReachesTheTargetThroughABastionVerifyingBothKeys() throws Exception {
        try (TestSshServer bastion = TestSshServer.start(TestSshServer.newHostKey(), true)) {
            bastion.authorizedKeys.addAll(server.authorizedKeys);
            SshTarget jump = new SshTarget("127.0.0.1", bastion.port(), "hopper").withIdentities(List.of(key));
            SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)).withJump(jump);
            try (SshHost host = new SshHost("behind", target, options(HostKeyDecision.Choice.ACCEPT_AND_SAVE))) {
                assertThat(host.run(Command.of("echo", "inside"), T).stdout()).isEqualTo("inside\n");
            }
            assertThat(asked).extracting(UnknownHostKey::fingerprint).containsExactly(bastion.fingerprint(), server.fingerprint());
            assertThat(bastion.execRequests).isEmpty();
            assertThat(server.execRequests).hasSize(1);
        }
    }

    @Test
    void anUnknownBastionKeyRefusedStopsBeforeTheTarget() throws Exception {
        trustServer();
        try (TestSshServer bastion = TestSshServer.start(TestSshServer.newHostKey(), true)) {
            bastion.authorizedKeys.addAll(server.authorizedKeys);
            SshTarget jump = new SshTarget("127.0.0.1", bastion.port(), "hopper").withIdentities(List.of(key));
            SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)).withJump(jump);
            try (SshHost host = new SshHost("behind", target, options(HostKeyDecision.Choice.REFUSE))) {
                assertThatThrownBy(() -> host.run(Command.of("true"), T)).isInstanceOf(HostKeyRejectedException.class)
                        .hasMessageContaining(bastion.fingerprint());
            }
            assertThat(server.sessions.get()).isZero();
        }
    }

    @Test
    void aBastionWithItsOwnKnownHostsFileIsVerifiedAgainstThatFile() throws Exception {
        trustServer();
        Path bastionKnownHosts = dir.resolve("bastion_known_hosts");
        try (TestSshServer bastion = TestSshServer.start(TestSshServer.newHostKey(), true)) {
            bastion.authorizedKeys.addAll(server.authorizedKeys);
            Files.writeString(bastionKnownHosts, bastion.knownHostsLine() + "\n");
            SshTarget jump = new SshTarget("127.0.0.1", bastion.port(), "hopper", List.of(key), Optional.empty(),
                    List.of(bastionKnownHosts));
            SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)).withJump(jump);
            try (SshHost host = new SshHost("behind", target, options(HostKeyDecision.Choice.REFUSE))) {
                assertThat(host.run(Command.of("echo", "inside"), T).stdout()).isEqualTo("inside\n");
                assertThat(host.hostKeyTrust()).contains(HostKeyTrust.verified(server.fingerprint(), knownHosts));
            }
            assertThat(asked).isEmpty();
            assertThat(Files.readString(knownHosts)).doesNotContain(bastion.knownHostsLine());
        }
    }

    @Test
    void aKeyFoundInTheSecondKnownHostsFileIsReportedAsVerifiedAgainstThatFile() throws Exception {
        Path second = dir.resolve("known_hosts2");
        Files.writeString(second, server.knownHostsLine() + "\n");
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("test", target, options(HostKeyDecision.Choice.REFUSE).withMoreKnownHosts(List.of(second)))) {
            host.run(Command.of("true"), T);
            assertThat(host.hostKeyTrust()).contains(HostKeyTrust.verified(server.fingerprint(), second));
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void aChangedKeyKnownInTheSecondKnownHostsFileIsRefusedNamingThatFile() throws Exception {
        Files.writeString(knownHosts, "");
        Path second = dir.resolve("known_hosts2");
        String[] known = knownEd25519ForServer();
        Files.writeString(second, known[0] + "\n");
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("test", target, options(HostKeyDecision.Choice.ACCEPT_AND_SAVE)
                .withMoreKnownHosts(List.of(second)))) {
            assertThatThrownBy(() -> host.run(Command.of("true"), T))
                    .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
                        assertThat(e.getMessage()).contains(known[1]).contains("in " + second)
                                .contains("ssh-keygen -R '[127.0.0.1]:" + server.port() + "' -f " + second)
                                .doesNotContain("-f " + knownHosts + ")");
                    });
        }
        assertThat(asked).isEmpty();
        assertThat(Files.readString(knownHosts)).isEmpty();
    }

    @Test
    void anUnknownKeyRefusalNamesEveryKnownHostsFileRead() throws Exception {
        Path second = dir.resolve("known_hosts2");
        SshTarget target = new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key));
        try (SshHost host = new SshHost("test", target, options(HostKeyDecision.Choice.REFUSE).withMoreKnownHosts(List.of(second)))) {
            assertThatThrownBy(() -> host.run(Command.of("true"), T)).isInstanceOf(HostKeyRejectedException.class)
                    .hasMessageContaining(knownHosts + ", " + second);
        }
    }
}
