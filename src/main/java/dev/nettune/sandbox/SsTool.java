package dev.nettune.sandbox;

import java.util.List;

/** iproute2's {@code ss -tinH}: the established TCP sockets the sandbox's traffic opened, with their receive counters. */
final class SsTool implements SandboxTool {
    private final SandboxKernel kernel;

    SsTool(SandboxKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public int run(Call c) {
        List<String> args = c.args();
        String flags = String.join("", args).replace("-", "");
        if (!flags.contains("t") || flags.chars().anyMatch(ch -> "tinHe".indexOf(ch) < 0)) {
            c.err().append("The sandbox's ss answers ss -tinH (TCP sockets with info, no header).\n");
            return 1;
        }
        if (!flags.contains("H")) {
            c.out().append("State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n");
        }
        c.out().append(kernel.sockets.ssTinH());
        return 0;
    }
}
