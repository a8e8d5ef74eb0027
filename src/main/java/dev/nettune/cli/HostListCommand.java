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
            out.println(line(CliText.get("host.list.col.name"), CliText.get("host.list.col.kind"), CliText.get("host.list.col.address"),
                    CliText.get("host.list.col.user"), CliText.get("host.list.col.port"), CliText.get("host.list.col.jump"),
                    CliText.get("host.list.col.key")));
            for (Map<String, Object> r : rows) {
                // The kind is said in the CLI's language in the table; --json keeps the English word.
                out.println(line(r.get("name"), CliText.get("host.list.kind." + r.get("kind")), r.get("address"), r.get("user"),
                        r.get("port"), r.get("jump"), r.get("key")));
            }
        });
        return 0;
    }

    // Columns of 20, 10, 24, 12, 5 and 24 terminal columns (a CJK character takes two), then the key: the layout the
    // English table always had ("%-20s %-10s %-24s %-12s %-5s %-24s %s"), with Chinese headers over their columns.
    private static final int[] WIDTHS = {20, 10, 24, 12, 5, 24};

    private static String line(Object... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i] == null ? "-" : String.valueOf(cells[i]);
            sb.append(i < WIDTHS.length ? CliText.padRight(c, WIDTHS[i]) + " " : c);
        }
        return sb.toString();
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
