package dev.nettune.sandbox;

import dev.nettune.linux.SysctlOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** procps {@code sysctl}: read, {@code -w}, {@code -a}, {@code -p FILE} and {@code --system} over the sandbox kernel's sysctls. */
final class SysctlTool implements SandboxTool {
    private final SysctlTable sysctls;
    private final SandboxFilesystem fs;

    SysctlTool(SysctlTable sysctls, SandboxFilesystem fs) {
        this.sysctls = sysctls;
        this.fs = fs;
    }

    @Override
    public int run(Call c) {
        return sysctl(c.args(), c.out(), c.err());
    }

    private int sysctl(List<String> a, StringBuilder out, StringBuilder err) {
        boolean write = false;
        boolean quiet = false;
        boolean valuesOnly = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String t = a.get(i);
            switch (t) {
                case "-a", "--all", "-A", "-X" -> {
                    sysctls.all().forEach((k, v) -> out.append(SysctlOutput.formatLine(k, v)));
                    return 0;
                }
                case "-w", "--write" -> write = true;
                case "-q", "--quiet" -> quiet = true;
                case "-n", "--values" -> valuesOnly = true;
                case "-e", "--ignore" -> {
                }
                case "--system" -> {
                    return system(out, err);
                }
                case "-p", "--load" -> {
                    String file = i + 1 < a.size() ? a.get(++i) : "/etc/sysctl.conf";
                    String text = fs.plain(file);
                    if (text == null) {
                        err.append("sysctl: cannot open \"").append(file).append("\": No such file or directory\n");
                        return 1;
                    }
                    return sysctls.applyConf(text, out, err);
                }
                default -> {
                    if (t.startsWith("-p") && t.length() > 2) {
                        return sysctl(List.of("-p", t.substring(2)), out, err);
                    }
                    names.add(t);
                }
            }
        }
        if (names.isEmpty()) {
            err.append("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
            return 1;
        }
        int rc = 0;
        for (String n : names) {
            if (write || n.contains("=")) {
                int eq = n.indexOf('=');
                if (eq <= 0) {
                    err.append("sysctl: \"").append(n).append("\" must be of the form name=value\n");
                    rc = 1;
                    continue;
                }
                rc |= sysctls.write(n.substring(0, eq).strip(), n.substring(eq + 1).strip(), quiet ? new StringBuilder() : out, err);
            } else if (n.replace('/', '.').equals("kernel.random.boot_id")) {
                String id = fs.read(SandboxFilesystem.BOOT_ID, new StringBuilder()).strip();
                out.append(valuesOnly ? id + "\n" : SysctlOutput.formatLine("kernel.random.boot_id", id));
            } else {
                rc |= sysctls.read(n.replace('/', '.'), valuesOnly, out, err);
            }
        }
        return rc == 0 ? 0 : 1;
    }

    /** {@code sysctl --system}: the sysctl.d directories in name order (later directories win), then /etc/sysctl.conf. */
    int system(StringBuilder out, StringBuilder err) {
        TreeMap<String, String> byName = new TreeMap<>();
        for (String dir : List.of("/usr/lib/sysctl.d/", "/run/sysctl.d/", "/etc/sysctl.d/")) {
            for (String f : fs.files().keySet()) {
                if (f.startsWith(dir) && f.endsWith(".conf") && f.indexOf('/', dir.length()) < 0) {
                    byName.put(f.substring(dir.length()), f);
                }
            }
        }
        int rc = 0;
        for (String path : byName.values()) {
            out.append("* Applying ").append(path).append(" ...\n");
            rc |= sysctls.applyConf(fs.plain(path), out, err);
        }
        if (fs.files().containsKey("/etc/sysctl.conf")) {
            out.append("* Applying /etc/sysctl.conf ...\n");
            rc |= sysctls.applyConf(fs.plain("/etc/sysctl.conf"), out, err);
        }
        return rc == 0 ? 0 : 1;
    }
}
