package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.testing.EnglishLeft;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * picocli's conversion errors under {@code --lang zh_CN}: the frame ("Invalid value for option ...") was Chinese but
 * picocli's reason inside it ("'abc' is not a whole number") was English; both are Chinese now, the value typed as it came.
 */
class CliParseErrorsInChineseTest {
    @TempDir
    Path dir;
    final List<String> shown = new ArrayList<>();

    @AfterEach
    void backToEnglish() {
        CliText.use(Locale.ENGLISH);
    }

    private CliRun zh(AppContext context, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "zh_CN"));
        CliRun r = CliRun.in(context, all.toArray(String[]::new));
        CliText.use(Locale.ENGLISH);
        assertThat(r.exit()).as(r.text()).isEqualTo(2);
        assertThat(r.err()).as(r.text()).matches("(?s).*\\p{IsHan}.*");
        shown.add(r.err().lines().findFirst().orElse(""));
        return r;
    }

    @Test
    void picocliConversionReasonsAreSaidInChinese() {
        try (AppContext context = new AppContext(dir.resolve("config"))) {
            assertThat(zh(context, "host", "add", "web1", "--address", "10.0.0.1", "--port", "abc").err()).contains("abc");
            zh(context, "recording", "export", "abc");
            assertThat(zh(context, "host", "add", "web1", "--address", "10.0.0.1", "--port", "3000000000").err()).contains("3000000000");
            zh(context, "recording", "compare", "1", "x2");
            // The reason inside picocli's frame must be Chinese too, not only the frame.
            assertThat(EnglishLeft.in(shown.stream().flatMap(t -> Arrays.stream(t.split("[：；（）。，]"))).toList()))
                    .as("English inside " + shown).isEmpty();

            assertThat(CliRun.in(context, "host", "add", "web1", "--address", "10.0.0.1", "--port", "abc").err())
                    .contains("Invalid value for option '--port': 'abc' is not a whole number: write digits 0-9 (like 42)");
        }
    }
}
