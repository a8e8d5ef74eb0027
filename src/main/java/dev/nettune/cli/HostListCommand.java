package dev.nettune.cli;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code nettune host list}: built-in hosts, saved hosts, and the aliases of ~/.ssh/config. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the hosts NetTune can reach.")
final class HostListCommand implements Callable<Integer> {
    private final AppContext context;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "ssh configuration to list aliases from (default ~/.ssh/config).")
    Path sshConfig;

    HostListCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<Map<String, Object>> rows = new ArrayList<>();
        HostDirectory hosts = context.hostDirectory();
        for (HostDirectory.Entry h : sshConfig != null ? hosts.list(sshConfig) : hosts.list()) {
            rows.add(row(h.name(), h.kind().label(), h.address().orElse(null), h.user().orElse(null),
                    h.port().isPresent() ? h.port().getAsInt() : null, h.jump().orElse(null), h.key().map(Path::toString).orElse(null)));
        }
        CliOutput.print(spec.commandLine().getOut(), json, () -> rows, out -> {
            CliOutput.Table table = new CliOutput.Table(out, "%-20s %-10s %-24s %-12s %-5s %-24s %s%n",
                    "NAME", "KIND", "ADDRESS", "USER", "PORT", "JUMP", "KEY");
            for (Map<String, Object> r : rows) {
                table.row(r.get("name"), r.get("kind"), r.get("address"), r.get("user"), r.get("port"), r.get("jump"), r.get("key"));
            }
        });
        return 0;
    }

    private static Map<String, Object> row(String name, String kind, String address, String user, Integer port, String jump, String key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("address", address);
        m.put("user", user);
        m.put("port", port);
        m.put("jump", jump);
        m.put("key", key);
        return m;
    }
}
