package dev.nettune.sandbox;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.HostException;
import dev.nettune.sandbox.cloud.GuestAgent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Cloud Assistant agent of a simulated instance: runs the RunShellScript scripts NetTune sends
 * (a framed batch, {@code ShellScript.selfContained}) on the instance's shell, command by command, and
 * prints what a POSIX shell running that script prints: the boundary lines, each command's exit code
 * and its stdout and stderr in base64. Any other script is refused with exit 127, as a guest without the
 * program would. An instance's own faults (a failing command, a slow answer) apply as over SSH.
 */
public final class SandboxCloudAssistant implements GuestAgent {
    private static final Pattern BOUNDARY = Pattern.compile("nt_b=(NT-[0-9a-f]{32}-NT)");
    private static final String OUT_TAIL = " </dev/null >\"$nt_d/o\" 2>\"$nt_d/e\"";
    private static final String PIPED_HEAD = "printf '%s' \"$nt_in\" | base64 -d | ( ";
    private static final String PIPED_TAIL = " ) >\"$nt_d/o\" 2>\"$nt_d/e\"";

    private final SandboxInstance instance;

    public SandboxCloudAssistant(SandboxInstance instance) {
        this.instance = instance;
    }

    @Override
    public Result run(String script, Duration timeout) throws TimedOut, InterruptedException {
        List<String> lines = SandboxShell.scriptLines(script);
        Matcher b = lines.isEmpty() ? null : BOUNDARY.matcher(lines.get(0));
        if (b == null || !b.matches()) {
            return new Result(127, "sh: the sandbox's Cloud Assistant runs NetTune's framed scripts only\n");
        }
        String boundary = b.group(1);
        List<Command> commands = new ArrayList<>();
        String stdin = null;
        for (String raw : lines) {
            String l = raw.strip();
            if (l.startsWith("nt_in=")) {
                stdin = new String(Base64.getDecoder().decode(l.substring(6)), StandardCharsets.UTF_8);
            } else if (l.startsWith(PIPED_HEAD) && l.endsWith(PIPED_TAIL)) {
                commands.add(command(l.substring(PIPED_HEAD.length(), l.length() - PIPED_TAIL.length()), Optional.ofNullable(stdin)));
                stdin = null;
            } else if (l.startsWith("( ") && l.endsWith(" )" + OUT_TAIL)) {
                commands.add(command(l.substring(2, l.length() - OUT_TAIL.length() - 2), Optional.empty()));
            }
        }
        if (commands.isEmpty()) {
            return new Result(127, "sh: no command in the script\n");
        }
        List<CommandResult> results;
        try {
            results = instance.runAll(commands, timeout);
        } catch (HostException e) {
            if (e.getMessage().contains("timed out")) {
                throw new TimedOut("The script did not finish within " + timeout.toSeconds() + " s: " + e.getMessage());
            }
            // The guest went away under the agent (an injected drop): the output ends where it stopped.
            return new Result(143, boundary + " PID 1\n");
        }
        StringBuilder out = new StringBuilder(boundary).append(" PID 1\n");
        for (int i = 0; i < results.size(); i++) {
            CommandResult r = results.get(i);
            out.append(boundary).append(" R ").append(i).append(' ').append(r.exitCode()).append('\n');
            out.append(base64(r.stdout())).append(boundary).append(" E\n");
            out.append(base64(r.stderr())).append(boundary).append(" Z\n");
        }
        out.append(boundary).append(" DONE\n");
        return new Result(0, out.toString());
    }

    private static Command command(String text, Optional<String> stdin) {
        boolean root = text.startsWith("nt_root ");
        List<String> words = SandboxShell.shellWords(root ? text.substring("nt_root ".length()) : text);
        return new Command(words.get(0), words.subList(1, words.size()), stdin, root);
    }

    /** As coreutils' base64 prints it: 76 characters a line; nothing at all for empty input. */
    private static String base64(String text) {
        if (text.isEmpty()) {
            return "";
        }
        return Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\n";
    }
}
