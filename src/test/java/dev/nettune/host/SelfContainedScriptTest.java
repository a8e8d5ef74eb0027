package dev.nettune.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The script Cloud Assistant runs ({@link ShellScript#selfContained}) is real POSIX shell: run by this
 * machine's /bin/sh with no stdin at all, each command's exit code, stdout and stderr come back apart,
 * standard input inlined in the text reaches its command byte for byte, and a hostile argument stays one word.
 */
class SelfContainedScriptTest {
    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void eachCommandsResultComesBackApartFromARealShell() throws Exception {
        List<Command> commands = List.of(
                Command.of("printf", "%s", "a'b; $(reboot) `x`"),
                Command.of("sh", "-c", "echo oops >&2; exit 3"),
                Command.of("cat").withStdin("line one\nline 'two'\n\u00e9\n"));
        ShellScript.Batch batch = ShellScript.selfContained(commands);

        List<CommandResult> results = batch.parse(sh(batch.script()));

        assertThat(results.get(0).stdout()).isEqualTo("a'b; $(reboot) `x`");
        assertThat(results.get(1).exitCode()).isEqualTo(3);
        assertThat(results.get(1).stderr()).isEqualTo("oops\n");
        assertThat(results.get(2).stdout()).isEqualTo("line one\nline 'two'\n\u00e9\n");
        assertThat(batch.stdin()).isEmpty();
    }
}
