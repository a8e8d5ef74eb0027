package dev.nettune.tuning;

import dev.nettune.host.Command;
import dev.nettune.host.ShellQuoting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A profile as host-independent steps for engines other than NetTune (Ansible, cloud-init): sysctls,
 * whole files with the commands that make the system pick them up, lines aligned in a file read later
 * at boot, and shell snippets for the rest that print {@link #CHANGED} only when they changed something
 * (read before, act, read after). What NetTune works out per host (XPS spread over the online CPUs) is
 * worked out by the snippet on the host instead.
 */
public final class ProfileExport {
    /** The word a snippet prints when it changed the host (Ansible's changed_when looks for it). */
    public static final String CHANGED = "NETTUNE_CHANGED";

    /** Facts for entries that do not depend on the host: nothing is known, so nothing is assumed. */
    private static final HostFacts NO_FACTS = new HostFacts("unknown", "", true, Optional.empty(), false, Map.of(), false);

    private ProfileExport() {
    }

    /** One thing an exported profile does, in the order of the profile. */
    public sealed interface Step {
        /** A short title for the task or comment. */
        String title();
    }

    /**
     * Kernel parameters set now; with {@code file} also persisted there (the managed lines replaced or
     * added, every other line kept) and the file loaded with {@code sysctl -p}.
     */
    public record Sysctls(Map<String, String> settings, Optional<String> file) implements Step {
        public Sysctls {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String title() {
            return file.map(f -> "Set and persist in " + f + ": ").orElse("Set: ") + String.join(", ", settings.keySet());
        }

        /** The whole file for a host that does not have it yet (what cloud-init writes on first boot). */
        public String newFileContent() {
            return new SysctlFileChange(file.orElseThrow(), settings).desired();
        }
    }

    /** Lines for these sysctls that {@code path} already has are rewritten; none is added, no file is created. */
    public record AlignLines(String path, Map<String, String> settings) implements Step {
        public AlignLines {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        @Override
        public String title() {
            return "Align " + path + " (read last at boot) with " + String.join(", ", settings.keySet());
        }

        /** The ERE that matches a line setting {@code name} (optionally with sysctl's leading '-'). */
        public static String lineRegex(String name) {
            return "^[[:space:]]*-?" + name.replace(".", "\\.") + "[[:space:]]*=";
        }

        /** A POSIX shell snippet doing the same with sed (for engines without a line module). */
        public String shell() {
            StringBuilder sb = new StringBuilder("f=" + ShellQuoting.quote(path) + "\n[ -f \"$f\" ] || exit 0\n"
                    + "before=$(cksum < \"$f\")\n");
            settings.forEach((k, v) -> sb.append("sed -i -E ").append(ShellQuoting.quote("s/" + lineRegex(k) + ".*/" + k
                    + " = " + v + "/")).append(" \"$f\"\n"));
            sb.append("[ \"$before\" = \"$(cksum < \"$f\")\" ] || echo ").append(CHANGED).append('\n');
            return sb.toString();
        }
    }

    /** A whole file written with its mode, then the commands that make the system pick it up. */
    public record WriteFile(String path, String content, String mode, List<List<String>> afterWrite) implements Step {
        public WriteFile {
            Action.checkPath(path);
            afterWrite = List.copyOf(afterWrite);
        }

        @Override
        public String title() {
            return "Write " + path;
        }

        public String directory() {
            return path.substring(0, path.lastIndexOf('/'));
        }

        /** The mode as four octal digits ("0644"), the form Ansible and cloud-init both read as octal. */
        public String octalMode() {
            return mode.length() == 3 ? "0" + mode : mode;
        }
    }

    /** A POSIX shell snippet that prints {@link #CHANGED} when it changed the host. */
    public record Shell(String title, String script, boolean nicScoped) implements Step {
    }

    /** The profile's steps, in its order. */
    public static List<Step> steps(Profile profile) {
        List<Step> out = new ArrayList<>();
        Map<String, String> sysctls = new LinkedHashMap<>();
        profile.entries().stream().filter(SysctlChange.class::isInstance).map(SysctlChange.class::cast)
                .forEach(s -> sysctls.put(s.name(), s.value()));
        Optional<ProfileEntry.PersistSysctls> persist = profile.entries().stream()
                .filter(ProfileEntry.PersistSysctls.class::isInstance).map(ProfileEntry.PersistSysctls.class::cast).findFirst();
        boolean sysctlsDone = false;
        for (ProfileEntry e : profile.entries()) {
            if (e instanceof SysctlChange) {
                if (!sysctlsDone) {
                    sysctlsDone = true;
                    out.add(new Sysctls(sysctls, persist.map(ProfileEntry.PersistSysctls::path)));
                }
            } else if (e instanceof ProfileEntry.PersistSysctls p) {
                // The file itself is written with the sysctls; a file elsewhere than the default one is not
                // read next to /etc/sysctl.conf, so only the default one aligns it (as the planner does).
                if (!sysctls.isEmpty() && p.path().equals(SysctlFileChange.DEFAULT_PATH)) {
                    out.add(new AlignLines(SysctlFileChange.SYSTEM_CONF, sysctls));
                }
            } else if (e instanceof SysctlFileChange f) {
                out.add(f.onlyReplace() ? new AlignLines(f.path(), f.settings()) : new Sysctls(f.settings(), Optional.of(f.path())));
            } else if (e instanceof FileChange f) {
                out.add(new WriteFile(f.path(), f.content(), f.mode(), f.afterWrite()));
            } else if (e instanceof SmcChange s) {
                out.add(new Shell(s.title(), smc(s), false));
            } else if (e instanceof XpsChange.Spread s) {
                out.add(new Shell("XPS of every TX queue of " + s.nic() + ": queue i sent from online CPU i mod n",
                        readActRead(xpsSpreadRead(s.nic()), xpsSpreadAct(s.nic())), true));
            } else if (e instanceof BootReapply b) {
                out.addAll(bootReapply(b, profile));
            } else if (e instanceof NetworkManagerChange n) {
                // NetTune counts a host without a running NetworkManager as done (nothing manages the NIC there).
                out.add(new Shell(n.title(), readActRead(read(n), "if ! nmcli -t -f RUNNING general 2>/dev/null | grep -qx running;"
                        + " then echo 'no NetworkManager running: nothing to do'; exit 0; fi\n" + act(n)), true));
            } else if (e instanceof Change c) {
                out.add(new Shell(c.title(), readActRead(read(c), act(c)), c.affectedNic().isPresent()));
            } else {
                for (Change c : e.expand(NO_FACTS, profile)) {
                    // NetTune's own expansion of a profile already checked (a ban-IRQ drop-in is not a user's file entry).
                    out.addAll(steps(new Profile(profile.name(), profile.description(), List.of(c), true)));
                }
            }
        }
        return out;
    }

    /** The shell that reads what {@code c} sets (output compared before and after). */
    private static String read(Change c) {
        StringBuilder sb = new StringBuilder();
        for (Command r : c.readCommands()) {
            sb.append(line(r)).append(" 2>&1; ");
        }
        return sb.append("true").toString();
    }

    /** The commands that set {@code c}'s value, as shell lines. */
    static String act(Change c) {
        List<Action> actions;
        if (c instanceof RssTableChange t) {
            List<String> args = new ArrayList<>(List.of("-X", t.nic()));
            args.addAll(List.of(t.spec().split(" ")));
            actions = List.of(new Action.Run(Command.of("ethtool", args)));
        } else {
            actions = c.actions(c.desired(), c.desired());
        }
        StringBuilder sb = new StringBuilder();
        for (Action a : actions) {
            for (Command cmd : a.commands()) {
                sb.append(line(cmd)).append('\n');
            }
        }
        return sb.toString();
    }

    /** One command as shell text, run as the login (the engines run the whole script as root); stdin through printf. */
    static String line(Command c) {
        String text = ShellQuoting.join(c.program(), c.args());
        if (c.stdin().isPresent()) {
            String in = c.stdin().get();
            boolean oneLine = in.endsWith("\n") && in.indexOf('\n') == in.length() - 1;
            String printf = oneLine ? "printf '%s\\n' " + ShellQuoting.quote(in.substring(0, in.length() - 1))
                    : "printf '%s' " + ShellQuoting.quote(in);
            return printf + " | " + text + ("tee".equals(c.program()) ? " >/dev/null" : "");
        }
        return text;
    }

    /** A failing command fails the snippet (set -e), as a failing step fails NetTune's apply; the reads never do. */
    private static String readActRead(String read, String act) {
        // set -e reaches into $(...) too: the reads run on the left of || so a missing tool only shows in the text.
        String r = "{ " + read + "; } || true";
        return "set -e\nbefore=$(" + r + ")\n" + act + (act.endsWith("\n") ? "" : "\n") + "after=$(" + r + ")\n"
                + "[ \"$before\" = \"$after\" ] || echo " + CHANGED + "\n";
    }

    /** Loads smc, then sets each SMC sysctl this kernel has (the others are skipped, as NetTune does). */
    private static String smc(SmcChange s) {
        StringBuilder read = new StringBuilder("test -d /sys/module/smc && echo loaded");
        s.sysctls().keySet().forEach(k -> read.append("; sysctl -n ").append(ShellQuoting.quote(k)).append(" 2>/dev/null"));
        read.append("; true");
        StringBuilder act = new StringBuilder("modprobe smc || { echo 'smc is not available on this kernel: skipped'; exit 0; }\n");
        s.sysctls().forEach((k, v) -> act.append("if [ -e ").append(ShellQuoting.quote("/proc/sys/" + k.replace('.', '/')))
                .append(" ]; then sysctl -w ").append(ShellQuoting.quote(k + "=" + v)).append(" >/dev/null; else echo ")
                .append(ShellQuoting.quote(k + " is not available on this kernel: skipped")).append("; fi\n"));
        return readActRead(read.toString(), act.toString());
    }

    private static String xpsSpreadRead(String nic) {
        return "cat /sys/class/net/" + ShellQuoting.quote(nic) + "/queues/tx-*/xps_cpus 2>&1; true";
    }

    /**
     * TX queue i to online CPU i mod n, as {@link XpsChange.Spread} does; the mask of one CPU is its bit
     * in a 32-bit group followed by one ",00000000" per lower group (the form xps_cpus takes).
     */
    private static String xpsSpreadAct(String nic) {
        String q = ShellQuoting.quote(nic);
        return "[ -d /sys/class/net/" + q + " ] || { echo 'no NIC " + nic.replace("'", "") + " on this host: skipped'; exit 0; }\n"
                + "cpus=$(awk -F, '{for(i=1;i<=NF;i++){n=split($i,r,\"-\"); if(n==1)print r[1]; else for(c=r[1];c<=r[2];c++)print c}}'"
                + " /sys/devices/system/cpu/online)\n"
                + "n=$(echo \"$cpus\" | wc -l)\n"
                + "for d in /sys/class/net/" + q + "/queues/tx-*; do\n"
                + "  i=${d##*/tx-}\n"
                + "  cpu=$(echo \"$cpus\" | sed -n \"$((i % n + 1))p\")\n"
                + "  mask=$(awk -v c=\"$cpu\" 'BEGIN{b=c%32; s=substr(\"1248\", b%4+1, 1); for(z=0;z<int(b/4);z++)s=s\"0\";"
                + " for(g=0;g<int(c/32);g++)s=s\",00000000\"; print s}')\n"
                + "  echo \"$mask\" > \"$d/xps_cpus\"\n"
                + "done\n";
    }

    /**
     * The re-apply script, unit and udev rule of {@link BootReapply}: the script is built from the NIC's
     * own snippets (minus their before/after reads), so it needs no host facts either.
     */
    private static List<Step> bootReapply(BootReapply b, Profile profile) {
        StringBuilder sh = new StringBuilder("#!/bin/sh\n# Written by NetTune's export (profile \"")
                .append(profile.name().replaceAll("[^A-Za-z0-9 _.-]", "")).append("\"): re-applies what ").append(b.nic())
                .append(" loses on reboot or ENI re-attach.\n");
        // The order NetTune's own script has: channels, key, table, XPS, IRQ affinity.
        List<Class<?>> order = List.of(ChannelChange.class, RssKeyChange.class, RssTableChange.class, XpsChange.class,
                IrqAffinityChange.class);
        for (Class<?> kind : order) {
            for (ProfileEntry e : profile.entries()) {
                if (kind.isInstance(e) && (e instanceof IrqAffinityChange || ((Change) e).affectedNic().map(b.nic()::equals).orElse(false))) {
                    sh.append("(\n").append(act((Change) e)).append(") || true\n");
                } else if (kind == XpsChange.class && e instanceof XpsChange.Spread s && s.nic().equals(b.nic())) {
                    sh.append("(\n").append(xpsSpreadAct(s.nic())).append(") || true\n");
                }
            }
        }
        List<Step> out = new ArrayList<>();
        out.add(new WriteFile(b.scriptPath(), sh.toString(), "755", List.of()));
        for (FileChange f : b.files()) {
            out.add(new WriteFile(f.path(), f.content(), f.mode(), f.afterWrite()));
        }
        return out;
    }
}
