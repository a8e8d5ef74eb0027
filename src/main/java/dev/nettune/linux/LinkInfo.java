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
                throw new LinuxParseException("Not ip -o link output: '" + line + "'.");
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

    /** Prints the line as {@code ip -o link} does. */
    public String formatOneLine() {
        List<String> order = List.of("BROADCAST", "MULTICAST", "UP", "LOWER_UP");
        List<String> fs = new ArrayList<>();
        for (String f : order) {
            if (flags.contains(f)) {
                fs.add(f);
            }
        }
        return index + ": " + name + ": <" + String.join(",", fs) + "> mtu " + mtu + " qdisc mq state " + state
                + " mode DEFAULT group default qlen 1000\\    link/ether " + mac.orElse("00:00:00:00:00:00")
                + " brd ff:ff:ff:ff:ff:ff\n";
    }
}
