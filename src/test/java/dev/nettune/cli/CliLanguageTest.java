package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cli.CliProcess.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI speaks the language it is asked for: {@code --lang}, else LC_ALL over LC_MESSAGES over LANG, else
 * English; its JSON is the same in every language. Each case runs the real CLI in its own JVM with only the
 * environment given here and reads what it printed.
 */
class CliLanguageTest {
    private static final String[] HASH = {"rss", "hash", "-t", "10.0.0.251", "-r", "10.0.0.1", "-T", "18042", "-R", "26000",
        "-k", RssCliTest.SEED_KEY, "--equal", "64"};

    @TempDir
    Path home;

    private Run nettune(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return CliProcess.run(home, home.toString(), e -> {
            // Only what the case gives: no LANG or LC_* of the machine running the tests.
            e.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_") || k.equals("LANGUAGE"));
            e.putAll(env);
        }, args);
    }

    private static String[] with(String[] first, String... more) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void withNoLanguageInTheEnvironmentTheCliSpeaksEnglish() throws Exception {
        Run r = nettune(Map.of(), HASH);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("index:  117 (hash mod 128)").contains("queue:  53");
    }

    @Test
    void aChineseLangMakesTheHumanOutputChinese() throws Exception {
        Run r = nettune(Map.of("LANG", "zh_CN.UTF-8"), HASH);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("索引：  117（哈希 mod 128）").contains("队列：  53").doesNotContain("index:");
    }

    @Test
    void lcAllWinsOverLcMessagesAndLang() throws Exception {
        Run r = nettune(Map.of("LC_ALL", "C", "LC_MESSAGES", "zh_CN.UTF-8", "LANG", "zh_CN.UTF-8"), HASH);

        assertThat(r.out()).contains("index:  117");
    }

    @Test
    void lcMessagesWinsOverLang() throws Exception {
        Run r = nettune(Map.of("LC_MESSAGES", "zh_CN.UTF-8", "LANG", "en_US.UTF-8"), HASH);

        assertThat(r.out()).contains("索引：  117");
    }

    @Test
    void anEmptyLcAllIsSkippedAsPosixSays() throws Exception {
        Run r = nettune(Map.of("LC_ALL", "", "LANG", "zh_CN.UTF-8"), HASH);

        assertThat(r.out()).contains("索引：  117");
    }

    @Test
    void theLangOptionWinsOverTheEnvironmentWhereverItStands() throws Exception {
        Run before = nettune(Map.of("LC_ALL", "zh_CN.UTF-8"), with(new String[] {"--lang", "en"}, HASH));
        Run after = nettune(Map.of(), with(HASH, "--lang", "zh_CN"));

        assertThat(before.out()).as(before.err()).contains("index:  117");
        assertThat(after.out()).as(after.err()).contains("索引：  117");
    }

    @Test
    void jsonIsTheSameInEveryLanguage() throws Exception {
        Run english = nettune(Map.of("LANG", "en_US.UTF-8"), with(HASH, "--json"));
        Run chinese = nettune(Map.of("LANG", "zh_CN.UTF-8"), with(HASH, "--json"));

        assertThat(english.code()).as(english.err()).isZero();
        assertThat(chinese.out()).isEqualTo(english.out()).contains("\"queue\"");
    }

    @Test
    void aBadInputMessageFollowsTheLanguage() throws Exception {
        Run r = nettune(Map.of("LANG", "zh_CN.UTF-8"), "rss", "hash", "-t", "10.0.0.251", "-r", "10.0.0.1", "-T", "18042",
                "-R", "26000", "-k", RssCliTest.SEED_KEY, "--equal", "+5");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("“+5”不是整数");
    }

    @Test
    void aLanguageNetTuneDoesNotSpeakIsRefusedWithWhatIsAllowed() throws Exception {
        Run r = nettune(Map.of(), with(HASH, "--lang", "fr"));

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--lang 'fr'").contains("allowed: en, zh_CN");
        assertThat(r.out()).isEmpty();
    }
}
