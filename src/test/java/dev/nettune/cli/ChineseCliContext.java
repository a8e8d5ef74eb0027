package dev.nettune.cli;

import dev.nettune.app.AppContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app context in a fresh config folder shared by a test class's commands, and the CLI put back to English after them
 * (a {@code --lang zh_CN} run leaves the CLI's language set for the JVM): the set-up of the command-line tests in Chinese.
 */
abstract class ChineseCliContext {
    @TempDir
    static Path dir;

    static AppContext context;

    @BeforeAll
    static void open() {
        context = new AppContext(dir.resolve("config"));
    }

    @AfterAll
    static void close() {
        context.close();
        CliText.use(java.util.Locale.ENGLISH);
    }
}
