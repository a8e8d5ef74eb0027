package dev.nettune.tuning;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile as an Ansible playbook for teams that run their own engine: {@code ansible.posix.sysctl}
 * for the sysctls (set now and persisted in NetTune's sysctl.d file, which keeps the file's other lines
 * as NetTune does), {@code ansible.builtin.copy} for the files NetTune owns, handlers for the reloads
 * that follow them, and shell tasks for ethtool, XPS, SMC and NetworkManager that report "changed" only
 * when the value read after differs from the value read before.
 */
public final class AnsiblePlaybook {
    private static final String RESULT = "nettune_result";

    private AnsiblePlaybook() {
    }

    /** The playbook text (one play, hosts from {@code nettune_hosts}, default all). */
    public static String render(Profile profile) {
        StringBuilder y = new StringBuilder();
        y.append("# NetTune tuning profile \"").append(oneLine(profile.name())).append("\" as an Ansible playbook.\n");
        if (!profile.description().isBlank()) {
            y.append("# ").append(oneLine(profile.description())).append('\n');
        }
        y.append("# Run: ansible-playbook -i INVENTORY THIS-FILE [-e nettune_hosts=GROUP] (needs the ansible.posix"
                + " collection).\n# Shell tasks print ").append(ProfileExport.CHANGED)
                .append(" when the value they read after differs from the one before.\n");
        y.append("- name: ").append(str("NetTune profile: " + profile.name())).append('\n');
        y.append("  hosts: \"{{ nettune_hosts | default('all') }}\"\n");
        y.append("  become: true\n  gather_facts: false\n  tasks:\n");
        Map<String, List<String>> handlers = new LinkedHashMap<>();
        List<ProfileExport.Step> steps = ProfileExport.steps(profile);
        if (steps.isEmpty()) {
            y.append("    - name: ").append(str("The profile has no entries")).append("\n      ansible.builtin.meta: noop\n");
        }
        for (ProfileExport.Step step : steps) {
            if (step instanceof ProfileExport.Sysctls s) {
                sysctls(y, s);
            } else if (step instanceof ProfileExport.AlignLines a) {
                shell(y, a.title(), a.shell());
            } else if (step instanceof ProfileExport.WriteFile f) {
                file(y, f, handlers);
            } else if (step instanceof ProfileExport.Shell s) {
                shell(y, s.title(), s.script());
            }
        }
        if (!handlers.isEmpty()) {
            y.append("  handlers:\n");
            handlers.forEach((name, argv) -> handler(y, name, argv));
        }
        return y.toString();
    }

    private static void sysctls(StringBuilder y, ProfileExport.Sysctls s) {
        s.settings().forEach((k, v) -> {
            if (s.file().isPresent()) {
                y.append("    - name: ").append(str("Sysctl " + k + " = " + v + " (persisted in " + s.file().get() + ")")).append('\n');
                y.append("      ansible.posix.sysctl:\n");
                y.append("        name: ").append(str(k)).append('\n');
                y.append("        value: ").append(str(v)).append('\n');
                y.append("        sysctl_file: ").append(str(s.file().get())).append('\n');
                y.append("        sysctl_set: true\n        reload: true\n        state: present\n");
            } else {
                SysctlChange c = new SysctlChange(k, v);
                shell(y, "Sysctl " + k + " = " + v + " (not persisted)", "set -e\nbefore=$(sysctl -n " + k + ")\n"
                        + ProfileExport.act(c) + "after=$(sysctl -n " + k + ")\n[ \"$before\" = \"$after\" ] || echo "
                        + ProfileExport.CHANGED + "\n");
            }
        });
    }

    private static void file(StringBuilder y, ProfileExport.WriteFile f, Map<String, List<String>> handlers) {
        y.append("    - name: ").append(str("Directory of " + f.path())).append('\n');
        y.append("      ansible.builtin.file:\n        path: ").append(str(f.directory())).append("\n        state: directory\n");
        y.append("    - name: ").append(str(f.title())).append('\n');
        y.append("      ansible.builtin.copy:\n");
        y.append("        dest: ").append(str(f.path())).append('\n');
        y.append("        owner: root\n        group: root\n");
        y.append("        mode: ").append(str(f.octalMode())).append('\n');
        y.append("        content: ").append(text(f.content(), 8)).append('\n');
        if (!f.afterWrite().isEmpty()) {
            y.append("      notify:\n");
            for (List<String> argv : f.afterWrite()) {
                String name = String.join(" ", argv);
                handlers.putIfAbsent(name, argv);
                y.append("        - ").append(str(name)).append('\n');
            }
        }
    }

    /** Handlers run in the order they are listed (daemon-reload before enable), which is the order they were first needed. */
    private static void handler(StringBuilder y, String name, List<String> argv) {
        y.append("    - name: ").append(str(name)).append('\n');
        if (argv.equals(List.of("systemctl", "daemon-reload"))) {
            y.append("      ansible.builtin.systemd:\n        daemon_reload: true\n");
        } else if (argv.size() == 3 && argv.get(0).equals("systemctl") && argv.get(1).equals("enable")) {
            y.append("      ansible.builtin.systemd:\n        name: ").append(str(argv.get(2))).append("\n        enabled: true\n");
        } else {
            y.append("      ansible.builtin.command:\n        argv:\n");
            argv.forEach(a -> y.append("          - ").append(str(a)).append('\n'));
        }
    }

    private static void shell(StringBuilder y, String title, String script) {
        y.append("    - name: ").append(str(title)).append('\n');
        y.append("      ansible.builtin.shell:\n        cmd: ").append(text(script, 8)).append('\n');
        y.append("      register: ").append(RESULT).append('\n');
        y.append("      changed_when: \"'").append(ProfileExport.CHANGED).append("' in ").append(RESULT).append(".stdout\"\n");
    }

    /** A scalar Ansible must not template (it could hold "{{"): quoted, and marked !unsafe when it has Jinja markers. */
    static String str(String s) {
        return (jinja(s) ? "!unsafe " : "") + YamlText.quoted(s);
    }

    private static String text(String s, int indent) {
        return (jinja(s) ? "!unsafe " : "") + YamlText.block(s, indent);
    }

    private static boolean jinja(String s) {
        return s.contains("{{") || s.contains("{%") || s.contains("{#");
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ");
    }
}
