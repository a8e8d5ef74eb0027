package dev.nettune.linux;

import dev.nettune.Phrase;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What {@code ethtool -l NIC} reports: the maximum and current RX, TX, other and combined channel
 * counts; "n/a" is empty.
 */
public record Channels(OptionalInt maxRx, OptionalInt maxTx, OptionalInt maxOther, OptionalInt maxCombined,
                       OptionalInt rx, OptionalInt tx, OptionalInt other, OptionalInt combined) {

    public static Channels combined(int max, int current) {
        return new Channels(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(max),
                OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), OptionalInt.of(current));
    }

    /** Parses {@code ethtool -l}: "Pre-set maximums:" then "Current hardware settings:", each RX/TX/Other/Combined. */
    public static Channels parse(String output) {
        String text = output.replace("\r", "");
        int max = text.indexOf("Pre-set maximums:");
        int cur = text.indexOf("Current hardware settings:");
        if (max < 0 || cur < 0) {
            throw new LinuxParseException(Phrase.of("linux.parse.notEthtoolL",
                    "Not ethtool -l output: expected 'Pre-set maximums:' and 'Current hardware settings:', got '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        Map<String, String> m = KeyValueLines.parse(text.substring(max, cur), ':');
        Map<String, String> c = KeyValueLines.parse(text.substring(cur), ':');
        return new Channels(num(m, "RX"), num(m, "TX"), num(m, "Other"), num(m, "Combined"),
                num(c, "RX"), num(c, "TX"), num(c, "Other"), num(c, "Combined"));
    }

    private static OptionalInt num(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null || v.equals("n/a") || v.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new LinuxParseException(Phrase.of("linux.parse.ethtoolLNotNumber", "ethtool -l: '{0}' is '{1}', expected a number or n/a.",
                    key, v));
        }
    }

    /** The number of RX queues in use: combined channels, else dedicated RX channels. */
    public int rxQueues() {
        return combined.orElse(0) + rx.orElse(0) > 0 ? combined.orElse(0) + rx.orElse(0) : 1;
    }

    /** The number of TX queues in use: combined channels, else dedicated TX channels. */
    public int txQueues() {
        return combined.orElse(0) + tx.orElse(0) > 0 ? combined.orElse(0) + tx.orElse(0) : 1;
    }

    /** Prints the report in the layout of {@code ethtool -l}. */
    public String format(String nic) {
        return "Channel parameters for " + nic + ":\nPre-set maximums:\n"
                + "RX:\t\t" + show(maxRx) + "\nTX:\t\t" + show(maxTx) + "\nOther:\t\t" + show(maxOther)
                + "\nCombined:\t" + show(maxCombined) + "\nCurrent hardware settings:\n"
                + "RX:\t\t" + show(rx) + "\nTX:\t\t" + show(tx) + "\nOther:\t\t" + show(other)
                + "\nCombined:\t" + show(combined) + "\n";
    }

    private static String show(OptionalInt v) {
        return v.isPresent() ? Integer.toString(v.getAsInt()) : "n/a";
    }
}
