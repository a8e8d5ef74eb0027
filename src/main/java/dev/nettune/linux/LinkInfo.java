package dev.nettune.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One interface from {@code ip -o link}: index, name, flags, MTU, operational state and MAC address. */
public record LinkInfo(int index, String name, Set<String> flags, int mtu, String state, Optional<String> mac) {
    public LinkInfo {
        flags = Set.copyOf(flags);
    }

    public boolean isUp() {
        return flags.contains("UP");
    }

    /** Parses every line of {@code ip -o link} ("4: eth0: <BROADCAST,...> mtu 1400 ... state UP ...\    link/ether 02:..."). */
    public static List<LinkInfo> parseAll(String output) {
        List<LinkInfo> links = new ArrayList<>();
        for (String line : output.replace("\r", "").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int c1 = line.indexOf(": ");
            int c2 = c1 < 0 ? -1 : line.indexOf(": ", c1 + 2);
            if (c1 < 0 || c2 < 0) {
                throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notIpLink", "Not ip -o link output: '{0}'.", line));
            }
            int index = Integer.parseInt(line.substring(0, c1).strip());
            String name = line.substring(c1 + 2, c2);
            int at = name.indexOf('@');
            if (at > 0) {
                name = name.substring(0, at);
            }
            String rest = line.substring(c2 + 2);
            Set<String> flags = Set.of();
            if (rest.startsWith("<")) {
                int gt = rest.indexOf('>');
                String f = rest.substring(1, gt);
                flags = f.isEmpty() ? Set.of() : Set.of(f.split(","));
                rest = rest.substring(gt + 1);
            }
            String[] tok = rest.replace("\\", " ").strip().split("\\s+");
            int mtu = 0;
            String state = "UNKNOWN";
            Optional<String> mac = Optional.empty();
            for (int i = 0; i + 1 < tok.length; i++) {
                switch (tok[i]) {
                    case "mtu" -> mtu = Integer.parseInt(tok[i + 1]);
                    case "state" -> state = tok[i + 1];
                    case "link/ether" -> mac = Optional.of(tok[i + 1]);
                    default -> {
                    }
                }
            }
            links.add(new LinkInfo(index, name, flags, mtu, state, mac));
        }
        return links;
    }

    /**
     * Parses {@code ip -j link}: a JSON array of objects with {@code ifindex}, {@code ifname},
     * {@code flags}, {@code mtu}, {@code operstate}, {@code address}. Read with a small scanner (the
     * linux package uses the JDK only); nested objects such as {@code linkinfo} are skipped.
     */
    public static List<LinkInfo> parseJson(String output) {
        String t = output.strip();
        if (!t.startsWith("[")) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notIpJson", "Not ip -j link output: expected a JSON array, got '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        List<LinkInfo> links = new ArrayList<>();
        int i = 1;
        while (i < t.length()) {
            int open = t.indexOf('{', i);
            if (open < 0) {
                break;
            }
            int close = matching(t, open);
            links.add(fromJsonObject(t.substring(open + 1, close)));
            i = close + 1;
        }
        return links;
    }

    /** The index of the brace closing the one at {@code open}, skipping strings. */
    private static int matching(String t, int open) {
        int depth = 0;
        boolean inString = false;
        for (int i = open; i < t.length(); i++) {
            char c = t.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.ipJsonUnclosed", "ip -j link: an object is not closed."));
    }

    private static LinkInfo fromJsonObject(String body) {
        // Only the top level: blank out nested objects so that their keys cannot be mistaken for ours.
        StringBuilder top = new StringBuilder(body);
        for (int i = 0; i < top.length(); i++) {
            if (top.charAt(i) == '"') {
                int j = i + 1;
                while (j < top.length() && top.charAt(j) != '"') {
                    j += top.charAt(j) == '\\' ? 2 : 1;
                }
                i = j;
            } else if (top.charAt(i) == '{') {
                int end = matching(top.toString(), i);
                for (int k = i; k <= end; k++) {
                    top.setCharAt(k, ' ');
                }
            }
        }
        String o = top.toString();
        java.util.regex.Matcher idx = java.util.regex.Pattern.compile("\"ifindex\"\\s*:\\s*(\\d+)").matcher(o);
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("\"ifname\"\\s*:\\s*\"([^\"]*)\"").matcher(o);
        java.util.regex.Matcher mtu = java.util.regex.Pattern.compile("\"mtu\"\\s*:\\s*(\\d+)").matcher(o);
        java.util.regex.Matcher state = java.util.regex.Pattern.compile("\"operstate\"\\s*:\\s*\"([^\"]*)\"").matcher(o);
        java.util.regex.Matcher mac = java.util.regex.Pattern.compile("\"address\"\\s*:\\s*\"([^\"]*)\"").matcher(o);
        java.util.regex.Matcher type = java.util.regex.Pattern.compile("\"link_type\"\\s*:\\s*\"([^\"]*)\"").matcher(o);
        java.util.regex.Matcher flags = java.util.regex.Pattern.compile("\"flags\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(o);
        if (!idx.find() || !name.find()) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.ipJsonNoName",
                    "ip -j link: an interface without ifindex or ifname: '{0}'.", body.strip()));
        }
        Set<String> fs = new java.util.HashSet<>();
        if (flags.find()) {
            for (String f : flags.group(1).split(",")) {
                String v = f.strip().replace("\"", "");
                if (!v.isEmpty()) {
                    fs.add(v);
                }
            }
        }
        boolean ether = type.find() && type.group(1).equals("ether");
        return new LinkInfo(Integer.parseInt(idx.group(1)), name.group(1), fs, mtu.find() ? Integer.parseInt(mtu.group(1)) : 0,
                state.find() ? state.group(1) : "UNKNOWN", ether && mac.find() ? Optional.of(mac.group(1)) : Optional.empty());
    }
}
