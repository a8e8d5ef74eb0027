package dev.nettune.sandbox;

import java.util.List;

/** {@code uname} and {@code nproc}: what the sandbox says about its kernel and CPUs. */
final class SystemInfoTools implements SandboxTool {
    private final SandboxKernel kernel;

    SystemInfoTools(SandboxKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public int run(Call c) {
        if (c.program().equals("nproc")) {
            c.out().append(kernel.cpus).append('\n');
            return 0;
        }
        List<String> a = c.args();
        StringBuilder out = c.out();
        if (a.contains("-a")) {
            out.append("Linux ").append(SandboxKernel.HOSTNAME).append(' ').append(SandboxKernel.KERNEL)
                    .append(" #1 SMP Fri Nov 10 2023 x86_64 x86_64 x86_64 GNU/Linux\n");
        } else if (a.contains("-n")) {
            out.append(SandboxKernel.HOSTNAME).append('\n');
        } else if (a.contains("-r")) {
            out.append(SandboxKernel.KERNEL).append('\n');
        } else {
            out.append("Linux\n");
        }
        return 0;
    }
}
