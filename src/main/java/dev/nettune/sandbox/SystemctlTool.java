package dev.nettune.sandbox;

import dev.nettune.host.Command;
import java.util.List;

/**
 * systemd's {@code systemctl} (is-active, is-enabled, enable, disable, start, restart, stop, reload,
 * try-restart, daemon-reload) over the sandbox's services and the unit files in
 * {@code /etc/systemd/system}, whose {@code ExecStart=} lines run through the sandbox's shell.
 */
final class SystemctlTool implements SandboxTool {
    private final SandboxServices services;
    private final SandboxFilesystem fs;
    private final SandboxShell shell;

    SystemctlTool(SandboxServices services, SandboxFilesystem fs, SandboxShell shell) {
        this.services = services;
        this.fs = fs;
        this.shell = shell;
    }

    @Override
    public int run(Call c) {
        List<String> args = c.args().stream().filter(s -> !s.startsWith("-")).toList();
        StringBuilder out = c.out();
        StringBuilder err = c.err();
        if (args.isEmpty()) {
            err.append("systemctl: the sandbox needs a verb\n");
            return 1;
        }
        String verb = args.get(0);
        List<String> units = args.subList(1, args.size());
        switch (verb) {
            case "is-active" -> {
                boolean all = true;
                for (String u : units) {
                    String s = services.services.getOrDefault(SandboxServices.strip(u), "inactive");
                    out.append(s).append('\n');
                    all &= s.equals("active");
                }
                return all ? 0 : 3;
            }
            case "is-enabled" -> {
                boolean all = true;
                for (String u : units) {
                    boolean e = services.enabledUnits.contains(SandboxServices.strip(u) + ".service");
                    out.append(e ? "enabled" : "disabled").append('\n');
                    all &= e;
                }
                return all ? 0 : 1;
            }
            case "daemon-reload" -> {
                return 0;
            }
            case "enable", "disable" -> {
                return enable(verb, units, err);
            }
            case "start", "restart", "stop", "reload", "try-restart" -> {
                return startStop(verb, units, out, err);
            }
            default -> {
                err.append("Unknown command verb ").append(verb).append(".\n");
                return 1;
            }
        }
    }

    private int enable(String verb, List<String> units, StringBuilder err) {
        for (String u : units) {
            String unit = SandboxServices.strip(u) + ".service";
            if (!services.services.containsKey(SandboxServices.strip(u)) && !fs.files().containsKey("/etc/systemd/system/" + unit)
                    && !fs.files().containsKey(SandboxServices.templatePath(unit))) {
                err.append("Failed to ").append(verb).append(" unit: Unit file ").append(unit).append(" does not exist.\n");
                return 1;
            }
            if (verb.equals("enable")) {
                if (services.enabledUnits.add(unit)) {
                    err.append("Created symlink /etc/systemd/system/multi-user.target.wants/").append(unit)
                            .append(" \u2192 /etc/systemd/system/").append(unit).append(".\n");
                }
            } else if (services.enabledUnits.remove(unit)) {
                err.append("Removed /etc/systemd/system/multi-user.target.wants/").append(unit).append(".\n");
            }
        }
        return 0;
    }

    private int startStop(String verb, List<String> units, StringBuilder out, StringBuilder err) {
        for (String u : units) {
            if (verb.equals("try-restart") && !services.active(SandboxServices.strip(u))) {
                continue;
            }
            if (u.endsWith(".timer")) {
                String unit = u.substring(0, u.length() - ".timer".length());
                if (!verb.equals("stop") || services.timers.remove(unit) == null) {
                    err.append("Failed to ").append(verb).append(' ').append(u).append(": Unit ").append(u).append(" not loaded.\n");
                    return 5;
                }
                continue;
            }
            String s = SandboxServices.strip(u);
            String path = "/etc/systemd/system/" + s + ".service";
            if (!services.services.containsKey(s) && !fs.files().containsKey(path)) {
                err.append("Failed to ").append(verb).append(' ').append(s).append(".service: Unit ").append(s)
                        .append(".service not found.\n");
                return 5;
            }
            if (verb.equals("stop")) {
                services.services.put(s, "inactive");
            } else {
                if (fs.files().containsKey(path)) {
                    int rc = runUnit(path, "", out, err);
                    if (rc != 0) {
                        services.services.put(s, "failed");
                        err.append("Job for ").append(s).append(".service failed because the control process exited with error code.\n");
                        return 1;
                    }
                }
                services.services.put(s, "active");
                if (s.equals("NetworkManager")) {
                    // (Re)started or reloaded: it reads conf.d again.
                    services.networkManagerConf = NmcliTool.confD(fs);
                }
            }
        }
        return 0;
    }

    /** Starts an enabled unit at boot: its own file, or its template's with %i as the instance name. */
    void startAtBoot(String unit) {
        String path = "/etc/systemd/system/" + unit;
        if (fs.files().containsKey(path)) {
            runUnit(path, "", new StringBuilder(), new StringBuilder());
        } else if (fs.files().containsKey(SandboxServices.templatePath(unit))) {
            runUnit(SandboxServices.templatePath(unit), SandboxServices.instanceOf(unit), new StringBuilder(), new StringBuilder());
        }
    }

    /** Runs a unit's ExecStart= lines with %i as {@code instance}; a program that is a script file runs as a script. */
    private int runUnit(String path, String instance, StringBuilder out, StringBuilder err) {
        for (String line : fs.plain(path).replace("%i", instance).split("\n")) {
            String l = line.strip();
            if (!l.startsWith("ExecStart=")) {
                continue;
            }
            String cmd = l.substring("ExecStart=".length()).replaceFirst("^[-@+!]+", "").strip();
            if (cmd.isEmpty()) {
                continue;
            }
            String[] words = cmd.split("\\s+");
            String script = fs.plain(words[0]);
            if (script != null && script.startsWith("#!")) {
                shell.log("(unit " + path + ") " + words[0]);
                int rc = shell.runScript(script, out, err);
                if (rc != 0) {
                    return rc;
                }
                continue;
            }
            Command c = Command.of(words[0], List.of(words).subList(1, words.length));
            int rc = shell.dispatch(c, new StringBuilder(), err);
            shell.log("(unit " + path + ") " + c.display());
            if (rc != 0) {
                return rc;
            }
        }
        return 0;
    }
}
