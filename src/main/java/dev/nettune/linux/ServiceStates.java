package dev.nettune.linux;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers for the small reports about services and modules: {@code systemctl is-active UNIT...}
 * (one state per line, in the order asked), {@code nmcli -t -f DEVICE,STATE device} and
 * {@code /proc/modules}.
 */
public final class ServiceStates {
    private ServiceStates() {
    }

    /** Unit name to state ("active", "inactive", "failed", "unknown"...) for {@code systemctl is-active} output. */
    public static Map<String, String> parseIsActive(List<String> units, String output) {
        String[] lines = output.strip().split("\n");
        Map<String, String> states = new LinkedHashMap<>();
        if (lines.length != units.size()) {
            throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.isActiveLines", "systemctl is-active printed {0} lines for {1} units: '{2}'.",
                    lines.length, units.size(), KeyValueLines.firstLine(output)));
        }
        for (int i = 0; i < units.size(); i++) {
            String s = lines[i].strip();
            if (!s.matches("[a-z-]+")) {
                throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notUnitState", "systemctl is-active: '{0}' is not a unit state.", s));
            }
            states.put(units.get(i), s);
        }
        return states;
    }

    /** Device to NetworkManager state ("connected", "unmanaged", ...) for {@code nmcli -t -f DEVICE,STATE device}. */
    public static Map<String, String> parseNmcliDevices(String output) {
        Map<String, String> states = new LinkedHashMap<>();
        for (String line : output.replace("\r", "").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // Terse mode escapes ':' inside values as '\:'.
            int sep = -1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') {
                    i++;
                } else if (line.charAt(i) == ':') {
                    sep = i;
                    break;
                }
            }
            if (sep < 0) {
                throw new LinuxParseException(dev.nettune.Phrase.of("linux.parse.notNmcli", "Not nmcli -t output: '{0}'.", line));
            }
            String device = line.substring(0, sep).replace("\\:", ":");
            String rest = line.substring(sep + 1);
            int next = rest.indexOf(':');
            states.put(device, next < 0 ? rest : rest.substring(0, next));
        }
        return states;
    }

    /** Whether {@code module} is listed in {@code /proc/modules} (or {@code lsmod}) output. */
    public static boolean moduleLoaded(String procModules, String module) {
        for (String line : procModules.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.substring(0, sp).equals(module)) {
                return true;
            }
        }
        return false;
    }
}
