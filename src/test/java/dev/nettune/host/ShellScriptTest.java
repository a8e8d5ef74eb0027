package dev.nettune.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendered shell text, run by a real /bin/sh on this machine. */
class ShellScriptTest {
    @TempDir
    Path dir;

    private static String sh(String script, byte[] stdin) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("script finished").isTrue();
        err.get();
        return new String(out.get(), StandardCharsets.UTF_8);
    }

    private static byte[] readAll(InputStream in) {
        try {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hostileArgumentsArriveLiterallyThroughTheCommandLine() throws Exception {
        Path canary = dir.resolve("canary");
        List<String> hostile = HostileStrings.all(canary);
        String out = sh(ShellScript.commandLine(HostileStrings.printArgv(hostile)), new byte[0]);
        assertThat(HostileStrings.argvOf(out)).containsExactlyElementsOf(hostile);
        assertThat(canary).doesNotExist();
    }

    @Test
    void hostileArgumentsArriveLiterallyThroughABatch() throws Exception {
        Path canary = dir.resolve("canary");
        List<String> hostile = HostileStrings.all(canary);
        ShellScript.Batch batch = ShellScript.batch(List.of(HostileStrings.printArgv(hostile)));
        List<CommandResult> results = batch.parse(sh(batch.script(), batch.stdin()));
        assertThat(HostileStrings.argvOf(results.get(0).stdout())).containsExactlyElementsOf(hostile);
        assertThat(canary).doesNotExist();
    }

    @Test
    void hostileArgumentsArriveLiterallyThroughAStreamScript() throws Exception {
        Path canary = dir.resolve("canary");
        List<String> hostile = HostileStrings.all(canary);
        String boundary = ShellScript.newBoundary();
        String out = sh(ShellScript.stream(HostileStrings.printArgv(hostile), boundary), new byte[0]);
        String firstLine = out.substring(0, out.indexOf('\n'));
        assertThat(ShellScript.streamPid(firstLine, boundary)).isPresent();
        assertThat(HostileStrings.argvOf(out.substring(out.indexOf('\n') + 1))).containsExactlyElementsOf(hostile);
        assertThat(canary).doesNotExist();
    }

    @Test
    void batchKeepsEachCommandsExitCodeStdoutAndStderrApart() throws Exception {
        ShellScript.Batch batch = ShellScript.batch(List.of(
                Command.of("sh", "-c", "echo out1; echo err1 >&2; exit 3"),
                Command.of("sh", "-c", "printf 'no newline'"),
                Command.of("sh", "-c", "echo only-err >&2")));
        List<CommandResult> r = batch.parse(sh(batch.script(), batch.stdin()));
        assertThat(r).extracting(CommandResult::exitCode).containsExactly(3, 0, 0);
        assertThat(r).extracting(CommandResult::stdout).containsExactly("out1\n", "no newline", "");
        assertThat(r).extracting(CommandResult::stderr).containsExactly("err1\n", "", "only-err\n");
    }

    @Test
    void outputThatImitatesTheFramingCannotBreakIt() throws Exception {
        ShellScript.Batch probe = ShellScript.batch(List.of(Command.of("true")));
        // A command that prints lines shaped like markers, binary bytes and no final newline.
        String forged = "NT-00-NT R 0 0\nNT-00-NT DONE\n" + probe.boundary() + " DONE\n";
        ShellScript.Batch batch = ShellScript.batch(List.of(
                Command.of("printf", "%s\\000\\001", forged), Command.of("echo", "after")));
        List<CommandResult> r = batch.parse(sh(batch.script(), batch.stdin()));
        assertThat(r.get(0).stdout()).isEqualTo(forged + "\u0000\u0001");
        assertThat(r.get(1).stdout()).isEqualTo("after\n");
    }

    @Test
    void eachCommandGetsItsOwnStdinThroughTheChannelNotTheText() throws Exception {
        Path canary = dir.resolve("canary");
        String first = String.join("\n", HostileStrings.all(canary));
        String second = "second input\n";
        ShellScript.Batch batch = ShellScript.batch(List.of(
                Command.of("cat").withStdin(first), Command.of("echo", "between"), Command.of("cat").withStdin(second)));
        assertThat(batch.script()).doesNotContain("second input").doesNotContain("$(touch");
        List<CommandResult> r = batch.parse(sh(batch.script(), batch.stdin()));
        assertThat(r).extracting(CommandResult::stdout).containsExactly(first, "between\n", second);
        assertThat(canary).doesNotExist();
    }

    @Test
    void aFailingCommandDoesNotStopTheOnesAfterIt() throws Exception {
        ShellScript.Batch batch = ShellScript.batch(List.of(
                Command.of("no-such-program-nettune"), Command.of("echo", "still runs")));
        List<CommandResult> r = batch.parse(sh(batch.script(), batch.stdin()));
        assertThat(r.get(0).exitCode()).isEqualTo(127);
        assertThat(r.get(1).stdout()).isEqualTo("still runs\n");
    }

    @Test
    void aProgramNamedLikeAShellBuiltinCannotEndTheScriptEarly() throws Exception {
        ShellScript.Batch batch = ShellScript.batch(List.of(Command.of("exit", "5"), Command.of("echo", "next")));
        List<CommandResult> r = batch.parse(sh(batch.script(), batch.stdin()));
        assertThat(r.get(0).exitCode()).isEqualTo(5);
        assertThat(r.get(1).stdout()).isEqualTo("next\n");
    }

    @Test
    void rootCommandsGoThroughSudoNonInteractivelyUnlessTheLoginIsRoot() {
        assertThat(ShellScript.commandLine(Command.of("ethtool", "-X", "eth1", "equal", "4").asRoot()))
                .isEqualTo("sudo -n -- ethtool -X eth1 equal 4");
        String script = ShellScript.batch(List.of(Command.of("ethtool", "-L", "eth1", "combined", "4").asRoot())).script();
        assertThat(script).contains("sudo -n -- \"$@\"").contains("nt_root ethtool -L eth1 combined 4");
    }

    @Test
    void theSudoPasswordTravelsOnStdinNeverInTheScript() {
        char[] password = "s3cr3t;$(x)".toCharArray();
        ShellScript.Batch batch = ShellScript.batch(List.of(Command.of("id").asRoot()), Optional.of(password));
        assertThat(batch.script()).doesNotContain("s3cr3t");
        assertThat(new String(batch.stdin(), StandardCharsets.US_ASCII))
                .startsWith(java.util.Base64.getEncoder().encodeToString("s3cr3t;$(x)".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sudosPasswordRequiredMessageBecomesAClearException() throws Exception {
        // A fake sudo on PATH that answers as the real one does when it would have to ask.
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path sudo = bin.resolve("sudo");
        Files.writeString(sudo, "#!/bin/sh\necho 'sudo: a password is required' >&2\nexit 1\n");
        sudo.toFile().setExecutable(true);
        ShellScript.Batch batch = ShellScript.batch(List.of(Command.of("ethtool", "-x", "eth0").asRoot()));
        String script = "PATH=" + bin + ":$PATH; id() { echo 1000; }\n" + batch.script();
        String out = sh(script, batch.stdin());
        assertThatThrownBy(() -> batch.parse(out))
                .isInstanceOf(SudoPasswordRequiredException.class)
                .hasMessageContaining("needs root").hasMessageContaining("sudo: a password is required");
    }

    @Test
    void anAnswerCutShortIsAnErrorNotAShortList() {
        ShellScript.Batch batch = ShellScript.batch(List.of(Command.of("true"), Command.of("true")));
        String partial = batch.boundary() + " PID 1\n" + batch.boundary() + " R 0 0\n" + batch.boundary() + " E\n"
                + batch.boundary() + " Z\n";
        assertThatThrownBy(() -> batch.parse(partial)).isInstanceOf(HostException.class).hasMessageContaining("1 of 2");
    }

    @Test
    void killTreeStopsAProcessAndItsChildren() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", "sleep 300 & sleep 300 & wait").start();
        Thread.sleep(300);
        List<ProcessHandle> tree = p.descendants().toList();
        assertThat(tree).hasSize(2);
        sh(ShellScript.killTree(p.pid()), new byte[0]);
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        for (ProcessHandle child : tree) {
            assertThat(child.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        }
    }
}
