package dev.nettune.sandbox;

import java.util.List;

/** kmod's {@code modprobe [-r]}, {@code lsmod} and {@code modinfo} over the sandbox kernel's modules. */
final class ModuleTools implements SandboxTool {
    private final SandboxKernel kernel;

    ModuleTools(SandboxKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public int run(Call c) {
        return switch (c.program()) {
            case "modprobe" -> modprobe(c.args(), c.err());
            case "lsmod" -> lsmod(c.out());
            default -> modinfo(c.args(), c.out(), c.err());
        };
    }

    private int modprobe(List<String> a, StringBuilder err) {
        boolean remove = a.contains("-r") || a.contains("--remove");
        List<String> mods = a.stream().filter(s -> !s.startsWith("-")).toList();
        if (mods.isEmpty()) {
            err.append("modprobe: ERROR: missing parameters. See -h.\n");
            return 1;
        }
        for (String m : remove ? mods : mods.subList(0, 1)) {
            String norm = m.replace('-', '_');
            if (!SandboxKernel.KNOWN_MODULES.contains(m) && !SandboxKernel.KNOWN_MODULES.contains(norm)) {
                err.append("modprobe: FATAL: Module ").append(m).append(" not found in directory /lib/modules/")
                        .append(SandboxKernel.KERNEL).append('\n');
                return 1;
            }
            if (remove) {
                kernel.unloadModule(norm);
            } else {
                kernel.loadModule(norm);
            }
        }
        return 0;
    }

    private int lsmod(StringBuilder out) {
        out.append("Module                  Size  Used by\n");
        for (String line : kernel.procModules().split("\n")) {
            String[] p = line.split(" ");
            out.append(String.format("%-19s %8s  %s%n", p[0], p[1], p[2]));
        }
        return 0;
    }

    private static int modinfo(List<String> a, StringBuilder out, StringBuilder err) {
        String m = a.isEmpty() ? "" : a.get(a.size() - 1);
        if (!SandboxKernel.KNOWN_MODULES.contains(m) && !SandboxKernel.KNOWN_MODULES.contains(m.replace('_', '-'))) {
            err.append("modinfo: ERROR: Module ").append(m).append(" not found.\n");
            return 1;
        }
        out.append("/lib/modules/").append(SandboxKernel.KERNEL).append("/kernel/net/").append(m).append('/').append(m)
                .append(".ko.xz\n");
        return 0;
    }
}
