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

    /**
     * Literals in UI code that are data, not words for the user, each with why: formats, styles, a line for the
     * start-up benchmark script, programmer errors no user can cause. Anything else that reads as prose must come
     * from the Messages bundles (or be a domain Phrase said in the language in use).
     */
    private static final Set<String> NOT_WORDS = Set.of(
            // DateTimeFormatter patterns.
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss 'UTC'",
            // The line scripts (packaging/startup-bench) parse on stderr: not shown in the window.
            "nettune: first frame", "ms after the process started",
            // Programmer errors: a build without its FXML or a PNG writer fails every test, not a user.
            "FXML missing from the build:", "The view", "did not load:", "No PNG writer in this Java runtime.",
            // Values matched, not shown: the API's ENI type, and the ENI wizard's RSS choices (their labels are keys).
            "Secondary", "leave as is",
            // A style, and a converter's refusal no user can reach (the boxes are not editable).
            "-fx-background-color: linear-gradient(to right,", "not editable",
            // The flows CSV sample's header is the file format (the user edits it; FlowCsv reads it).
            "# src,dst,sport,dport,queue (both ports empty = ICMP, addresses only)\\n");

    /** Files whose literals are names, not words: the font families Fonts looks for. */
    private static final Set<String> NAMES_ONLY = Set.of("Fonts.java");

    /**
     * The string literals of Java source, comments left out, each with its line; the English default of a domain
     * {@code Phrase.of(key, english)} is left out too (the phrases bundle says it in Chinese).
     */
    static List<String> literals(String source) {
        List<String> out = new ArrayList<>();
        // The code read so far with string contents blanked: where a statement starts, whatever the strings hold.
        StringBuilder code = new StringBuilder(source.length());
        int line = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
                i = source.indexOf('\n', i) - 1;
                if (i < 0) {
                    break;
                }
                continue;
            } else if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
                continue;
            } else if (c == '\'') {
                // A char literal ('"' among them) is skipped whole.
                i = source.indexOf('\'', i + (source.charAt(i + 1) == '\\' ? 3 : 2));
                code.append("' '");
                continue;
            } else if (c == '"' && source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                if (!inPhrase(code)) {
                    out.add(line + ": " + source.substring(i + 3, end));
                }
                line += (int) source.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
                code.append("\"\"");
                continue;
            } else if (c == '"') {
                int j = i + 1;
                while (source.charAt(j) != '"') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                if (!inPhrase(code)) {
                    out.add(line + ": " + source.substring(i + 1, j));
                }
                i = j;
                code.append("\"\"");
                continue;
            }
            code.append(c);
        }
        return out;
    }

    // The statement the next literal is in (from the last ';' or brace of the code before it) makes a Phrase.
    private static boolean inPhrase(CharSequence code) {
        String c = code.toString();
        int start = Math.max(c.lastIndexOf(';'), Math.max(c.lastIndexOf('{'), c.lastIndexOf('}')));
        return c.substring(start + 1).contains("Phrase.of(");
    }

    @Test
    void literalsAreFoundOutsideComments() {
        String source = "// \"Not this one\"\n/* nor \"this one here\" */ char q = '\"'; s = \"Plan the profile\" + 'x';\n"
                + "t = \"a \\\"quoted\\\" word\";\nthrow new X(Phrase.of(\"k.e\", \"Said {0} in Chinese \"\n + \"from the bundle\", \"ab\"));";
        assertThat(literals(source)).containsExactly("2: Plan the profile", "3: a \\\"quoted\\\" word");
    }

    @Test
    void noUiCodeHoldsALiteralSentence() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(UI_CODE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (String lit : literals(Files.readString(f))) {
                    String text = lit.substring(lit.indexOf(": ") + 2);
                    if (isProse(text) && !NOT_WORDS.contains(text.strip()) && !NAMES_ONLY.contains(f.getFileName().toString())) {
                        found.add(UI_CODE.relativize(f) + ":" + lit);
                    }
                }
            }
        }
        assertThat(found).as("sentences in UI code that a Chinese user would read in English: say them from the Messages"
                + " bundles (or a domain Phrase); data that is not words goes into NOT_WORDS with why").isEmpty();
    }

    @Test
    void theScanSeesTheScreens() throws IOException {
        // A moved resource folder would make the two scans above pass on nothing.
        try (Stream<Path> files = Files.walk(FXML)) {
            assertThat(files.filter(p -> p.toString().endsWith(".fxml")).count()).isGreaterThanOrEqualTo(10);
        }
    }
}
