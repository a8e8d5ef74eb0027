package dev.nettune.tuning;

import dev.nettune.host.Command;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile as cloud-init user-data for new instances: the files NetTune owns (its sysctl.d file in full,
 * as on an instance that has none yet) in {@code write_files}, and in {@code runcmd}, in the profile's
 * order, what loads them and the shell for the rest, each run as its own {@code sh -c} so one skipped
 * step cannot end the others.
 */
public final class CloudInitUserData {
    private CloudInitUserData() {
    }

    /** The user-data text, starting with {@code #cloud-config}. */
    public static String render(Profile profile) {
        List<ProfileExport.Step> steps = ProfileExport.steps(profile);
        List<String> files = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (ProfileExport.Step step : steps) {
            if (step instanceof ProfileExport.Sysctls s) {
                if (s.file().isPresent()) {
                    files.add(file(s.file().get(), s.newFileContent(), "0644"));
                    commands.add("sysctl -p " + dev.nettune.host.ShellQuoting.quote(s.file().get()) + " >/dev/null\n");
                } else {
                    StringBuilder sb = new StringBuilder();
                    s.settings().forEach((k, v) -> sb.append(ProfileExport.act(new SysctlChange(k, v))));
                    commands.add(sb.toString());
                }
            } else if (step instanceof ProfileExport.AlignLines a) {
                commands.add(a.shell());
            } else if (step instanceof ProfileExport.WriteFile f) {
                files.add(file(f.path(), f.content(), f.octalMode()));
                if (!f.afterWrite().isEmpty()) {
                    StringBuilder sb = new StringBuilder();
                    f.afterWrite().forEach(argv -> sb.append(ProfileExport.line(Command.of(argv.get(0), argv.subList(1, argv.size()))))
                            .append('\n'));
                    commands.add(sb.toString());
                }
            } else if (step instanceof ProfileExport.Shell s) {
                commands.add(s.script());
            }
        }
        StringBuilder y = new StringBuilder("#cloud-config\n");
        y.append("# NetTune tuning profile \"").append(oneLine(profile.name())).append("\" as cloud-init user-data"
                + " (first boot of a new instance: the files are written whole).\n");
        if (!profile.description().isBlank()) {
            y.append("# ").append(oneLine(profile.description())).append('\n');
        }
        if (!files.isEmpty()) {
            y.append("write_files:\n");
            files.forEach(y::append);
        }
        if (!commands.isEmpty()) {
            y.append("runcmd:\n");
            for (String c : commands) {
                y.append("  - - sh\n    - -c\n    - ").append(YamlText.block(c, 4)).append('\n');
            }
        }
        return y.toString();
    }

    private static String file(String path, String content, String mode) {
        return "  - path: " + YamlText.quoted(path) + "\n    owner: \"root:root\"\n    permissions: " + YamlText.quoted(mode)
                + "\n    content: " + YamlText.block(content, 4) + "\n";
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
