package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.local.LocalHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sleeper NetTune arms where systemd is missing, run by a real /bin/sh on this machine. */
class DetachedRevertOnRealShellTest {
    private static final Duration T = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private Command arm(Path pid, Path script) {
        return Command.of("sh", "-c", ArmedRevert.DETACH_SCRIPT, "sh",
                "echo $$ > " + pid + "; sleep 1; exec /bin/sh " + script);
    }

    @Test
    void anUnconfirmedSleeperRunsTheRevertScriptAfterItsDelay() throws Exception {
        Path fired = dir.resolve("fired");
        Path script = Files.writeString(dir.resolve("revert.sh"), "touch " + fired + "\n");
        try (LocalHost host = new LocalHost()) {
            assertThat(host.run(arm(dir.resolve("r.pid"), script), T).ok()).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (!Files.exists(fired) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }
        assertThat(fired).exists();
    }

    @Test
    void theConfirmationKillsTheSleeperBeforeItReverts() throws Exception {
        Path fired = dir.resolve("fired");
        Path pid = dir.resolve("r.pid");
        Path script = Files.writeString(dir.resolve("revert.sh"), "touch " + fired + "\n");
        try (LocalHost host = new LocalHost()) {
            assertThat(host.run(arm(pid, script), T).ok()).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Files.exists(pid) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(host.run(Command.of("sh", "-c", ArmedRevert.KILL_SCRIPT, "sh", pid.toString()), T).ok()).isTrue();
        }
        Thread.sleep(2000);
        assertThat(fired).doesNotExist();
    }
}
