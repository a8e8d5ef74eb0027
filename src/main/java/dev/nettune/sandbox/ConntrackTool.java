package dev.nettune.sandbox;

import java.util.List;

/** conntrack-tools' {@code conntrack -L [-o extended]}: the sandbox's tracked flows, the count on stderr as 1.4.7 prints it. */
final class ConntrackTool implements SandboxTool {
    private final SandboxKernel kernel;

    ConntrackTool(SandboxKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public int run(Call c) {
        List<String> a = c.args();
        boolean list = a.equals(List.of("-L")) || a.equals(List.of("-L", "-o", "extended"));
        if (!list) {
            c.err().append("The sandbox's conntrack answers conntrack -L and conntrack -L -o extended.\n");
            return 1;
        }
        c.out().append(kernel.conntrack.conntrack(a.size() == 3));
        c.err().append("conntrack v1.4.7 (conntrack-tools): ").append(kernel.conntrack.size())
                .append(" flow entries have been shown.\n");
        return 0;
    }
}
