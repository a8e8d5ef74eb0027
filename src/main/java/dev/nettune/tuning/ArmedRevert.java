package dev.nettune.tuning;

import dev.nettune.host.Command;
import dev.nettune.host.ShellQuoting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The revert NetTune arms on a host before a change that can cut its connection: a script that
 * puts back every step done so far (newest first), started by a timer ({@code systemd-run
 * --on-active}) or, without systemd, by a detached sleeper. Confirming over a fresh connection
 * disarms it; if NetTune cannot reconnect, the host reverts by itself.
 */
public record ArmedRevert(String unit, String script, boolean systemd, Duration timeout, String scriptContent) {
    /**
     * Starts "$1" detached from the SSH session, in its own session where {@code setsid} exists, else
     * under {@code nohup}. Portable on purpose: busybox has neither {@code setsid -f} nor {@code pkill -F}
     * (the rig guest refused both), and a revert that cannot be armed there would roll back every step.
     */
    public static final String DETACH_SCRIPT = "( if command -v setsid >/dev/null 2>&1; then exec setsid sh -c \"$1\"; "
            + "else exec nohup sh -c \"$1\"; fi ) </dev/null >/dev/null 2>&1 &";

    /** Stops the detached sleeper whose pid file is "$1". */
    public static final String KILL_SCRIPT = "kill \"$(cat \"$1\")\"";

    public static final String DIR = "/run/nettune";

    public ArmedRevert {
        if (!unit.matches("nettune-revert-[a-z0-9-]{1,80}")) {
            throw new IllegalArgumentException("Not a revert unit name: " + unit);
        }
    }

    /** The revert for {@code step} of {@code plan}, undoing it and then {@code done} in reverse. */
    public static ArmedRevert forStep(Plan plan, Step step, List<Step> done, Duration timeout) {
        String unit = "nettune-revert-" + plan.id() + "-" + step.seq();
        String script = DIR + "/" + unit + ".sh";
        List<Action> actions = new ArrayList<>(step.revertActions());
        for (int i = done.size() - 1; i >= 0; i--) {
            actions.addAll(done.get(i).revertActions());
        }
        StringBuilder sb = new StringBuilder("#!/bin/sh\n")
                .append("# NetTune commit-confirmed revert for plan ").append(plan.id()).append(", step ")
                .append(step.seq()).append(" (").append(step.change().title().replace('\n', ' ')).append(").\n")
                .append("# Runs ").append(timeout.toSeconds())
                .append(" s after arming unless NetTune confirms a new connection and disarms it.\n")
                .append("set +e\n");
        for (Action a : actions) {
            sb.append(render(a));
        }
        sb.append("rm -f ").append(ShellQuoting.quote(script)).append('\n');
        return new ArmedRevert(unit, script, plan.facts().systemd(), timeout, sb.toString());
    }

    static String render(Action a) {
        StringBuilder sb = new StringBuilder();
        if (a instanceof Action.WriteFile w) {
            sb.append("mkdir -p ").append(ShellQuoting.quote(w.directory())).append('\n');
            sb.append("printf '%s' ").append(ShellQuoting.quote(w.content())).append(" > ")
                    .append(ShellQuoting.quote(w.tempPath())).append('\n');
            sb.append("chmod ").append(w.mode()).append(' ').append(ShellQuoting.quote(w.tempPath())).append('\n');
            sb.append("mv -f ").append(ShellQuoting.quote(w.tempPath())).append(' ')
                    .append(ShellQuoting.quote(w.path())).append('\n');
        } else if (a instanceof Action.RemoveFile r) {
            sb.append("rm -f ").append(ShellQuoting.quote(r.path())).append('\n');
        } else if (a instanceof Action.Run r) {
            Command c = r.command();
            if (c.stdin().isPresent()) {
                sb.append("printf '%s' ").append(ShellQuoting.quote(c.stdin().get())).append(" | ");
            }
            sb.append(ShellQuoting.join(c.program(), c.args())).append('\n');
        }
        return sb.toString();
    }

    public String pidFile() {
        return DIR + "/" + unit + ".pid";
    }

    /** Writes the script, then starts the timer (or the detached sleeper). */
    public List<Action> armActions() {
        List<Action> a = new ArrayList<>();
        a.add(new Action.WriteFile(script, scriptContent, "700"));
        long s = timeout.toSeconds();
        if (systemd) {
            a.add(new Action.Run(Command.of("systemd-run", "--on-active=" + s + "s", "--unit=" + unit,
                    "--description=NetTune revert unless confirmed", "/bin/sh", script).asRoot()));
        } else {
            // Only NetTune's own unit name and a number go into the sleeper's text; no user value does.
            a.add(new Action.Run(Command.of("sh", "-c", DETACH_SCRIPT, "sh",
                    "echo $$ > " + pidFile() + "; sleep " + s + "; exec /bin/sh " + script).asRoot()));
        }
        return a;
    }

    /** The commands that stop the timer (or the sleeper) and remove the script; the first only for systemd. */
    public List<Command> disarmCommands() {
        if (systemd) {
            return List.of(Command.of("systemctl", "stop", unit + ".timer").asRoot(),
                    Command.of("rm", "-f", script).asRoot());
        }
        return List.of(Command.of("sh", "-c", KILL_SCRIPT, "sh", pidFile()).asRoot(),
                Command.of("rm", "-f", script, pidFile()).asRoot());
    }
}
