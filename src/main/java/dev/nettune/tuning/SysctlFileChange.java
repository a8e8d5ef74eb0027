package dev.nettune.tuning;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.linux.Reading;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Persists sysctls across reboots in {@code /etc/sysctl.d/99-network-tuning.conf}: the lines for
 * the managed names are replaced or added, every other line of an existing file is kept; the file
 * is written atomically and loaded with {@code sysctl -p FILE}. With {@code onlyReplace} it only
 * aligns lines a file already has (for a file read after NetTune's own, such as /etc/sysctl.conf).
 */
public record SysctlFileChange(String path, Map<String, String> settings, boolean onlyReplace) implements Change {
    public static final String DEFAULT_PATH = "/etc/sysctl.d/99-network-tuning.conf";

    /**
     * Read after every /etc/sysctl.d file, both by {@code sysctl --system} and at boot (Alibaba Cloud
     * Linux links it as /etc/sysctl.d/99-sysctl.conf, which sorts after 99-network-tuning.conf). The
     * public images set {@code net.ipv4.tcp_max_tw_buckets = 5000} there, which would silently undo the
     * seed's 200000 at the next boot.
     */
    public static final String SYSTEM_CONF = "/etc/sysctl.conf";
    private static final String HEADER = "# Network tuning written by NetTune. NetTune replaces the lines it"
            + " manages and keeps every other line.\n";

    public SysctlFileChange {
        Action.checkPath(path == null ? DEFAULT_PATH : path);
        path = path == null ? DEFAULT_PATH : path;
        Map<String, String> checked = new LinkedHashMap<>();
        settings.forEach((k, v) -> checked.put(SysctlSpec.checkName(k), SysctlSpec.checkValue(k, v)));
        if (checked.isEmpty()) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.sysctlFile.empty", "A sysctl file needs at least one setting."));
        }
        settings = java.util.Collections.unmodifiableMap(checked);
    }

    public SysctlFileChange(String path, Map<String, String> settings) {
        this(path, settings, false);
    }

    /** Aligns the lines {@code path} already has for these sysctls; adds none and creates no file. */
    public static SysctlFileChange overridesIn(String path, Map<String, String> settings) {
        return new SysctlFileChange(path, settings, true);
    }

    public static SysctlFileChange of(List<SysctlChange> sysctls) {
        Map<String, String> m = new LinkedHashMap<>();
        sysctls.forEach(s -> m.put(s.name(), s.value()));
        return new SysctlFileChange(DEFAULT_PATH, m);
    }

    @Override
    public List<String> writtenFiles() {
        return List.of(path);
    }

    @Override
    public String target() {
        return "file " + path;
    }

    @Override
    public dev.nettune.Phrase titlePhrase() {
        if (onlyReplace) {
            return dev.nettune.Phrase.of("tuning.title.sysctlFileAligned",
                    "{0} (read last at boot: its lines for the tuned sysctls are aligned so they cannot undo them)", path);
        }
        return settings.size() == 1
                ? dev.nettune.Phrase.of("tuning.title.sysctlFileOne", "{0} (persists 1 sysctl)", path)
                : dev.nettune.Phrase.of("tuning.title.sysctlFile", "{0} (persists {1} sysctls)", path, settings.size());
    }

    /** The content for a host without the file. */
    @Override
    public String desired() {
        return desiredGiven(FileChange.ABSENT);
    }

    /** The existing file with the managed lines replaced in place and the missing ones appended. */
    @Override
    public String desiredGiven(String current) {
        if (onlyReplace && (FileChange.ABSENT.equals(current) || current.isBlank())) {
            return current;
        }
        StringBuilder out = new StringBuilder();
        Set<String> written = new LinkedHashSet<>();
        if (FileChange.ABSENT.equals(current) || current.isBlank()) {
            out.append(HEADER);
        } else {
            // Every line kept byte for byte (blank lines, a missing final newline): only managed lines change.
            boolean endsWithNewline = current.endsWith("\n");
            String[] lines = current.split("\n", -1);
            int count = endsWithNewline ? lines.length - 1 : lines.length;
            for (int i = 0; i < count; i++) {
                String line = lines[i];
                String t = line.strip();
                int eq = t.indexOf('=');
                String key = eq > 0 && !t.startsWith("#") && !t.startsWith(";") ? t.substring(0, eq).strip() : null;
                if (key != null && key.startsWith("-")) {
                    key = key.substring(1);
                }
                boolean last = i == count - 1;
                if (key != null && settings.containsKey(key)) {
                    if (written.add(key)) {
                        out.append(key).append(" = ").append(settings.get(key));
                        if (!last || endsWithNewline) {
                            out.append('\n');
                        }
                    }
                } else {
                    out.append(line);
                    if (!last || endsWithNewline) {
                        out.append('\n');
                    }
                }
            }
            boolean adding = !onlyReplace && settings.keySet().stream().anyMatch(k -> !written.contains(k));
            if (adding && out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
        }
        settings.forEach((k, v) -> {
            if (!onlyReplace && !written.contains(k)) {
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
    public Reading<String> read(List<CommandResult> results) {
        return FileChange.readFile(results.get(0));
    }

    /** A file's content is shown in full in the preview; in a table it is summarised. */
    @Override
    public String show(String value) {
        return FileChange.summary(value);
    }

    @Override
    public Phrase showPhrase(String value) {
        return FileChange.summaryPhrase(value);
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
