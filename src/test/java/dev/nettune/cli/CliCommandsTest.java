package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
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
    void anAreaAloneAnswersAsUnderTheWholeTree() {
        String[] args = {"rss", "hash", "-t", "10.0.0.251", "-r", "10.0.0.1", "-T", "18042", "-R", "26000", "--equal", "64",
            "-k", RssCliTest.SEED_KEY};
        assertThat(run(CliCommands.forArguments(args), args)).isEqualTo(run(CliCommands.all(), args));
        String[] bad = {"rss", "hsh"};
        assertThat(run(CliCommands.forArguments(bad), bad)).isEqualTo(run(CliCommands.all(), bad));
    }

    private String run(List<Class<?>> areas, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit;
        try (AppContext ctx = new AppContext(dir)) {
            exit = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true), areas, null).execute(args);
        }
        return exit + "\n" + out + "\n" + err;
    }
}
