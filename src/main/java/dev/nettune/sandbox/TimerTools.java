package dev.nettune.sandbox;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways a host runs a command later by itself, as NetTune's commit-confirmed reverts use them:
 * {@code systemd-run --on-active=Ns --unit=U CMD...} (a transient timer), and without systemd a detached
 * sleeper ({@code setsid -f sh -c '... sleep N; exec /bin/sh SCRIPT'}) stopped by {@code pkill -F PIDFILE}.
 */
final class TimerTools implements SandboxTool {
    private static final Pattern SLEEPER = Pattern.compile(".*echo \\$\\$ > (\\S+); sleep (\\d+); exec /bin/sh (\\S+)");

    private final SandboxServices services;
    private final SandboxFilesystem fs;

    TimerTools(SandboxServices services, SandboxFilesystem fs) {
        this.services = services;
        this.fs = fs;
    }

    @Override
    public int run(Call c) {
        return switch (c.program()) {
            case "systemd-run" -> systemdRun(c.args(), c.err());
            case "setsid" -> setsid(c.args(), c.err());
            default -> pkill(c.args(), c.err());
        };
    }

    /** {@code systemd-run --on-active=Ns --unit=U [--description=...] PROGRAM ARGS...}: a transient timer. */
    private int systemdRun(List<String> a, StringBuilder err) {
        if (!services.systemd) {
            err.append("bash: line 1: systemd-run: command not found\n");
            return 127;
        }
        Duration after = null;
        String unit = null;
        int i = 0;
        for (; i < a.size() && a.get(i).startsWith("--"); i++) {
            String o = a.get(i);
            if (o.startsWith("--on-active=")) {
                String v = o.substring("--on-active=".length());
                after = Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
            } else if (o.startsWith("--unit=")) {
                unit = o.substring("--unit=".length());
            }
        }
        if (after == null || unit == null || i >= a.size()) {
            err.append("systemd-run: the sandbox models only --on-active=Ns --unit=NAME COMMAND...\n");
            return 1;
        }
        if (services.timers.containsKey(unit)) {
            err.append("Failed to start transient timer unit: Unit ").append(unit).append(".timer already exists.\n");
            return 1;
        }
        services.timers.put(unit, new SandboxServices.ArmedTimer(services.clock.plus(after), List.copyOf(a.subList(i, a.size())), null));
        err.append("Running timer as unit: ").append(unit).append(".timer\nWill run service as unit: ").append(unit)
                .append(".service\n");
        return 0;
    }

    /** {@code setsid -f sh -c '... echo $$ > PIDFILE; sleep N; exec /bin/sh SCRIPT'}: a detached sleeper. */
    int setsid(List<String> a, StringBuilder err) {
        if (a.size() == 4 && a.get(0).equals("-f") && a.get(1).equals("sh") && a.get(2).equals("-c")) {
            Matcher m = SLEEPER.matcher(a.get(3));
            if (m.matches()) {
                String pid = Integer.toString(4000 + services.timers.size());
                fs.files().put(m.group(1), pid + "\n");
                services.timers.put("sleeper-" + pid, new SandboxServices.ArmedTimer(
                        services.clock.plus(Duration.ofSeconds(Long.parseLong(m.group(2)))), List.of("/bin/sh", m.group(3)), m.group(1)));
                return 0;
            }
        }
        err.append("setsid: the sandbox models only NetTune's detached revert sleeper\n");
        return 1;
    }

    /** {@code pkill -F PIDFILE}: stops a detached sleeper. */
    int pkill(List<String> a, StringBuilder err) {
        if (a.size() == 2 && a.get(0).equals("-F")) {
            String pid = fs.plain(a.get(1));
            if (pid == null) {
                err.append("pkill: Error reading pidfile ").append(a.get(1)).append(": No such file or directory\n");
                return 1;
            }
            boolean killed = services.timers.remove("sleeper-" + pid.strip()) != null;
            return killed ? 0 : 1;
        }
        err.append("pkill: the sandbox models only pkill -F PIDFILE\n");
        return 2;
    }
}
