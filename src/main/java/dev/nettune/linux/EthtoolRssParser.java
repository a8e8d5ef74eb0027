package dev.nettune.linux;

import dev.nettune.Phrase;
import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code ethtool -x} output in both the ioctl layout and the netlink layout (which may
 * start with a blank line and add sections such as "RSS input transformation"), any table size.
 */
public final class EthtoolRssParser {
    private static final Pattern HEADER = Pattern.compile(
            "RX flow hash indirection table for (\\S+) with (\\d+) RX ring\\(s\\):");
    private static final Pattern ROW = Pattern.compile("\\s*(\\d+):((?:\\s+\\d+)+)\\s*");
    private static final Pattern FUNCTION = Pattern.compile("\\s+(\\S+):\\s+(on|off)\\s*");

    private EthtoolRssParser() {
    }

    public static EthtoolRss parse(String output) {
        String[] lines = output.replace("\r", "").split("\n");
        String nic = "";
        OptionalInt rings = OptionalInt.empty();
        List<Integer> entries = new ArrayList<>();
        Optional<String> tableProblem = Optional.empty();
        StringBuilder keyText = new StringBuilder();
        Optional<String> keyProblem = Optional.empty();
        Map<String, Boolean> functions = new LinkedHashMap<>();
        boolean sawHeader = false;
        String section = "";
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            Matcher h = HEADER.matcher(line.strip());
            if (h.matches()) {
                nic = h.group(1);
                rings = OptionalInt.of(Integer.parseInt(h.group(2)));
                section = "table";
                sawHeader = true;
                continue;
            }
            String t = line.strip();
            if (t.startsWith("RSS hash key:")) {
                section = "key";
                String rest = t.substring("RSS hash key:".length()).strip();
                if (!rest.isEmpty()) {
                    keyText.append(rest);
                }
                continue;
            }
            if (t.startsWith("RSS hash function:")) {
                section = "function";
                continue;
            }
            if (t.endsWith(":") && t.contains(" ") && !ROW.matcher(line).matches()
                    && !FUNCTION.matcher(line).matches()) {
                // Another titled section (e.g. "RSS input transformation:"): not ours to read.
                section = "other";
                continue;
            }
            switch (section) {
                case "table" -> {
                    Matcher r = ROW.matcher(line);
                    if (r.matches()) {
                        int index = Integer.parseInt(r.group(1));
                        if (index != entries.size()) {
                            throw new LinuxParseException(Phrase.of("linux.parse.ethtoolXGap",
                                    "ethtool -x: row {0} follows {1} entries; the table is not contiguous.", index, entries.size()));
                        }
                        for (String v : r.group(2).strip().split("\\s+")) {
                            entries.add(Integer.parseInt(v));
                        }
                    } else {
                        tableProblem = Optional.of(t);
                    }
                }
                case "key" -> {
                    if (t.matches("[0-9a-fA-F:]+")) {
                        keyText.append(keyText.length() > 0 && !keyText.toString().endsWith(":") ? ":" : "").append(t);
                    } else {
                        keyProblem = Optional.of(t);
                    }
                }
                case "function" -> {
                    Matcher f = FUNCTION.matcher(line);
                    if (f.matches()) {
                        functions.put(f.group(1), f.group(2).equals("on"));
                    }
                }
                default -> {
                    // lines of sections we do not interpret
                }
            }
        }
        if (!sawHeader) {
            Object first = output.strip().isEmpty() ? Phrase.of("linux.parse.noOutput", "(no output)")
                    : output.strip().lines().findFirst().orElse("");
            throw new LinuxParseException(Phrase.of("linux.parse.notEthtoolX",
                    "Not ethtool -x output: expected 'RX flow hash indirection table for ...', got '{0}'.", first));
        }
        Optional<IndirectionTable> table = Optional.empty();
        if (!entries.isEmpty()) {
            int[] e = entries.stream().mapToInt(Integer::intValue).toArray();
            table = Optional.of(IndirectionTable.of(e, OptionalInt.empty()));
            tableProblem = Optional.empty();
        } else if (tableProblem.isEmpty()) {
            tableProblem = Optional.of(EthtoolRss.NO_TABLE);
        }
        Optional<RssKey> key = Optional.empty();
        if (keyText.length() > 0) {
            String k = keyText.toString();
            key = Optional.of(RssKey.parse(k, k.split(":").length));
            keyProblem = Optional.empty();
        } else if (keyProblem.isEmpty()) {
            keyProblem = Optional.of(EthtoolRss.NO_KEY);
        }
        return new EthtoolRss(nic, rings, table, tableProblem, key, keyProblem, functions);
    }

    /** Prints a table in exactly the layout {@code ethtool -x} uses. */
    public static String formatTable(String nic, int ringCount, IndirectionTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("RX flow hash indirection table for ").append(nic).append(" with ").append(ringCount)
                .append(" RX ring(s):\n");
        for (int i = 0; i < table.size(); i++) {
            if (i % 8 == 0) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(String.format("%5d: ", i));
            }
            sb.append(String.format(" %5d", table.entry(i)));
        }
        sb.append('\n');
        return sb.toString();
    }

    /** Prints the whole {@code ethtool -x} report (ioctl layout): table, key and hash functions. */
    public static String format(String nic, int ringCount, IndirectionTable table, RssKey key, String activeFunction) {
        StringBuilder sb = new StringBuilder(formatTable(nic, ringCount, table));
        sb.append("RSS hash key:\n").append(key.toColonHex()).append('\n');
        sb.append("RSS hash function:\n");
        for (String f : List.of("toeplitz", "xor", "crc32")) {
            sb.append("    ").append(f).append(": ").append(f.equals(activeFunction) ? "on" : "off").append('\n');
        }
        return sb.toString();
    }
}
