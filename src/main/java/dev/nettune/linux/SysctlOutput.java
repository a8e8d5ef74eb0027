package dev.nettune.linux;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code sysctl NAME...}, {@code sysctl -a}, {@code sysctl -w} or {@code sysctl -p FILE} printed:
 * the values by name ("name = value"; multi-value settings keep their tabs), and the names it could not
 * read or write with the reason ("sysctl: cannot stat /proc/sys/net/smc/x: No such file or directory").
 */
public record SysctlOutput(Map<String, String> values, Map<String, String> errors) {
    public SysctlOutput {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static SysctlOutput parse(String output) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String line : output.replace("\r", "").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("sysctl: ")) {
                String key = errorKey(line.substring("sysctl: ".length()));
                if (key != null) {
                    errors.put(key, line.substring("sysctl: ".length()));
                }
                continue;
            }
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                values.put(line.substring(0, eq).strip(), line.substring(eq + 3));
            } else if (line.endsWith(" =")) {
                values.put(line.substring(0, line.length() - 2).strip(), "");
            }
        }
        return new SysctlOutput(values, errors);
    }

    /** The setting a sysctl error line names: "cannot stat /proc/sys/x: ...", "setting key \"x\": ...", "permission denied on key 'x'". */
    private static String errorKey(String message) {
        for (String prefix : new String[] {"cannot stat ", "cannot open "}) {
            if (message.startsWith(prefix)) {
                String rest = message.substring(prefix.length()).replace("\"", "");
                int colon = rest.indexOf(": ");
                return toName(colon < 0 ? rest : rest.substring(0, colon));
            }
        }
        int q = message.indexOf('"');
        char quote = '"';
        if (q < 0) {
            q = message.indexOf('\'');
            quote = '\'';
        }
        if (q >= 0) {
            int end = message.indexOf(quote, q + 1);
            if (end > q) {
                return toName(message.substring(q + 1, end));
            }
        }
        return null;
    }

    /** {@code /proc/sys/net/ipv4/tcp_tw_reuse} to {@code net.ipv4.tcp_tw_reuse}. */
    public static String toName(String pathOrName) {
        String p = pathOrName.startsWith("/proc/sys/") ? pathOrName.substring("/proc/sys/".length()).replace('/', '.') : pathOrName;
        return p;
    }

    /** {@code net.ipv4.tcp_tw_reuse} to {@code /proc/sys/net/ipv4/tcp_tw_reuse}. */
    public static String toPath(String name) {
        return "/proc/sys/" + name.replace('.', '/');
    }

    /** The value of {@code name}, or why it is unknown. */
    public Reading<String> reading(String name) {
        String v = values.get(name);
        if (v != null) {
            return Reading.known(v);
        }
        String err = errors.get(name);
        if (err != null) {
            return err.contains("No such file")
                    ? Reading.unknown(dev.nettune.Phrase.of("linux.sysctl.notOnKernel", "{0} does not exist on this kernel ({1})", name, err))
                    : Reading.unknown(err);
        }
        return Reading.unknown(dev.nettune.Phrase.of("linux.sysctl.notInOutput", "{0} was not in the sysctl output", name));
    }

    /** Prints one setting as sysctl does. */
    public static String formatLine(String name, String value) {
        return name + " = " + value + "\n";
    }
}
