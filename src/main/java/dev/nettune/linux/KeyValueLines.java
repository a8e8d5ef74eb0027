package dev.nettune.linux;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads "key: value" / "key=value" lines, the shape of many small reports; the first occurrence wins. */
final class KeyValueLines {
    private KeyValueLines() {
    }

    static Map<String, String> parse(String output, char separator) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : output.split("\n", -1)) {
            int i = line.indexOf(separator);
            if (i <= 0) {
                continue;
            }
            String key = line.substring(0, i).strip();
            String value = line.substring(i + 1).strip();
            map.putIfAbsent(key, value);
        }
        return map;
    }

    static String firstLine(String output) {
        String s = output.strip();
        if (s.isEmpty()) {
            return "(no output)";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
