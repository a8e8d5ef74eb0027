package dev.nettune.tuning;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Persists sysctls across reboots in {@code /etc/sysctl.d/99-network-tuning.conf}: the lines for
 * the managed names are replaced or added, every other line of an existing file is kept; the file
 * is written atomically and loaded with {@code sysctl -p FILE}.
 */
public record SysctlFileChange(String path, Map<String, String> settings) implements Change {
    public static final String DEFAULT_PATH = "/etc/sysctl.d/99-network-tuning.conf";
    private static final String HEADER = "# Network tuning written by NetTune. NetTune replaces the lines it"
            + " manages and keeps every other line.\n";

    public SysctlFileChange {
        Action.checkPath(path == null ? DEFAULT_PATH : path);
        path = path == null ? DEFAULT_PATH : path;
        Map<String, String> checked = new LinkedHashMap<>();
        settings.forEach((k, v) -> checked.put(SysctlSpec.checkName(k), SysctlSpec.checkValue(k, v)));
        if (checked.isEmpty()) {
            throw new TuningInputException("A sysctl file needs at least one setting.");
        }
        settings = java.util.Collections.unmodifiableMap(checked);
    }

    public static SysctlFileChange of(List<SysctlChange> sysctls) {
        Map<String, String> m = new LinkedHashMap<>();
        sysctls.forEach(s -> m.put(s.name(), s.value()));
        return new SysctlFileChange(DEFAULT_PATH, m);
    }

    @Override
    public String target() {
        return "file " + path;
    }

    @Override
    public String title() {
        return path + " (persists " + settings.size() + " sysctl" + (settings.size() == 1 ? "" : "s") + ")";
    }

    /** The content for a host without the file. */
    @Override
    public String desired() {
        return desiredGiven(FileChange.ABSENT);
    }

    /** The existing file with the managed lines replaced in place and the missing ones appended. */
    @Override
    public String desiredGiven(String current) {
        StringBuilder out = new StringBuilder();
        Set<String> written = new LinkedHashSet<>();
        if (FileChange.ABSENT.equals(current) || current.isBlank()) {
            out.append(HEADER);
        } else {
            for (String line : current.split("\n", -1)) {
                String t = line.strip();
                int eq = t.indexOf('=');
                String key = eq > 0 && !t.startsWith("#") && !t.startsWith(";") ? t.substring(0, eq).strip() : null;
                if (key != null && key.startsWith("-")) {
                    key = key.substring(1);
                }
                if (key != null && settings.containsKey(key)) {
                    if (written.add(key)) {
                        out.append(key).append(" = ").append(settings.get(key)).append('\n');
                    }
                } else {
                    out.append(line).append('\n');
                }
            }
            // split(-1) leaves one empty piece after the final newline: drop the extra line it added.
            while (out.length() >= 2 && out.charAt(out.length() - 1) == '\n' && out.charAt(out.length() - 2) == '\n') {
                out.setLength(out.length() - 1);
            }
        }
        settings.forEach((k, v) -> {
            if (!written.contains(k)) {
                out.append(k).append(" = ").append(v).append('\n');
            }
        });
        return out.toString();
    }

    @Override
    public List<Command> readCommands() {
        return List.of(Command.of("cat", path).asRoot());
    }

    @Override
    public Reading read(List<CommandResult> results) {
        return FileChange.readFile(results.get(0));
    }

    /** A file's content is shown in full in the preview; in a table it is summarised. */
    @Override
    public String show(String value) {
        return FileChange.summary(value);
    }

    @Override
    public List<Action> actions(String from, String to) {
        List<Action> a = new ArrayList<>();
        if (FileChange.ABSENT.equals(to)) {
            a.add(new Action.RemoveFile(path));
        } else {
            a.add(new Action.WriteFile(path, to, "644"));
            a.add(new Action.Run(Command.of("sysctl", "-p", path).asRoot()));
        }
        return a;
    }
}
