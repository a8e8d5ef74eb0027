package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliCommandsTest {

    @TempDir
    Path dir;

    @Test
    void eachAreaNamedFirstIsTheOnlyAreaBuilt() {
        for (Class<?> area : CliCommands.all()) {
            String name = area.getAnnotation(CommandLine.Command.class).name();
            assertThat(CliCommands.forArguments(name, "--help")).as(name).containsExactly(area);
        }
    }

    @Test
    void noAreaFirstBuildsEveryArea() {
        assertThat(CliCommands.forArguments()).isEqualTo(CliCommands.all());
        assertThat(CliCommands.forArguments("help", "rss")).isEqualTo(CliCommands.all());
        assertThat(CliCommands.forArguments("--lang", "zh_CN", "rss", "hash")).isEqualTo(CliCommands.all());
        assertThat(CliCommands.forArguments("rs", "hash")).isEqualTo(CliCommands.all());
    }

    @Test
    void eachRssCommandNamedSecondIsTheOnlyRssCommandBuilt() {
        for (Class<?> command : RssCommand.COMMANDS) {
            String name = command.getAnnotation(CommandLine.Command.class).name();
            assertThat(CliCommands.childrenOf(RssCommand.class, "rss", name, "--help")).as(name).containsExactly(command);
        }
        assertThat(CliCommands.childrenOf(RssCommand.class, "rss", "--help")).isEqualTo(RssCommand.COMMANDS);
        assertThat(CliCommands.childrenOf(RssCommand.class, "rss")).isEqualTo(RssCommand.COMMANDS);
        assertThat(CliCommands.childrenOf(RssCommand.class)).isEqualTo(RssCommand.COMMANDS);
    }

    @Test
    void theWholeTreeHasEveryRssCommand() {
        try (AppContext ctx = new AppContext(dir)) {
            CommandLine cl = NetTuneCommand.commandLine(ctx, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
            assertThat(cl.getSubcommands().get("rss").getSubcommands().keySet()).containsExactly("hash", "table", "show", "key",
                    "solve", "find-ports", "distribution", "apply", "balance");
        }
    }

    @Test
    void whatARunBuildsAnswersAsTheWholeTree() {
        String[][] runs = {
            {"rss", "hash", "-t", "10.0.0.251", "-r", "10.0.0.1", "-T", "18042", "-R", "26000", "--equal", "64", "-k", RssCliTest.SEED_KEY},
            {"rss", "hash", "--lang", "zh_CN", "-t", "10.0.0.251", "-r", "10.0.0.1", "-T", "18042", "-R", "26000", "--equal", "64",
                "-k", RssCliTest.SEED_KEY},
            {"rss", "hsh"},
            {"rss", "--help"},
            {"rss", "table", "--help"},
            {"rss", "key", "--symmetric", "--bogus"},
        };
        for (String[] args : runs) {
            assertThat(run(true, args)).as(String.join(" ", args)).isEqualTo(run(false, args));
        }
    }

    private String run(boolean forArguments, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AppContext ctx = new AppContext(dir)) {
            PrintWriter o = new PrintWriter(out, true);
            PrintWriter e = new PrintWriter(err, true);
            exit = (forArguments ? NetTuneCommand.commandLineFor(ctx, o, e, null, args) : NetTuneCommand.commandLine(ctx, o, e))
                    .execute(args);
        }
        return exit + "\n" + out + "\n" + err;
    }
}
