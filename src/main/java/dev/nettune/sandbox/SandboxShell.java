package dev.nettune.sandbox;

import dev.nettune.host.Command;
import dev.nettune.linux.FlowType;
import dev.nettune.linux.HostStateScript;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.tuning.ArmedRevert;
import dev.nettune.tuning.HostLock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's shell: runs a structured command by handing it to the {@link SandboxTool} for its
 * program, runs NetTune's own scripts (revert scripts, unit scripts, the per-NIC probe, the IRQ
 * affinity probe, {@code echo VALUE > FILE}) line by line, and keeps the log of every command line.
 * Not thread-safe: the instance's lock guards it.
 */
final class SandboxShell {
    private static final Pattern ECHO_REDIRECT =
            Pattern.compile("\\s*echo(?:\\s+(?:'([^']*)'|\"([^\"]*)\"|(\\S+)))?\\s*(>>?)\\s*(\\S+)\\s*");

    private final SandboxKernel kernel;
    private final SandboxFilesystem fs;
    private final Map<String, SandboxTool> tools = new HashMap<>();
    private final TimerTools timers;
    private final SandboxServices services;
    private final FileTools files;
    private final List<String> log = new ArrayList<>();

    SandboxShell(SandboxKernel kernel, SandboxFilesystem fs, SandboxServices services, SandboxFaults faults) {
        this.kernel = kernel;
        this.fs = fs;
        this.services = services;
        this.timers = new TimerTools(services, fs);
        this.files = new FileTools(kernel, services, fs);
        tools.put("ethtool", new EthtoolTool(kernel, faults));
        tools.put("sysctl", new SysctlTool(kernel.sysctls, fs));
        for (String p : List.of("cat", "tee", "mv", "cp", "rm", "ls", "test", "readlink", "grep", "chmod")) {
            tools.put(p, files);
        }
        ModuleTools modules = new ModuleTools(kernel);
        for (String p : List.of("modprobe", "lsmod", "modinfo")) {
            tools.put(p, modules);
        }
        tools.put("nmcli", new NmcliTool(kernel, services, fs));
        tools.put("systemctl", new SystemctlTool(services, fs, this));
        SystemInfoTools info = new SystemInfoTools(kernel);
        tools.put("uname", info);
        tools.put("nproc", info);
        tools.put("ip", new IpTool(kernel));
        tools.put("ss", new SsTool(kernel));
        tools.put("conntrack", new ConntrackTool(kernel));
        for (String p : List.of("systemd-run", "setsid", "pkill")) {
            tools.put(p, timers);
        }
    }

    SysctlTool sysctl() {
        return (SysctlTool) tools.get("sysctl");
    }

    SystemctlTool systemctl() {
        return (SystemctlTool) tools.get("systemctl");
    }

    void log(String line) {
        log.add(line);
    }

    List<String> log() {
        return log;
    }

    /** Runs one command; a command the sandbox cannot make sense of fails like a tool given bad arguments. */
    int dispatch(Command c, StringBuilder out, StringBuilder err) {
        String program = c.program().substring(c.program().lastIndexOf('/') + 1);
        List<String> a = c.args();
        try {
            switch (program) {
                case "mkdir", "true", "sync", "udevadm" -> {
                    return 0;
                }
                case "printenv" -> {
                    return 1;
                }
                case "timeout" -> {
                    return timeout(a, c.stdin(), out, err);
                }
                case "sh", "bash" -> {
                    if (SamplerScript.isOnceCommand(c)) {
                        String frame = kernel.samplerFrame(SamplerScript.nicOf(c));
                        out.append(SamplerScript.isCountersCommand(c) ? SamplerScript.countersOnly(frame) : frame);
                        return 0;
                    }
                    return shell(a, out, err);
                }
                default -> {
                    SandboxTool tool = tools.get(program);
                    if (tool == null) {
                        err.append("bash: line 1: ").append(program).append(": command not found\n");
                        return 127;
                    }
                    return tool.run(new SandboxTool.Call(program, a, c.stdin().orElse(""), out, err));
                }
            }
        } catch (RuntimeException e) {
            err.append(program).append(": ").append(e.getMessage()).append('\n');
            return 1;
        }
    }

    /** coreutils {@code timeout [-s SIG] [-k D] DURATION CMD...}: the sandbox's programs all end at once. */
    private int timeout(List<String> a, Optional<String> stdin, StringBuilder out, StringBuilder err) {
        int i = 0;
        while (i < a.size() && a.get(i).startsWith("-")) {
            i += a.get(i).equals("-s") || a.get(i).equals("-k") ? 2 : 1;
        }
        if (i + 1 >= a.size() || !a.get(i).matches("\\d+(\\.\\d+)?[smhd]?")) {
            err.append("timeout: missing operand\nTry 'timeout --help' for more information.\n");
            return 125;
        }
        return dispatch(new Command(a.get(i + 1), a.subList(i + 2, a.size()), stdin, false), out, err);
    }

    /**
     * Runs a shell script NetTune wrote (a commit-confirmed revert): one command a line, words in
     * POSIX quoting, plus {@code printf '%s' TEXT > FILE} and {@code printf '%s' TEXT | CMD}.
     */
    int runScript(String script, StringBuilder out, StringBuilder err) {
        int last = 0;
        for (String line : scriptLines(script)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("set ")) {
                continue;
            }
            l = l.endsWith("|| true") ? l.substring(0, l.length() - "|| true".length()).strip() : l;
            List<String> w = shellWords(l);
            int pipe = w.indexOf("|");
            int redirect = w.indexOf(">");
            if (!w.isEmpty() && w.get(0).equals("echo") && redirect > 0 && redirect == w.size() - 2) {
                String e = fs.write(w.get(w.size() - 1), String.join(" ", w.subList(1, redirect)) + "\n", false);
                last = e == null ? 0 : 1;
                if (last != 0) {
                    err.append("sh: echo: write error: ").append(e).append('\n');
                }
                continue;
            }
            if (!w.isEmpty() && w.get(0).equals("printf") && w.size() >= 3 && (pipe == 3 || redirect == 3)) {
                String text = w.get(2);
                if (redirect == 3 && w.size() == 5) {
                    String e = fs.write(w.get(4), text, false);
                    last = e == null ? 0 : 1;
                } else if (pipe == 3 && w.size() > 4) {
                    Command c = new Command(w.get(4), w.subList(5, w.size()), Optional.of(text), false);
                    log.add("(script) " + c.display());
                    last = dispatch(c, out, err);
                }
                continue;
            }
            if (!w.isEmpty()) {
                Command c = Command.of(w.get(0), w.subList(1, w.size()));
                log.add("(script) " + c.display());
                last = dispatch(c, out, err);
            }
        }
        return last;
    }

    /** The script's lines, a newline inside quotes staying part of its line. */
    static List<String> scriptLines(String script) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char ch = script.charAt(i);
            if (quote == 0 && (ch == '\'' || ch == '"')) {
                quote = ch;
            } else if (quote != 0 && ch == quote) {
                quote = 0;
            } else if (quote == 0 && ch == '\n') {
                lines.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(ch);
        }
        lines.add(cur.toString());
        return lines;
    }

    /** Splits a line into words as a POSIX shell does for quotes; unquoted | and > are words of their own. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\'') {
                int end = line.indexOf('\'', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == '"') {
                int end = line.indexOf('"', i + 1);
                w.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (ch == ' ' || ch == '\t') {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else if ((ch == '|' || ch == '>') && !inWord) {
                words.add(String.valueOf(ch));
            } else {
                w.append(ch);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }

    // ---- sh -c: NetTune's own scripts, and the seed's `echo VALUE > FILE` ----

    /** NetTune's host tuning lock (HostLock.ACQUIRE_SCRIPT), as the script does it with mkdir on a real host. */
    private int lockAcquire(String dir, String lines, long staleSeconds, String mayTakeOver, StringBuilder out) {
        String ownerFile = dir + "/owner";
        long now = services.clock.toSeconds();
        String held = fs.files().get(ownerFile);
        if (held == null) {
            fs.files().put(ownerFile, lines + "\nsince_epoch=" + now + "\n");
            out.append("ACQUIRED\n");
            return 0;
        }
        Map<String, String> kv = new HashMap<>();
        held.lines().forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                kv.put(l.substring(0, eq), l.substring(eq + 1));
            }
        });
        long since = Long.parseLong(kv.getOrDefault("since_epoch", Long.toString(now)));
        if (now - since >= staleSeconds || (!mayTakeOver.equals("-")
                && (mayTakeOver.equals(kv.get("plan")) || mayTakeOver.equals(kv.get("resumes"))))) {
            fs.files().put(ownerFile, lines + "\nsince_epoch=" + now + "\n");
            out.append("TAKEN_OVER\n");
            return 0;
        }
        out.append("HELD\n").append(held).append("age=").append(now - since).append('\n');
        return 1;
    }

    private int shell(List<String> a, StringBuilder out, StringBuilder err) {
        if (HostStateScript.isPerNicScript("sh", a)) {
            perNicProbe(a.subList(3, a.size()), out);
            return 0;
        }
        if (a.size() == 4 && a.get(0).equals("-c") && a.get(1).equals(ArmedRevert.DETACH_SCRIPT)) {
            return timers.setsid(List.of("-f", "sh", "-c", a.get(3)), err);
        }
        if (a.size() == 4 && a.get(0).equals("-c") && a.get(1).equals(ArmedRevert.KILL_SCRIPT)) {
            return timers.pkill(List.of("-F", a.get(3)), err);
        }
        if (a.size() == 7 && a.get(0).equals("-c") && a.get(1).equals(HostLock.ACQUIRE_SCRIPT)) {
            return lockAcquire(a.get(3), a.get(4), Long.parseLong(a.get(5)), a.get(6), out);
        }
        if (a.size() == 5 && a.get(0).equals("-c") && a.get(1).equals(HostLock.RELEASE_SCRIPT)) {
            String owner = fs.files().get(a.get(3) + "/owner");
            if (owner != null && owner.contains("\nplan=" + a.get(4) + "\n")) {
                fs.files().remove(a.get(3) + "/owner");
            }
            return 0;
        }
        if (a.size() == 2 && a.get(0).equals("-c") && a.get(1).equals(HostStateScript.IRQ_AFFINITY_SCRIPT)) {
            return files.run(new SandboxTool.Call("grep", List.of("-r", "--include=smp_affinity_list", ".", "/proc/irq"), "", out, err));
        }
        if (a.size() == 2 && a.get(0).equals("-c")) {
            Matcher m = ECHO_REDIRECT.matcher(a.get(1));
            if (m.matches()) {
                String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "";
                String target = m.group(5);
                String e = fs.write(target, value + "\n", m.group(4).equals(">>"));
                if (e != null) {
                    if (e.equals("No such file or directory") || e.equals("Permission denied")) {
                        err.append("sh: ").append(target).append(": ").append(e).append('\n');
                    } else {
                        err.append("sh: line 1: echo: write error: ").append(e).append('\n');
                    }
                    return 1;
                }
                return 0;
            }
        }
        err.append("sh: the sandbox runs only NetTune's own scripts and `echo VALUE > FILE`; use structured commands\n");
        return 2;
    }

    private void perNicProbe(List<String> only, StringBuilder out) {
        List<String> names = new ArrayList<>(only.isEmpty() ? kernel.nics.keySet() : only);
        for (String n : names) {
            SandboxNic nic = kernel.nics.get(n);
            if (nic == null) {
                out.append(HostStateScript.section(n, "missing", 1, "no such network interface"));
                continue;
            }
            probe(out, n, "ifindex", Command.of("cat", "/sys/class/net/" + n + "/ifindex"));
            probe(out, n, "device", Command.of("readlink", "/sys/class/net/" + n + "/device"));
            probe(out, n, "ethtool-i", Command.of("ethtool", "-i", n));
            probe(out, n, "ethtool-l", Command.of("ethtool", "-l", n));
            probe(out, n, "ethtool-x", Command.of("ethtool", "-x", n));
            probe(out, n, "ethtool-S", Command.of("ethtool", "-S", n));
            for (FlowType t : FlowType.values()) {
                probe(out, n, "rx-flow-hash-" + t.arg(), Command.of("ethtool", "-n", n, "rx-flow-hash", t.arg()));
            }
            for (int q = 0; q < nic.queues; q++) {
                probe(out, n, "xps-tx-" + q, Command.of("cat", "/sys/class/net/" + n + "/queues/tx-" + q + "/xps_cpus"));
            }
        }
    }

    private void probe(StringBuilder out, String nic, String id, Command c) {
        StringBuilder o = new StringBuilder();
        StringBuilder e = new StringBuilder();
        int rc = dispatch(c, o, e);
        out.append(HostStateScript.section(nic, id, rc, o.toString() + e));
    }
}
