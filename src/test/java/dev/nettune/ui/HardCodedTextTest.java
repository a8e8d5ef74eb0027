package dev.nettune.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a screen shows comes from the Messages bundles, so switching to Chinese leaves no English
 * behind: FXML labels are {@code %keys}, and the UI code sets no literal sentence or button word. Data
 * shown as an example (an interface name, a sysctl, a key) may stay literal.
 */
class HardCodedTextTest {
    private static final Path FXML = Path.of("src/main/resources/dev/nettune/ui");
    private static final Path UI_CODE = Path.of("src/main/java/dev/nettune/ui");
    private static final Pattern FXML_TEXT = Pattern.compile("\\b(text|promptText|title)=\"([^\"]*)\"");
    private static final Pattern CODE_TEXT = Pattern.compile("(new (Label|Button|Tooltip|Tab|CheckBox|MenuItem|TableColumn"
            + "|ToggleButton|Hyperlink|RadioButton|TitledPane)(<[^>]*>)?\\(|\\.(setText|setPromptText|setTitle|setHeaderText"
            + "|setContentText)\\()\"([^\"]*)\"");
    /** Two words in a row, or one capitalised word: prose a translator must see. */
    private static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,}\\s+[A-Za-z]{2,}|^[A-Z][a-z]{2,}[.!?:…]*$");
    private static final Set<String> BRAND = Set.of("NetTune");

    static boolean isProse(String text) {
        String t = text.strip();
        return !t.isEmpty() && !t.startsWith("%") && !t.startsWith("$") && !BRAND.contains(t) && PROSE.matcher(t).find();
    }

    @Test
    void proseIsRecognisedAndDataIsNot() {
        assertThat(isProse("Apply")).isTrue();
        assertThat(isProse("Plan the profile")).isTrue();
        assertThat(isProse("%tuning.apply")).isFalse();
        assertThat(isProse("net.ipv4.tcp_tw_reuse")).isFalse();
        assertThat(isProse("eth1")).isFalse();
        assertThat(isProse("0-3; 4-7")).isFalse();
        assertThat(isProse("max/mean")).isFalse();
    }

    @Test
    void noFxmlLabelIsLiteralProse() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(FXML)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher m = FXML_TEXT.matcher(Files.readString(f));
                while (m.find()) {
                    if (isProse(m.group(2))) {
                        found.add(f.getFileName() + ": " + m.group(1) + "=\"" + m.group(2) + "\"");
                    }
                }
            }
        }
        assertThat(found).as("FXML attributes that should be %keys of the Messages bundles").isEmpty();
    }

    @Test
    void noUiCodeSetsLiteralProseOnAControl() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_CODE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_TEXT.matcher(Files.readString(f));
                while (m.find()) {
                    if (isProse(m.group(5))) {
                        found.add(f.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("controls given literal text instead of Messages").isEmpty();
    }

    @Test
    void theScanSeesTheScreens() throws IOException {
        // A moved resource folder would make the two scans above pass on nothing.
        try (Stream<Path> files = Files.walk(FXML)) {
            assertThat(files.filter(p -> p.toString().endsWith(".fxml")).count()).isGreaterThanOrEqualTo(10);
        }
    }
}
