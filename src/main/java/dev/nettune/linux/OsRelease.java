package dev.nettune.linux;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /etc/os-release}: the distribution's id, version and pretty name. */
public record OsRelease(Map<String, String> fields) {
    public OsRelease {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static OsRelease parse(String output) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : output.replace("\r", "").split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("#") || eq <= 0) {
                continue;
            }
            String v = line.substring(eq + 1).strip();
            if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
                v = v.substring(1, v.length() - 1);
            }
            map.put(line.substring(0, eq).strip(), v);
        }
        if (!map.containsKey("ID") && !map.containsKey("NAME")) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notOsRelease", "Not /etc/os-release: no ID= or NAME= in '{0}'.",
                    KeyValueLines.firstLine(output)));
        }
        return new OsRelease(map);
    }

    public String id() {
        return fields.getOrDefault("ID", "linux");
    }

    public String versionId() {
        return fields.getOrDefault("VERSION_ID", "");
    }

    public String prettyName() {
        return fields.getOrDefault("PRETTY_NAME", fields.getOrDefault("NAME", id()) + " " + versionId()).strip();
    }

    /** Alibaba Cloud Linux 3, the image the custom-RSS documentation is written for. */
    public boolean isAlibabaCloudLinux3() {
        return id().equals("alinux") && versionId().startsWith("3");
    }
}
