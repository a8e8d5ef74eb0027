package dev.nettune.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The coreutils NetTune uses on a host, over the sandbox's file tree: {@code cat tee mv cp rm ls test
 * readlink chmod}, and {@code grep -r --include=smp_affinity_list . /proc/irq} (the IRQ affinity probe).
 */
final class FileTools implements SandboxTool {
    private static final List<String> EMPTY_CONFIG_DIRS = List.of("/etc/sysctl.d", "/etc/modules-load.d",
            "/etc/NetworkManager/conf.d", "/etc/systemd/system", "/etc/udev/rules.d");

    private final SandboxKernel kernel;
    private final SandboxServices services;
    private final SandboxFilesystem fs;

    FileTools(SandboxKernel kernel, SandboxServices services, SandboxFilesystem fs) {
        this.kernel = kernel;
        this.services = services;
        this.fs = fs;
    }

    @Override
    public int run(Call c) {
        List<String> a = c.args();
        return switch (c.program()) {
            case "cat" -> cat(a, c.out(), c.err());
            case "tee" -> tee(a, c.stdin(), c.out(), c.err());
            case "mv" -> mv(a, c.err());
            case "cp" -> cp(a, c.err());
            case "rm" -> rm(a, c.err());
            case "ls" -> ls(a, c.out(), c.err());
            case "test" -> test(a);
            case "readlink" -> readlink(a, c.out());
            case "grep" -> grep(a, c.out(), c.err());
            default -> chmod(a, c.err());
        };
    }

    private int cat(List<String> a, StringBuilder out, StringBuilder err) {
        int rc = 0;
        for (String path : a) {
            StringBuilder why = new StringBuilder();
            String content = fs.read(path, why);
            if (content == null) {
                err.append("cat: ").append(path).append(": ").append(why).append('\n');
                rc = 1;
            } else {
                out.append(content);
            }
        }
        return rc;
    }

    private int tee(List<String> a, String stdin, StringBuilder out, StringBuilder err) {
        boolean append = false;
        List<String> paths = new ArrayList<>();
        for (String t : a) {
            if (t.equals("-a") || t.equals("--append")) {
                append = true;
            } else {
                paths.add(t);
            }
        }
        out.append(stdin);
        int rc = 0;
        for (String p : paths) {
            String e = fs.write(p, stdin, append);
            if (e != null) {
                err.append("tee: ").append(p).append(": ").append(e).append('\n');
                rc = 1;
            }
        }
        return rc;
    }

    private int mv(List<String> a, StringBuilder err) {
        List<String> p = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (p.size() != 2) {
            err.append("mv: missing destination file operand\n");
            return 1;
        }
        if (!fs.files().containsKey(p.get(0))) {
            err.append("mv: cannot stat '").append(p.get(0)).append("': No such file or directory\n");
            return 1;
        }
        if (!SandboxFilesystem.writable(p.get(1))) {
            err.append("mv: cannot move '").append(p.get(0)).append("' to '").append(p.get(1)).append("': Permission denied\n");
            return 1;
        }
        fs.files().put(p.get(1), fs.files().remove(p.get(0)));
        return 0;
    }

    private int cp(List<String> a, StringBuilder err) {
        List<String> p = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (p.size() != 2) {
            err.append("cp: missing destination file operand\n");
            return 1;
        }
        StringBuilder why = new StringBuilder();
        String content = fs.read(p.get(0), why);
        if (content == null) {
            err.append("cp: cannot stat '").append(p.get(0)).append("': ").append(why).append('\n');
            return 1;
        }
        String e = fs.write(p.get(1), content, false);
        if (e != null) {
            err.append("cp: cannot create regular file '").append(p.get(1)).append("': ").append(e).append('\n');
            return 1;
        }
        return 0;
    }

    private int rm(List<String> a, StringBuilder err) {
        boolean force = a.contains("-f") || a.contains("-rf");
        int rc = 0;
        for (String p : a) {
            if (p.startsWith("-")) {
                continue;
            }
            if (fs.files().remove(p) == null && !force) {
                err.append("rm: cannot remove '").append(p).append("': No such file or directory\n");
                rc = 1;
            }
        }
        return rc;
    }

    private int ls(List<String> a, StringBuilder out, StringBuilder err) {
        List<String> dirs = a.stream().filter(s -> !s.startsWith("-")).toList();
        String dir = dirs.isEmpty() ? "/root" : dirs.get(0);
        Matcher queues = Pattern.compile("/sys/class/net/([^/]+)/queues/?").matcher(dir);
        if (queues.matches()) {
            SandboxNic n = kernel.nics.get(queues.group(1));
            if (n == null) {
                err.append("ls: cannot access '").append(dir).append("': No such file or directory\n");
                return 2;
            }
            for (int q = 0; q < n.queues; q++) {
                out.append("rx-").append(q).append('\n');
            }
            for (int q = 0; q < n.queues; q++) {
                out.append("tx-").append(q).append('\n');
            }
            return 0;
        }
        if (dir.equals("/sys/class/net") || dir.equals("/sys/class/net/")) {
            List<String> names = new ArrayList<>(kernel.nics.keySet());
            names.add("lo");
            names.sort(null);
            names.forEach(n -> out.append(n).append('\n'));
            return 0;
        }
        if (kernel.tracefs.owns(dir)) {
            StringBuilder why = new StringBuilder();
            List<String> names = kernel.tracefs.list(dir, why);
            if (names == null) {
                err.append("ls: cannot access '").append(dir).append("': ").append(why).append('\n');
                return 2;
            }
            names.stream().sorted().forEach(n -> out.append(n).append('\n'));
            return 0;
        }
        if (fs.files().containsKey(dir)) {
            out.append(dir).append('\n');
            return 0;
        }
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        Set<String> entries = new TreeSet<>();
        for (String f : fs.files().keySet()) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                entries.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            }
        }
        if (entries.isEmpty() && !EMPTY_CONFIG_DIRS.contains(dir.replaceAll("/$", ""))) {
            err.append("ls: cannot access '").append(dir).append("': No such file or directory\n");
            return 2;
        }
        entries.forEach(e -> out.append(e).append('\n'));
        return 0;
    }

    private int test(List<String> a) {
        if (a.size() == 2 && a.get(0).equals("-d")) {
            String p = a.get(1);
            if (p.equals("/run/systemd/system")) {
                return services.systemd ? 0 : 1;
            }
            if (p.startsWith("/sys/module/")) {
                return kernel.modules.contains(p.substring("/sys/module/".length())) ? 0 : 1;
            }
            if (kernel.tracefs.owns(p)) {
                return kernel.tracefs.isDirectory(p) ? 0 : 1;
            }
            return 1;
        }
        if (a.size() == 2 && (a.get(0).equals("-e") || a.get(0).equals("-f"))) {
            if (kernel.tracefs.owns(a.get(1))) {
                boolean dir = kernel.tracefs.isDirectory(a.get(1));
                return kernel.tracefs.exists(a.get(1)) && (a.get(0).equals("-e") || !dir) ? 0 : 1;
            }
            return fs.read(a.get(1), new StringBuilder()) != null ? 0 : 1;
        }
        return 1;
    }

    private int readlink(List<String> a, StringBuilder out) {
        String p = a.isEmpty() ? "" : a.get(a.size() - 1);
        if (p.startsWith("/sys/class/net/") && p.endsWith("/device")) {
            SandboxNic n = kernel.nics.get(p.substring("/sys/class/net/".length(), p.length() - "/device".length()));
            if (n != null) {
                out.append("../../../").append(n.virtioName()).append('\n');
                return 0;
            }
        }
        return 1;
    }

    private int grep(List<String> a, StringBuilder out, StringBuilder err) {
        if (a.equals(List.of("-r", "--include=smp_affinity_list", ".", "/proc/irq"))) {
            new TreeMap<>(kernel.irqAffinity).forEach((irq, set) ->
                    out.append("/proc/irq/").append(irq).append("/smp_affinity_list:").append(set.toList()).append('\n'));
            return 0;
        }
        err.append("grep: the sandbox only answers grep -r --include=smp_affinity_list . /proc/irq\n");
        return 2;
    }

    private int chmod(List<String> a, StringBuilder err) {
        String p = a.isEmpty() ? "" : a.get(a.size() - 1);
        if (!fs.files().containsKey(p)) {
            err.append("chmod: cannot access '").append(p).append("': No such file or directory\n");
            return 1;
        }
        return 0;
    }
}
