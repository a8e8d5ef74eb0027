package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a profile may do as root without being marked {@code "unrestricted": true}: the files, commands,
 * services and sysctls that tuning needs (what the built-in profiles and the seed's steps 4-8 write and
 * run), and nothing else. A profile is shared as a file; these limits keep one that was handed around
 * from writing any path or running any program as root on every host it is applied to.
 */
public final class ProfileLimits {
    /** The marker a profile file carries to go beyond these limits (and the user must still allow it). */
    public static final String MARK = "\"unrestricted\": true";
    /** The CLI flag that allows a marked profile to be planned and applied. */
    public static final String FLAG = "--allow-unrestricted-profile";

    /**
     * Directories whose files hold settings, not programs: a {@code file} entry may write a {@code .conf}
     * directly inside them. (The boot re-apply script, its systemd unit and udev rule, and the irqbalance
     * drop-in are code run as root; NetTune writes them itself from {@code persist-boot} and
     * {@code irqbalance-ban} entries, whose content it generates, never from a {@code file} entry.)
     */
    public static final List<String> FILE_ROOTS = List.of("/etc/sysctl.d/", "/etc/modules-load.d/",
            "/etc/NetworkManager/conf.d/");
    /** Kernel modules tuning loads: SMC (seed step 5), its diagnostics, and BBR congestion control. */
    public static final Set<String> MODULES = Set.of("smc", "smc_diag", "tcp_bbr");
    /** Services a profile may start, stop or restart besides NetTune's own {@code nettune-*} units. */
    public static final Set<String> SERVICES = Set.of("irqbalance", "NetworkManager");
    /** The only sysctl tree a profile tunes unless it is marked: the network stack. */
    public static final String SYSCTL_PREFIX = "net.";

    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@+-]*\\.conf");
    private static final Pattern NETTUNE_UNIT = Pattern.compile("nettune-[A-Za-z0-9_.:@-]+\\.service");
    private static final Pattern NIC = Pattern.compile("[A-Za-z0-9_.:@-]{1,15}");
    private static final String ALLOWED_COMMANDS = "sysctl --system, sysctl -p <a file in /etc/sysctl.d or"
            + " /etc/sysctl.conf>, systemctl daemon-reload, systemctl start|stop|restart|try-restart|reload|enable|disable"
            + " of irqbalance, NetworkManager or nettune-*.service, nmcli general reload, nmcli connection reload|up NAME,"
            + " nmcli device set|reapply NIC ..., modprobe [-r] " + String.join("|", MODULES.stream().sorted().toList())
            + ", udevadm control --reload";

    private ProfileLimits() {
    }

    /** Every thing these entries do beyond the limits, each naming the field, the value and what is allowed; empty when none. */
    public static List<String> beyond(List<? extends ProfileEntry> entries) {
        return beyondPhrases(entries).stream().map(Phrase::toString).toList();
    }

    /** {@link #beyond(List)} as phrases the screens and the CLI say in the user's language. */
    public static List<Phrase> beyondPhrases(List<? extends ProfileEntry> entries) {
        List<Phrase> out = new ArrayList<>();
        entries.forEach(e -> out.addAll(beyondPhrases(e)));
        return out;
    }

    /** What one entry (or expanded change) does beyond the limits. */
    public static List<String> beyond(ProfileEntry e) {
        return beyondPhrases(e).stream().map(Phrase::toString).toList();
    }

    /** {@link #beyond(ProfileEntry)} as phrases. */
    public static List<Phrase> beyondPhrases(ProfileEntry e) {
        List<Phrase> out = new ArrayList<>();
        if (e instanceof SysctlChange s) {
            sysctl(entry("sysctl"), s.name(), out);
        } else if (e instanceof SysctlFileChange f) {
            sysctlFile(entry("sysctl-file"), f.path(), out);
            f.settings().keySet().forEach(k -> sysctl(entry("sysctl-file", f.path()), k, out));
        } else if (e instanceof ProfileEntry.PersistSysctls p) {
            sysctlFile(entry("persist-sysctls"), p.path(), out);
        } else if (e instanceof SmcChange s) {
            s.sysctls().keySet().forEach(k -> sysctl(entry("smc"), k, out));
        } else if (e instanceof ServiceChange s) {
            if (!service(s.unit())) {
                out.add(Phrase.of("tuning.limits.service", "{0}: unit '{1}' is not one a profile may start or stop; allowed: {2}"
                        + " and NetTune's own nettune-*.service.", entry("service"), s.unit(),
                        String.join(", ", SERVICES.stream().sorted().toList())));
            }
        } else if (e instanceof FileChange f) {
            file(f, out);
        }
        return out;
    }

    // The profile's entry type (its JSON "type") as the messages name it: "sysctl entry", "file entry /etc/...".
    private static Phrase entry(String type) {
        return Phrase.of("tuning.limits.entry", "{0} entry", type);
    }

    private static Phrase entry(String type, String path) {
        return Phrase.of("tuning.limits.entryOf", "{0} entry {1}", type, path);
    }

    private static void sysctl(Phrase field, String name, List<Phrase> out) {
        if (!name.startsWith(SYSCTL_PREFIX)) {
            out.add(Phrase.of("tuning.limits.sysctl", "{0}: sysctl '{1}' is outside net.*; a profile tunes only net.* sysctls.",
                    field, name));
        }
    }

    private static void sysctlFile(Phrase field, String path, List<Phrase> out) {
        if (!path.equals(SysctlFileChange.SYSTEM_CONF) && !inRoot(path, "/etc/sysctl.d/")) {
            out.add(Phrase.of("tuning.limits.sysctlFile", "{0}: path '{1}' is not a sysctl file; allowed: /etc/sysctl.d/NAME.conf"
                    + " or {2}.", field, path, SysctlFileChange.SYSTEM_CONF));
        }
    }

    private static void file(FileChange f, List<Phrase> out) {
        String path = f.path();
        if (FILE_ROOTS.stream().noneMatch(r -> inRoot(path, r))) {
            out.add(Phrase.of("tuning.limits.fileOutside", "{0}: path '{1}' is outside the places tuning writes; allowed: NAME.conf"
                    + " directly in {2} (no '..', '.', sub-folders or hidden names).", entry("file"), path, String.join(", ", FILE_ROOTS)));
        } else if (inRoot(path, "/etc/sysctl.d/")) {
            // A sysctl.d file is loaded as root at every boot: its keys obey the same net.* limit as a sysctl entry.
            for (String line : f.content().split("\n")) {
                String t = line.strip();
                int eq = t.indexOf('=');
                if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                    continue;
                }
                String key = eq > 0 ? t.substring(0, eq).strip() : t;
                key = key.startsWith("-") ? key.substring(1) : key;
                if (!key.startsWith(SYSCTL_PREFIX) || eq <= 0) {
                    out.add(Phrase.of("tuning.limits.fileLine", "{0}: line '{1}' is not a net.* sysctl setting; a sysctl.d"
                            + " file of a profile holds only 'net.NAME = VALUE' lines and comments.", entry("file", path), clip(t)));
                }
            }
        } else if (inRoot(path, "/etc/modules-load.d/")) {
            for (String line : f.content().split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#") && !t.startsWith(";") && !MODULES.contains(t)) {
                    out.add(Phrase.of("tuning.limits.fileModule", "{0}: module '{1}' is not one tuning loads; allowed: {2}.",
                            entry("file", path), clip(t), String.join(", ", MODULES.stream().sorted().toList())));
                }
            }
        }
        List<List<String>> commands = new ArrayList<>(f.afterWrite());
        commands.addAll(f.beforeRemove());
        commands.addAll(f.afterRemove());
        for (List<String> argv : commands) {
            if (!command(argv)) {
                out.add(Phrase.of("tuning.limits.fileCommand", "{0}: command '{1}' is not one a profile may run as root; allowed:"
                        + " {2}.", entry("file", path), clip(String.join(" ", argv)), ALLOWED_COMMANDS));
            }
        }
    }

    /** Whether {@code path} is a {@code NAME.conf} directly inside {@code root}, with no dot segments. */
    static boolean inRoot(String path, String root) {
        if (!path.startsWith(root)) {
            return false;
        }
        String name = path.substring(root.length());
        return !name.contains("/") && FILE_NAME.matcher(name).matches();
    }

    private static boolean service(String unit) {
        String u = unit.endsWith(".service") ? unit.substring(0, unit.length() - ".service".length()) : unit;
        return SERVICES.contains(u) || NETTUNE_UNIT.matcher(unit).matches() || NETTUNE_UNIT.matcher(unit + ".service").matches();
    }

    /** Whether one command after a file write is among the ones tuning needs. */
    static boolean command(List<String> argv) {
        List<String> a = argv;
        String prog = a.get(0);
        int n = a.size();
        switch (prog) {
            case "sysctl":
                return (n == 2 && a.get(1).equals("--system"))
                        || (n == 3 && a.get(1).equals("-p") && (a.get(2).equals(SysctlFileChange.SYSTEM_CONF)
                        || inRoot(a.get(2), "/etc/sysctl.d/")));
            case "systemctl":
                if (n == 2) {
                    return a.get(1).equals("daemon-reload");
                }
                return n == 3 && Set.of("start", "stop", "restart", "try-restart", "reload", "reload-or-restart", "enable",
                        "disable").contains(a.get(1)) && service(a.get(2));
            case "nmcli":
                if (n == 3 && a.get(1).equals("general") && a.get(2).equals("reload")) {
                    return true;
                }
                if (n >= 3 && a.get(1).equals("connection")) {
                    return (n == 3 && a.get(2).equals("reload")) || (n == 4 && a.get(2).equals("up"));
                }
                if (n >= 4 && a.get(1).equals("device") && NIC.matcher(a.get(3)).matches()) {
                    return (n == 4 && a.get(2).equals("reapply"))
                            || (n == 6 && a.get(2).equals("set") && a.get(4).equals("managed")
                            && Set.of("yes", "no").contains(a.get(5).toLowerCase(Locale.ROOT)));
                }
                return false;
            case "modprobe":
                return (n == 2 && MODULES.contains(a.get(1))) || (n == 3 && a.get(1).equals("-r") && MODULES.contains(a.get(2)));
            case "udevadm":
                return n == 3 && a.get(1).equals("control") && a.get(2).equals("--reload");
            default:
                return false;
        }
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
