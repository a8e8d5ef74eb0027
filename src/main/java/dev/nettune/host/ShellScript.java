package dev.nettune.host;

import dev.nettune.Phrase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Renders structured {@link Command}s to POSIX shell text for adapters that can only send text
 * (SSH): every argument quoted, root through {@code sudo -n} unless the login is root, standard
 * input fed through the channel (never spliced into the text), and a batch of commands framed so
 * that each one's exit code, stdout and stderr come back separately whatever they contain.
 */
public final class ShellScript {
    /** sudo's own words when it would have to ask for a password and {@code -n} forbids it. */
    public static final String SUDO_PASSWORD_REQUIRED = "sudo: a password is required";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private ShellScript() {
    }

    /** The command as one line of shell text: quoted program and arguments, sudo when it needs root. */
    public static String commandLine(Command command) {
        String text = ShellQuoting.join(command.program(), command.args());
        return command.needsRoot() ? "sudo -n -- " + text : text;
    }

    /**
     * The command wrapped so that it runs as root directly when the login is root and through
     * {@code sudo -n} otherwise, and replaces the shell ({@code exec}) so signals reach it.
     * The first line it prints is {@code <boundary> PID <pid>} (see {@link #streamPid}).
     */
    public static String stream(Command command, String boundary) {
        String text = ShellQuoting.join(command.program(), command.args());
        StringBuilder sb = new StringBuilder();
        sb.append("printf '%s PID %s\\n' ").append(boundary).append(" \"$$\"\n");
        if (command.needsRoot()) {
            sb.append("if [ \"$(id -u)\" = 0 ]; then exec ").append(text)
              .append("; else exec sudo -n -- ").append(text).append("; fi\n");
        } else {
            sb.append("exec ").append(text).append('\n');
        }
        return sb.toString();
    }

    /** The pid announced by the first line of a {@link #stream} script, if this is that line. */
    public static OptionalLong streamPid(String line, String boundary) {
        String prefix = boundary + " PID ";
        if (line.startsWith(prefix)) {
            try {
                return OptionalLong.of(Long.parseLong(line.substring(prefix.length()).strip()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    /** A fresh boundary: random, so no output can forge it; letters a base64 line never holds. */
    public static String newBoundary() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "NT-" + HEX.formatHex(b) + "-NT";
    }

    /**
     * A script that kills the process {@code pid} and all its descendants (TERM, then KILL a
     * second later): what a timeout or a cancel leaves behind on the host.
     */
    public static String killTree(long pid) {
        return "nt_kids() { pgrep -P \"$1\" 2>/dev/null || ps -o pid= --ppid \"$1\" 2>/dev/null; }\n"
                + "nt_tree() { for nt_c in $(nt_kids \"$1\"); do nt_tree \"$nt_c\"; done; printf '%s ' \"$1\"; }\n"
                + "nt_p=$(nt_tree " + pid + ")\n"
                + "kill -TERM $nt_p 2>/dev/null\n"
                + "sleep 1\n"
                + "kill -KILL $nt_p 2>/dev/null\n"
                + "exit 0\n";
    }

    /**
     * A batch script: the text to run with {@code sh -c}, and the bytes to write to its standard
     * input (the sudo password if one is given, then each command's stdin, each as one base64 line).
     */
    public record Batch(String boundary, String script, byte[] stdin, List<Command> commands) {
        /** Parses what the script printed back into one result per command, in order. */
        public List<CommandResult> parse(String output) throws HostException {
            return ShellScript.parse(this, output);
        }

        /** The pid of the shell running the batch, once its first line has arrived. */
        public OptionalLong pid(String outputSoFar) {
            for (String line : outputSoFar.split("\n", -1)) {
                OptionalLong pid = streamPid(line, boundary);
                if (pid.isPresent()) {
                    return pid;
                }
            }
            return OptionalLong.empty();
        }
    }

    /** Renders {@code commands} as one script (one round trip), with no sudo password. */
    public static Batch batch(List<Command> commands) {
        return batch(commands, Optional.empty());
    }

    /**
     * Renders {@code commands} as one script. With a sudo password, a non-root login validates it
     * once ({@code sudo -S -v}, the password read from stdin) before the commands run with
     * {@code sudo -n}; the password never appears in the script text.
     */
    public static Batch batch(List<Command> commands, Optional<char[]> sudoPassword) {
        return batch(commands, sudoPassword, false);
    }

    /**
     * Renders {@code commands} as one self-contained script for transports without a standard input
     * (ECS Cloud Assistant runs a script and returns its output): each command's stdin is in the text as
     * one base64 word ({@code nt_in=...}, letters a shell never expands), the framing the same as
     * {@link #batch}. Such a script runs as root there; a non-root run would use {@code sudo -n}.
     */
    public static Batch selfContained(List<Command> commands) {
        return batch(commands, Optional.empty(), true);
    }

    private static Batch batch(List<Command> commands, Optional<char[]> sudoPassword, boolean inline) {
        if (commands.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one command; got none.");
        }
        String b = newBoundary();
        boolean anyRoot = commands.stream().anyMatch(Command::needsRoot);
        StringBuilder in = new StringBuilder();
        StringBuilder s = new StringBuilder(256 + commands.size() * 200);
        s.append("nt_b=").append(b).append('\n');
        s.append("printf '%s PID %s\\n' \"$nt_b\" \"$$\"\n");
        s.append("command -v base64 >/dev/null 2>&1 || { printf '%s FAIL %s\\n' \"$nt_b\" 'base64 is not installed'; exit 97; }\n");
        s.append("nt_d=$(mktemp -d 2>/dev/null || mktemp -d -t nettune.XXXXXX) || { printf '%s FAIL %s\\n' \"$nt_b\" 'mktemp failed'; exit 97; }\n");
        s.append("trap 'rm -rf \"$nt_d\"' EXIT\n");
        s.append("trap 'exit 143' HUP INT TERM\n");
        if (anyRoot) {
            s.append("nt_u=$(id -u)\n");
            s.append("nt_root() { if [ \"$nt_u\" = 0 ]; then \"$@\"; else sudo -n -- \"$@\"; fi; }\n");
            if (sudoPassword.isPresent()) {
                in.append(base64(new String(sudoPassword.get()))).append('\n');
                s.append("IFS= read -r nt_pw\n");
                s.append("if [ \"$nt_u\" != 0 ]; then\n");
                s.append("  { printf '%s' \"$nt_pw\" | base64 -d; echo; } | sudo -S -p '' -v 2>\"$nt_d/s\"\n");
                s.append("  nt_rc=$?\n");
                s.append("  if [ \"$nt_rc\" != 0 ]; then printf '%s SUDO %s\\n' \"$nt_b\" \"$nt_rc\"; base64 <\"$nt_d/s\"; exit 98; fi\n");
                s.append("fi\n");
                s.append("nt_pw=\n");
            }
        }
        for (int i = 0; i < commands.size(); i++) {
            Command c = commands.get(i);
            String text = ShellQuoting.join(c.program(), c.args());
            String run = "( " + (c.needsRoot() ? "nt_root " : "") + text + " )";
            if (c.stdin().isPresent() && inline) {
                s.append("nt_in=").append(base64(c.stdin().get())).append('\n');
                s.append("printf '%s' \"$nt_in\" | base64 -d | ").append(run)
                 .append(" >\"$nt_d/o\" 2>\"$nt_d/e\"\n");
            } else if (c.stdin().isPresent()) {
                in.append(base64(c.stdin().get())).append('\n');
                s.append("IFS= read -r nt_in\n");
                s.append("printf '%s' \"$nt_in\" | base64 -d | ").append(run)
                 .append(" >\"$nt_d/o\" 2>\"$nt_d/e\"\n");
            } else {
                s.append(run).append(" </dev/null >\"$nt_d/o\" 2>\"$nt_d/e\"\n");
            }
            s.append("nt_rc=$?\n");
            s.append("printf '%s R ").append(i).append(" %s\\n' \"$nt_b\" \"$nt_rc\"\n");
            s.append("base64 <\"$nt_d/o\"; printf '%s E\\n' \"$nt_b\"; base64 <\"$nt_d/e\"; printf '%s Z\\n' \"$nt_b\"\n");
        }
        s.append("printf '%s DONE\\n' \"$nt_b\"\n");
        return new Batch(b, s.toString(), in.toString().getBytes(StandardCharsets.US_ASCII), commands);
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<CommandResult> parse(Batch batch, String output) throws HostException {
        String b = batch.boundary() + " ";
        List<CommandResult> results = new ArrayList<>(batch.commands().size());
        String[] lines = output.split("\r?\n", -1);
        boolean done = false;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i++];
            if (!line.startsWith(b)) {
                continue; // anything a login script printed around ours
            }
            String[] f = line.substring(b.length()).split(" ", 3);
            switch (f[0]) {
                case "FAIL":
                    throw new HostException(Phrase.of("host.script.cannotRun", "The host cannot run NetTune's command script: {0}.",
                            f.length > 1 ? failReason(line.substring(b.length() + 5)) : Phrase.of("host.script.unknownReason", "unknown reason")));
                case "SUDO": {
                    StringBuilder err = new StringBuilder();
                    while (i < lines.length && !lines[i].startsWith(b)) {
                        err.append(lines[i++]);
                    }
                    String msg = decode(err.toString()).strip();
                    throw new SudoPasswordRequiredException(msg.isEmpty()
                            ? Phrase.of("host.sudo.rejected", "sudo did not accept the password. Enter the sudo password of this login again.")
                            : Phrase.of("host.sudo.rejectedSaying", "sudo did not accept the password ({0}). Enter the sudo password of this login again.", msg),
                            true);
                }
                case "R": {
                    int index = Integer.parseInt(f[1]);
                    int exit = Integer.parseInt(f[2].strip());
                    StringBuilder out = new StringBuilder();
                    while (i < lines.length && !lines[i].equals(batch.boundary() + " E")) {
                        out.append(lines[i++]);
                    }
                    i++;
                    StringBuilder err = new StringBuilder();
                    while (i < lines.length && !lines[i].equals(batch.boundary() + " Z")) {
                        err.append(lines[i++]);
                    }
                    i++;
                    if (index != results.size()) {
                        throw new HostException(Phrase.of("host.script.outOfOrder", "The host's answer is out of order (result {0} where {1} was expected).",
                                index, results.size()));
                    }
                    Command c = batch.commands().get(index);
                    String stderr = decode(err.toString());
                    if (c.needsRoot() && exit == 1 && stderr.contains(SUDO_PASSWORD_REQUIRED)) {
                        throw new SudoPasswordRequiredException(Phrase.of("host.sudo.needed", "'{0}' needs root, and sudo on this host"
                                + " asks for a password (sudo: a password is required). Enter the sudo password"
                                + " (kept in memory only), log in as root, or allow the user passwordless sudo.", c.display()), false);
                    }
                    results.add(new CommandResult(c, exit, decode(out.toString()), stderr));
                    break;
                }
                case "DONE":
                    done = true;
                    break;
                default:
                    break;
            }
        }
        if (!done || results.size() != batch.commands().size()) {
            throw new HostException(Phrase.of("host.script.endedEarly", "The host's answer ended early: {0} of {1} commands reported back"
                    + " (the connection dropped or the shell was killed).", results.size(), batch.commands().size()));
        }
        return results;
    }

    private static String decode(String base64) throws HostException {
        try {
            return new String(Base64.getMimeDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HostException(Phrase.of("host.script.garbled", "The host's answer is garbled (bad base64): {0}", e.getMessage()), e);
        }
    }

    /** The script's own FAIL words (written by NetTune, above) in the user's language; anything else as the host printed it. */
    private static Object failReason(String said) {
        return switch (said.strip()) {
            case "base64 is not installed" -> Phrase.of("host.script.noBase64", "base64 is not installed");
            case "mktemp failed" -> Phrase.of("host.script.mktempFailed", "mktemp failed");
            default -> said;
        };
    }
}
