package dev.nettune.app;

import dev.nettune.host.ssh.SshConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this workstation brings to NetTune, as the Welcome page shows it: the Alibaba Cloud accounts
 * found (names and kinds only, never a secret), the hosts of {@code ~/.ssh/config} and how many keys
 * {@code ~/.ssh/known_hosts} holds. Reads files: call it off the FX thread.
 */
public final class Workstation {
    private Workstation() {
    }

    /** The state read; each {@code problems} line says which file could not be read and why. */
    public record State(List<String> accounts, Path accountsFile, List<String> sshHosts, Path sshConfig,
                        int knownHosts, Path knownHostsFile, List<String> problems) {
        public State {
            accounts = List.copyOf(accounts);
            sshHosts = List.copyOf(sshHosts);
            problems = List.copyOf(problems);
        }
    }

    /** Reads the state for this environment and home directory (an isolated one in tests). */
    public static State read(AppContext context, Map<String, String> env, Path home) {
        List<String> problems = new ArrayList<>();
        List<String> accounts = new ArrayList<>();
        CloudAccounts cloud = CloudAccounts.forHome(context, env, home);
        try {
            cloud.accounts().stream().filter(a -> !a.sandbox()).forEach(a -> accounts.add(a.display()));
        } catch (RuntimeException e) {
            problems.add(cloud.profileFile() + ": " + e.getMessage());
        }
        Path sshDir = home.resolve(".ssh");
        Path config = sshDir.resolve("config");
        List<String> hosts = new ArrayList<>();
        try {
            hosts.addAll(SshConfig.load(config).aliases());
        } catch (IOException | RuntimeException e) {
            problems.add(config + ": " + e.getMessage());
        }
        Path known = sshDir.resolve("known_hosts");
        int keys = 0;
        if (Files.isReadable(known)) {
            try (var lines = Files.lines(known)) {
                keys = (int) lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
            } catch (IOException | RuntimeException e) {
                problems.add(known + ": " + e.getMessage());
            }
        }
        return new State(accounts, cloud.profileFile(), hosts, config, keys, known, problems);
    }

    /** The state of the user running NetTune: {@code $HOME} (else {@code user.home}) and this process's environment. */
    public static State readSystem(AppContext context) {
        String home = System.getenv("HOME");
        return read(context, System.getenv(), Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home));
    }
}
