package dev.nettune.host.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.HostException;
import dev.nettune.host.HostileStrings;
import dev.nettune.host.LineStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** This workstation as a host: real processes, no shell in between. */
class LocalHostTest {
    private static final Duration T = Duration.ofSeconds(20);
    @TempDir
    Path dir;

    @Test
    void runReturnsExitCodeStdoutAndStderr() throws Exception {
        try (LocalHost host = new LocalHost()) {
            CommandResult r = host.run(Command.of("sh", "-c", "echo out; echo err >&2; exit 4"), T);
            assertThat(r.exitCode()).isEqualTo(4);
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
        }
    }

    @Test
    void hostileArgumentsArriveLiterally() throws Exception {
        Path canary = dir.resolve("canary");
        List<String> hostile = HostileStrings.all(canary);
        try (LocalHost host = new LocalHost()) {
            CommandResult r = host.run(HostileStrings.printArgv(hostile), T);
            assertThat(HostileStrings.argvOf(r.stdout())).containsExactlyElementsOf(hostile);
        }
        assertThat(canary).doesNotExist();
    }

    @Test
    void stdinReachesTheCommand() throws Exception {
        try (LocalHost host = new LocalHost()) {
            assertThat(host.run(Command.of("cat").withStdin("a\nb$(id)\n"), T).stdout()).isEqualTo("a\nb$(id)\n");
        }
    }

    @Test
    void runAllReturnsOneResultPerCommandInOrder() throws Exception {
        try (LocalHost host = new LocalHost()) {
            List<CommandResult> r = host.runAll(List.of(Command.of("false"), Command.of("echo", "two")), T);
            assertThat(r).extracting(CommandResult::exitCode).containsExactly(1, 0);
            assertThat(r.get(1).stdout()).isEqualTo("two\n");
        }
    }

    @Test
    void aTimeoutStopsTheProcessAndItsChildren() throws Exception {
        Path pidFile = dir.resolve("pid");
        try (LocalHost host = new LocalHost()) {
            assertThatThrownBy(() -> host.run(Command.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait"),
                    Duration.ofMillis(700)))
                    .isInstanceOf(HostException.class).hasMessageContaining("did not finish");
        }
        long child = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(child).ifPresent(h -> h.onExit().join());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void rootCommandsGoThroughSudoNonInteractivelyWhenNotRoot() {
        assertThat(LocalHost.argv(Command.of("ethtool", "-x", "eth0").asRoot(), false))
                .containsExactly("sudo", "-n", "--", "ethtool", "-x", "eth0");
        assertThat(LocalHost.argv(Command.of("ethtool", "-x", "eth0").asRoot(), true))
                .containsExactly("ethtool", "-x", "eth0");
    }

    @Test
    void streamDeliversLinesAsTheyComeAndCancelStopsIt() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch two = new CountDownLatch(2);
        CountDownLatch ended = new CountDownLatch(1);
        try (LocalHost host = new LocalHost()) {
            LineStream s = host.stream(Command.of("sh", "-c", "echo one; echo two; exec sleep 300"), new LineStream.Sink() {
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
            assertThat(s.isRunning()).isTrue();
            s.cancel();
            assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(lines).containsExactly("one", "two");
        }
    }
}
