package dev.nettune.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Finds English sentences left in text shown to a Chinese user: a line with no Chinese character that holds three
 * English words in a row (a sentence, not a term such as "TIME-WAIT", "NetworkManager" or a command). Tests in
 * Chinese assert that what a screen, a log or the CLI said leaves nothing here.
 */
public final class EnglishLeft {
    /** Three English words in a row. */
    public static final Pattern SENTENCE = Pattern.compile("\\b[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}\\b");

    /**
     * Text that is data, not NetTune's words, and stays as it is in every language: the format of
     * {@code ethtool -x} output and of the flows CSV (a sample the user edits).
     */
    private static final List<String> DATA = List.of("RX flow hash indirection table for ", "# src,dst,sport,dport");

    /** A command line NetTune shows the user to type (a help example, a remedy): words of the command, not prose. */
    private static final Pattern COMMAND = Pattern.compile(
            "^\\s*(\\$ )?nettune (rss|host|tune|journal|monitor|verify|cloud|cloud-sandbox|fleet|recording|dpdk|help)( [-\\w.:=,@/'\"]+)*\\s*$");

    private EnglishLeft() {
    }

    /** The English lines among these texts (each text split at its line breaks), each once, in order. */
    public static List<String> in(Collection<String> texts) {
        List<String> out = new ArrayList<>();
        for (String t : texts) {
            if (t == null) {
                continue;
            }
            // Line by line: a Chinese line may quote a command ("nmcli dev set NIC managed no").
            for (String line : t.split("\n")) {
                if (!line.matches(".*\\p{IsHan}.*") && SENTENCE.matcher(line).find() && !out.contains(line)
                        && DATA.stream().noneMatch(line::startsWith)
                        && !COMMAND.matcher(line).matches()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    /** The English lines shown under {@code root}: visible labels (list and table cells among them), texts and prompts. Call on the FX thread. */
    public static List<String> shownUnder(Parent root) {
        return in(shownTexts(root));
    }

    /** Every text a user sees under {@code root} (visible nodes only). Call on the FX thread. */
    public static List<String> shownTexts(Parent root) {
        List<String> texts = new ArrayList<>();
        for (Node n : descendants(root)) {
            if (!n.isVisible() || n.getScene() == null) {
                continue;
            }
            // List and table cells are labels; a text area's lines are Text nodes of its skin.
            if (n instanceof Labeled l) {
                texts.add(l.getText());
            } else if (n instanceof TextInputControl in) {
                texts.add(in.getPromptText());
            } else if (n instanceof Text x) {
                texts.add(x.getText());
            }
        }
        return texts;
    }

    private static List<Node> descendants(Parent root) {
        List<Node> out = new ArrayList<>();
        for (Node n : root.getChildrenUnmodifiable()) {
            out.add(n);
            if (n instanceof Parent p) {
                out.addAll(descendants(p));
            }
        }
        return out;
    }
}
