package dev.nettune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain's phrases (validation errors, verdict causes, plan steps) all have Chinese: every key the code raises is in
 * {@code phrases_zh_CN.properties} with the same placeholders as its English, and the bundle holds no key the code
 * no longer raises.
 */
class PhrasesBundleTest {
    // Phrase.of("key", "English" + "more English", args...): the key and the literal pieces of its English.
    private static final Pattern RAISED = Pattern.compile("Phrase\\.of\\(\\s*\"([A-Za-z0-9.]+)\"\\s*,\\s*((?:\"(?:[^\"\\\\]|\\\\.)*\"\\s*\\+?\\s*)+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

    private static Properties chinese() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Phrase.class.getResourceAsStream("/dev/nettune/phrases_zh_CN.properties")) {
            assertThat(in).as("phrases_zh_CN.properties on the class path").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Map<String, String> raised() throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = RAISED.matcher(Files.readString(f));
                while (m.find()) {
                    out.put(m.group(1), m.group(2).replaceAll("\"\\s*\\+\\s*\"", "").replaceAll("^\"|\"\\s*\\+?\\s*$", ""));
                }
            }
        }
        return out;
    }

    private static TreeSet<String> placeholders(String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    @Test
    void everyPhraseTheCodeRaisesHasChineseWithTheSamePlaceholders() throws IOException {
        Properties zh = chinese();
        Map<String, String> raised = raised();
        assertThat(raised).as("phrases found in the code").hasSizeGreaterThan(80);
        for (Map.Entry<String, String> e : raised.entrySet()) {
            assertThat(zh.getProperty(e.getKey())).as("Chinese for " + e.getKey() + " (" + e.getValue() + ")").isNotBlank();
            assertThat(placeholders(zh.getProperty(e.getKey()))).as("placeholders of " + e.getKey())
                    .isEqualTo(placeholders(e.getValue()));
        }
    }

    @Test
    void theChineseBundleHoldsNoPhraseTheCodeNoLongerRaises() throws IOException {
        TreeSet<String> stale = new TreeSet<>(chinese().stringPropertyNames());
        stale.removeAll(raised().keySet());
        // Keys built at run time from a fixed prefix (one per sysctl NetTune knows the range of).
        stale.removeIf(k -> k.startsWith("tuning.sysctl.meaning.") || k.startsWith("tuning.show.nm."));
        // One label and one advice per verification cause (Explanation.labelPhrase / advicePhrase).
        for (dev.nettune.monitor.Explanation e : dev.nettune.monitor.Explanation.values()) {
            stale.remove(e.labelPhrase().key());
            stale.remove(e.advicePhrase().key());
        }
        assertThat(stale).as("keys in phrases_zh_CN.properties that no Phrase.of names").isEmpty();
    }

    @Test
    void everyVerificationCauseHasAChineseLabelAndAdvice() {
        for (dev.nettune.monitor.Explanation e : dev.nettune.monitor.Explanation.values()) {
            assertThat(e.labelPhrase().in(Locale.SIMPLIFIED_CHINESE)).as(e + " label").matches("(?s).*\\p{IsHan}.*");
            assertThat(e.advicePhrase().in(Locale.SIMPLIFIED_CHINESE)).as(e + " advice").matches("(?s).*\\p{IsHan}.*");
        }
    }

    @Test
    void aPhraseIsChineseInChineseAndEnglishOtherwiseWithItsNestedPhraseInTheSameLanguage() {
        Phrase p = Phrase.of("rss.key.wrongLength", "The key has {0} bytes; this device expects {1} bytes ({2} hex digits). {3}",
                41, 40, 80, Phrase.of("rss.key.byteTooMany", "Byte {0} is one too many.", 41));

        assertThat(p.in(Locale.ENGLISH)).isEqualTo("The key has 41 bytes; this device expects 40 bytes (80 hex digits). Byte 41 is one too many.");
        assertThat(p.toString()).isEqualTo(p.in(Locale.ENGLISH));
        assertThat(p.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("哈希密钥有 41 字节；此设备要求 40 字节（80 位十六进制数字）。第 41 字节是多出来的。");
    }

    @Test
    void argumentsAreFilledInAsTheyAreWithoutGroupingOrQuoting() {
        Phrase p = Phrase.of("cloud.ports.backwards", "x", 65535, 1);

        assertThat(p.in(Locale.SIMPLIFIED_CHINESE)).contains("65535/1").contains("1/65535").doesNotContain("65,535");
        assertThat(Phrase.of("linux.cpus.notList", "Not a CPU list: '{0}'.", "a'b").toString()).isEqualTo("Not a CPU list: 'a'b'.");
    }

    @Test
    void anErrorWithoutAPhraseIsSaidAsItsMessageInEveryLanguage() {
        assertThat(Phrase.describe(new IllegalStateException("disk full"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("disk full");
        assertThat(Phrase.describe(new InputException("plain"), Locale.SIMPLIFIED_CHINESE)).isEqualTo("plain");
    }
}
