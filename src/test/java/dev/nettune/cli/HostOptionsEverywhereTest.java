package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every command that reaches a host takes the same host options as {@code host state} (--identity,
 * --known-hosts, --accept-new-host-key), validates them the same way and says the same thing about them.
 */
class HostOptionsEverywhereTest {
    @TempDir
    Path dir;
    AppContext context;

    @BeforeEach
    void open() {
        context = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void close() {
        context.close();
    }


    CliRun run(String... args) {
        return CliRun.in(context, args);
    }

    /** Commands whose HOST parameter or --host/--from-host/--sender option names a host to connect to. */
    private List<CommandSpec> hostCommands() {
        CommandLine root = NetTuneCommand.commandLine(context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<CommandSpec> found = new ArrayList<>();
        collect(root.getCommandSpec(), found);
        return found;
    }

    private static void collect(CommandSpec spec, List<CommandSpec> found) {
        boolean reachesHost = spec.positionalParameters().stream().anyMatch(p -> p.paramLabel().equals("HOST"))
                || spec.options().stream().anyMatch(o -> List.of(o.names()).stream()
                .anyMatch(n -> n.equals("--host") || n.equals("--from-host") || n.equals("--sender")));
        // journal --host filters the local journal by host name; it connects to nothing.
        if (reachesHost && !spec.qualifiedName(" ").startsWith("nettune journal")) {
            found.add(spec);
        }
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), found));
    }

    @Test
    void everyCommandThatReachesAHostTakesTheHostOptionsOfHostState() {
        List<CommandSpec> commands = hostCommands();
        assertThat(commands).extracting(c -> c.qualifiedName(" ")).contains("nettune host state", "nettune tune apply",
                "nettune rss apply", "nettune rss balance", "nettune monitor", "nettune verify", "nettune dpdk testpmd",
                "nettune cloud eni attach", "nettune cloud eni rss");
        CommandSpec reference = commands.stream().filter(c -> c.qualifiedName(" ").equals("nettune host state")).findFirst().orElseThrow();
        for (String name : List.of("--identity", "--known-hosts", "--accept-new-host-key")) {
            OptionSpec ref = reference.findOption(name);
            for (CommandSpec c : commands) {
                OptionSpec o = c.findOption(name);
                assertThat(o).as(c.qualifiedName(" ") + " " + name).isNotNull();
                assertThat(o.description()).as(c.qualifiedName(" ") + " " + name).isEqualTo(ref.description());
                assertThat(o.names()).isEqualTo(ref.names());
            }
        }
    }

    @Test
    void aBadHostGetsTheSameMessageFromEveryHostCommand() {
        List<String[]> lines = List.of(
                new String[] {"host", "state", "x;y"},
                new String[] {"host", "check", "x;y"},
                new String[] {"tune", "plan", "x;y", "--profile", "ECS high throughput"},
                new String[] {"tune", "apply", "x;y", "--dry-run", "--profile", "ECS high throughput"},
                new String[] {"rss", "apply", "x;y", "--nic", "eth1", "--equal", "4", "--dry-run"},
                new String[] {"rss", "balance", "x;y", "--nic", "eth1"},
                new String[] {"monitor", "x;y", "--nic", "eth1", "--duration", "1"},
                new String[] {"verify", "x;y", "--nic", "eth1", "--sender", "sandbox"},
                new String[] {"dpdk", "testpmd", "--from-host", "x;y", "--nic", "eth1"});
        for (String[] line : lines) {
            CliRun r = run(line);
            assertThat(r.exit()).as(String.join(" ", line) + "\n" + r.err()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", line)).contains("Not a host: 'x;y'. Give local, sandbox, a saved host");
        }
    }

    @Test
    void aDirectoryAsIdentityIsRefusedTheSameWayByEveryHostCommand() {
        String id = dir.toString();
        List<String[]> lines = List.of(
                new String[] {"host", "state", "sandbox", "-i", id},
                new String[] {"tune", "plan", "sandbox", "--profile", "ECS high throughput", "-i", id},
                new String[] {"rss", "apply", "sandbox", "--nic", "eth1", "--equal", "4", "--dry-run", "-i", id},
                new String[] {"rss", "balance", "sandbox", "--nic", "eth1", "-i", id},
                new String[] {"monitor", "sandbox", "--nic", "eth1", "--duration", "1", "-i", id},
                new String[] {"verify", "sandbox", "--nic", "eth1", "--sender", "sandbox", "-i", id},
                new String[] {"dpdk", "testpmd", "--from-host", "sandbox", "--nic", "eth1", "-i", id});
        for (String[] line : lines) {
            CliRun r = run(line);
            assertThat(r.exit()).as(String.join(" ", line) + "\n" + r.err()).isEqualTo(NetTuneCommand.EXIT_BAD_INPUT);
            assertThat(r.err()).as(String.join(" ", line)).contains("--identity " + id + " is not a regular file");
        }
    }
}
