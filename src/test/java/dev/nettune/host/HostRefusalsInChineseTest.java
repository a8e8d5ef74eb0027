package dev.nettune.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.nettune.Phrase;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.testing.EnglishLeft;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Refusals of the host package in Chinese: a host that answers fewer probes than asked (a shell cut short), a command
 * argument with a NUL character (a value from a profile file), a program name that is not one. The English is as it was.
 */
class HostRefusalsInChineseTest {
    @Test
    void aHostThatAnswersTooFewProbesIsRefusedInChinese() {
        SandboxInstance box = SandboxInstance.demo();
        // The sandbox's answers with the last one lost, as a connection that dropped the end of the batch.
        Host cut = new Host() {
            @Override
            public String name() {
                return "web1";
            }

            @Override
            public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
                return box.run(command, timeout);
            }

            @Override
            public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
                List<CommandResult> all = box.runAll(commands, timeout);
                return all.subList(0, all.size() - 1);
            }

            @Override
            public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
                return box.stream(command, sink);
            }

            @Override
            public void close() {
            }
        };
        Throwable t = catchThrowable(() -> new HostStateReader().read(cut, Optional.empty(), Duration.ofSeconds(10)));

        assertThat(t).isInstanceOf(HostException.class).hasMessageMatching("web1 answered \\d+ of \\d+ probes\\.");
        String zh = Phrase.describe(t, Locale.SIMPLIFIED_CHINESE);
        assertThat(zh).matches("web1 只回答了 \\d+ 个探测中的 \\d+ 个。");
        assertThat(EnglishLeft.in(List.of(zh))).isEmpty();
    }

    @Test
    void aCommandNoHostCouldRunIsRefusedInChinese() {
        Throwable nul = catchThrowable(() -> Command.of("sysctl", "-w", "net.core.somaxconn=4096\0"));
        Throwable program = catchThrowable(() -> Command.of("rm -rf /", "x"));

        assertThat(nul).isInstanceOf(IllegalArgumentException.class).hasMessage("An argument of sysctl contains a NUL character;"
                + " programs receive C strings, so any character but NUL is allowed.");
        assertThat(program).hasMessage("Not a program name: 'rm -rf /'.");
        List<String> zh = List.of(Phrase.describe(nul, Locale.SIMPLIFIED_CHINESE), Phrase.describe(program, Locale.SIMPLIFIED_CHINESE));
        assertThat(zh).allMatch(t -> t.matches("(?s).*\\p{IsHan}.*"));
        assertThat(EnglishLeft.in(zh)).isEmpty();
    }
}
