package dev.nettune.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.host.Command;
import dev.nettune.host.HostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox's model of what a host does by itself later: systemd-run timers, detached sleepers, and refused connections. */
class SandboxTimersTest {
    private final SandboxInstance sandbox = new SandboxInstance(42, 8, 4);
    private static final Duration T = Duration.ofSeconds(5);

    private void write(String path, String content) throws Exception {
        assertThat(sandbox.run(Command.of("tee", path).withStdin(content), T).ok()).isTrue();
    }

    @Test
    void aTransientTimerRunsItsScriptOnceItsTimeHasCome() throws Exception {
        write("/run/nettune/r.sh", "#!/bin/sh\nset +e\nsysctl -w net.ipv4.tcp_fin_timeout=33\n");
        assertThat(sandbox.run(Command.of("systemd-run", "--on-active=60s", "--unit=nettune-revert-x", "/bin/sh",
                "/run/nettune/r.sh"), T).ok()).isTrue();

        sandbox.advanceTime(Duration.ofSeconds(59));
        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
        sandbox.advanceTime(Duration.ofSeconds(1));

        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("33");
        assertThat(sandbox.armedTimers()).isEmpty();
    }

    @Test
    void aStoppedTimerNeverFires() throws Exception {
        write("/run/nettune/r.sh", "sysctl -w net.ipv4.tcp_fin_timeout=33\n");
        sandbox.run(Command.of("systemd-run", "--on-active=60s", "--unit=nettune-revert-y", "/bin/sh", "/run/nettune/r.sh"), T);

        assertThat(sandbox.run(Command.of("systemctl", "stop", "nettune-revert-y.timer"), T).ok()).isTrue();
        sandbox.advanceTime(Duration.ofMinutes(2));

        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
    }

    @Test
    void aScriptWritesQuotedFileContentExactly() throws Exception {
        write("/run/nettune/r.sh", "printf '%s' 'a = 1\nit'\"'\"'s | > fine\n' > /etc/sysctl.d/x.conf\n");
        sandbox.run(Command.of("systemd-run", "--on-active=1s", "--unit=nettune-revert-z", "/bin/sh", "/run/nettune/r.sh"), T);

        sandbox.advanceTime(Duration.ofSeconds(1));

        assertThat(sandbox.file("/etc/sysctl.d/x.conf")).contains("a = 1\nit's | > fine\n");
    }

    @Test
    void shellWordsFollowPosixQuoting() {
        assertThat(SandboxInstance.shellWords("ethtool -X 'eth1' hkey a:b")).containsExactly("ethtool", "-X", "eth1", "hkey", "a:b");
        assertThat(SandboxInstance.shellWords("printf '%s' 'x y' | tee /p")).containsExactly("printf", "%s", "x y", "|", "tee", "/p");
    }

    @Test
    void withoutSystemdTheDetachedSleeperIsKilledThroughItsPidFile() throws Exception {
        sandbox.systemd(false);
        write("/run/nettune/r.sh", "sysctl -w net.ipv4.tcp_fin_timeout=33\n");
        assertThat(sandbox.run(Command.of("test", "-d", "/run/systemd/system"), T).ok()).isFalse();
        sandbox.run(Command.of("setsid", "-f", "sh", "-c", "exec >/dev/null 2>&1 </dev/null; echo $$ > /run/nettune/r.pid;"
                + " sleep 60; exec /bin/sh /run/nettune/r.sh"), T);

        assertThat(sandbox.run(Command.of("pkill", "-F", "/run/nettune/r.pid"), T).ok()).isTrue();
        sandbox.advanceTime(Duration.ofMinutes(2));

        assertThat(sandbox.sysctlValue("net.ipv4.tcp_fin_timeout")).contains("60");
    }

    @Test
    void refusedConnectionsFailAndThenConnectAgain() throws Exception {
        sandbox.faults().refuseNextConnections(1);

        assertThatThrownBy(sandbox::connect).isInstanceOf(HostException.class).hasMessageContaining("timed out");
        assertThat(sandbox.connect()).isSameAs(sandbox);
        assertThat(List.of(sandbox.run(Command.of("modinfo", "-n", "smc"), T).stdout())).allMatch(s -> s.contains("smc.ko"));
    }
}
