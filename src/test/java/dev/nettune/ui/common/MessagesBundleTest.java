package dev.nettune.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The English and Chinese bundles hold the same keys, and every key the GUI names exists. */
class MessagesBundleTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java/dev/nettune/ui");

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    private static Properties bundle(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/dev/nettune/ui/" + file)) {
            assertThat(in).as(file + " on the class path").isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void theChineseBundleHasExactlyTheEnglishKeys() throws IOException {
        TreeSet<String> en = new TreeSet<>(bundle("messages.properties").stringPropertyNames());
        TreeSet<String> zh = new TreeSet<>(bundle("messages_zh_CN.properties").stringPropertyNames());

        TreeSet<String> missingInChinese = new TreeSet<>(en);
        missingInChinese.removeAll(zh);
        TreeSet<String> onlyInChinese = new TreeSet<>(zh);
        onlyInChinese.removeAll(en);
        assertThat(missingInChinese).as("keys missing from messages_zh_CN.properties").isEmpty();
        assertThat(onlyInChinese).as("keys in messages_zh_CN.properties that English does not have").isEmpty();
    }

    @Test
    void noChineseTextIsBlankAndEveryPatternFormats() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties p = bundle(file);
            for (String k : p.stringPropertyNames()) {
                assertThat(p.getProperty(k)).as(file + " " + k).isNotBlank();
                String pattern = p.getProperty(k);
                // A plural ({0,choice,1#host|1<hosts}) or a number format takes a number; the rest take text.
                Object[] args = new Object[6];
                for (int i = 0; i < args.length; i++) {
                    args[i] = pattern.contains("{" + i + ",choice") || pattern.contains("{" + i + ",number") ? (Object) 2 : "a";
                }
                new MessageFormat(pattern).format(args);
            }
        }
    }

    @Test
    void everyKeyAnFxmlFileOrTheCodeNamesIsInTheBundle() throws IOException {
        Properties en = bundle("messages.properties");
        List<String> missing = new ArrayList<>();
        Pattern fxmlKey = Pattern.compile("=\"%([A-Za-z0-9_.]+)\"");
        Pattern codeKey = Pattern.compile("Messages\\.(?:get|format)\\(\"([A-Za-z0-9_.]+)\"\\s*[,)]");
        try (Stream<Path> files = Stream.concat(Files.walk(RESOURCES), Files.walk(SOURCES))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml") || p.toString().endsWith(".java")).toList()) {
                Matcher m = (f.toString().endsWith(".fxml") ? fxmlKey : codeKey).matcher(Files.readString(f));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(f + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("keys used but not in messages.properties").isEmpty();
    }

    @Test
    void englishCountsAgreeWithTheirNumber() {
        Messages.use(Messages.ENGLISH);

        assertThat(Messages.format("cloud.status.snapshot", 14, 1, 0, 1234))
                .isEqualTo("14 instances, 1 ENI, no security groups, 1,234 EIPs");
    }

    @Test
    void englishSaysZeroOfAThingInThePlural() {
        Messages.use(Messages.ENGLISH);

        // ChoiceFormat gives a number below the first limit the first choice: "1#step|1<steps" made "0 step".
        assertThat(Messages.format("tuning.log.planned", "nm-lab", "seed step 7", 0, "p1")).contains(", 0 steps (plan p1)");
        assertThat(Messages.format("tuning.status.toApply", 0)).isEqualTo("0 steps to apply.");
        assertThat(Messages.format("hosts.summary.queues", 0)).isEqualTo("0 queues");
        assertThat(Messages.format("production.step.planned", 0, "web")).startsWith("0 changes to apply on web.");
        assertThat(Messages.format("tuning.status.toApply", 1)).isEqualTo("1 step to apply.");
    }

    @Test
    void englishChosenOnAChineseSystemIsEnglish() {
        Locale system = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            Messages.use(Messages.ENGLISH);

            assertThat(Messages.get("screen.calculator")).isEqualTo("Calculator");
        } finally {
            Locale.setDefault(system);
        }
    }

    @Test
    void chineseUsesTheGlossaryTerms() {
        Messages.use(Messages.CHINESE);

        assertThat(Messages.get("calculator.hashKey")).isEqualTo("哈希密钥");
        assertThat(Messages.get("calculator.indirectionTable")).isEqualTo("间接表");
        assertThat(Messages.get("cloud.eni.eni.securityGroup")).isEqualTo("安全组");
        assertThat(Messages.locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void aMissingKeyShowsItselfInsteadOfABlank() {
        assertThat(Messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }
}
