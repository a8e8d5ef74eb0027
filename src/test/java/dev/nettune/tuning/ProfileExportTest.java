package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The Ansible playbook and cloud-init user-data exports of a profile: valid for the tools that read them
 * (ansible-playbook --syntax-check, cloud-init schema where installed; .ci/run installs both on CI), and
 * holding every step of the profile with the exact values.
 */
class ProfileExportTest {
    @TempDir
    Path dir;

    static Stream<Profile> profiles() {
        return Stream.concat(Profile.builtIn().stream(), Stream.of(everyKind()));
    }

    /** One entry of every kind a profile can hold, with values that need quoting. */
    static Profile everyKind() {
        return new Profile("Every kind {{ not jinja }}", "Has \"quotes\", a colon: and {% a tag %}",
                List.of(new SysctlChange("net.core.somaxconn", "4096"),
                        new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                        new ProfileEntry.PersistSysctls(null),
                        SmcChange.seedValues(), new ProfileEntry.PersistSmc(),
                        new ChannelChange("eth1", 8),
                        new RssKeyChange("eth1", "6d:5a:56:da:25:5b:0e:c2:41:67:25:3d:43:a3:8f:b0:d0:ca:2b:cb:ae:7b:30:b4:77:cb:2d:a3:80:30:f2:0c:6a:42:b7:3b:be:ac:01:fa"),
                        new RssTableChange("eth1", "start 2 equal 4"),
                        new XpsChange("eth1", 0, "0-3"), new XpsChange.Spread("eth1"),
                        new IrqAffinityChange(41, "2", "eth1 rx-0"),
                        NetworkManagerChange.unmanage("eth1"), new ProfileEntry.PersistNetworkManager("eth1"),
                        new ProfileEntry.BanIrqs(List.of(41, 42)),
                        FileChange.of("/etc/nettune/odd.conf", "  leading blanks\n\ttab\n{{ braces }} 'single' \"double\"\n\n"),
                        new BootReapply("eth1")),
                // /etc/nettune/odd.conf is outside the places a profile may write: the export renders it all the same.
                true);
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void playbookPassesAnsibleSyntaxCheck(Profile profile) throws Exception {
        assumeTrue(onPath("ansible-playbook"), "ansible-playbook is not installed (Debian's ansible; .ci/run installs it on CI)");
        Path book = Files.writeString(dir.resolve("book.yml"), AnsiblePlaybook.render(profile));
        Files.writeString(dir.resolve("hosts"), "web ansible_host=127.0.0.1\n");
        Run r = run(List.of("ansible-playbook", "--syntax-check", "-i", dir.resolve("hosts").toString(), book.toString()));
        assertThat(r.exit).as(r.output).isZero();
    }

    @Test
    void syntaxCheckRejectsABrokenPlaybook() throws Exception {
        assumeTrue(onPath("ansible-playbook"), "ansible-playbook is not installed (Debian's ansible; .ci/run installs it on CI)");
        String broken = AnsiblePlaybook.render(Profile.ecsHighThroughput()).replace("ansible.posix.sysctl:", "ansible.posix.sysctl_nope:");
        Path book = Files.writeString(dir.resolve("broken.yml"), broken);
        Run r = run(List.of("ansible-playbook", "--syntax-check", book.toString()));
        assertThat(r.exit).as(r.output).isNotZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void playbookSetsAndPersistsEachSysctlWithAnsiblePosixSysctl() {
        List<Map<String, Object>> play = (List<Map<String, Object>>) yaml(AnsiblePlaybook.render(Profile.ecsHighThroughput()));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) play.get(0).get("tasks");
        List<Map<String, Object>> sysctls = tasks.stream().filter(t -> t.containsKey("ansible.posix.sysctl"))
                .map(t -> (Map<String, Object>) t.get("ansible.posix.sysctl")).toList();
        assertThat(sysctls).extracting(m -> m.get("name") + "=" + m.get("value"))
                .containsExactly("net.ipv4.tcp_tw_reuse=1", "net.ipv4.tcp_max_tw_buckets=200000", "net.ipv4.tcp_fin_timeout=15");
        assertThat(sysctls).allSatisfy(m -> assertThat(m).containsEntry("sysctl_file", SysctlFileChange.DEFAULT_PATH)
                .containsEntry("sysctl_set", true).containsEntry("reload", true));
        assertThat(play.get(0)).containsEntry("become", true);
        // /etc/sysctl.conf's tcp_max_tw_buckets = 5000 on the public images would undo 200000 at boot: aligned too.
        assertThat(tasks).anySatisfy(t -> assertThat(String.valueOf(t.get("name"))).contains("/etc/sysctl.conf"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void playbookRunsEthtoolWithChangedWhenAndReloadsThroughHandlers() {
        List<Map<String, Object>> play = (List<Map<String, Object>>) yaml(AnsiblePlaybook.render(everyKind()));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) play.get(0).get("tasks");
        List<Map<String, Object>> shells = tasks.stream().filter(t -> t.containsKey("ansible.builtin.shell")).toList();
        List<String> scripts = shells.stream().map(t -> String.valueOf(((Map<String, Object>) t.get("ansible.builtin.shell")).get("cmd"))).toList();
        assertThat(scripts).anySatisfy(s -> assertThat(s).contains("ethtool -L eth1 combined 8"));
        assertThat(scripts).anySatisfy(s -> assertThat(s).contains("ethtool -X eth1 hkey 6d:5a:56"));
        assertThat(scripts).anySatisfy(s -> assertThat(s).contains("ethtool -X eth1 start 2 equal 4"));
        assertThat(scripts).anySatisfy(s -> assertThat(s).contains("printf '%s\\n' f | tee /sys/class/net/eth1/queues/tx-0/xps_cpus"));
        assertThat(scripts).anySatisfy(s -> assertThat(s).contains("nmcli device set eth1 managed no"));
        assertThat(shells).allSatisfy(t -> assertThat(t).containsEntry("changed_when", "'" + ProfileExport.CHANGED + "' in nettune_result.stdout"));
        List<Map<String, Object>> handlers = (List<Map<String, Object>>) play.get(0).get("handlers");
        assertThat(handlers).extracting(h -> h.get("name")).containsExactly("systemctl daemon-reload",
                "systemctl try-restart irqbalance", "systemctl enable nettune-reapply@eth1.service", "udevadm control --reload");
        Map<String, Object> unit = tasks.stream().filter(t -> ("Write " + BootReapply.UNIT_PATH).equals(t.get("name"))).findFirst().orElseThrow();
        assertThat((List<String>) unit.get("notify")).containsExactly("systemctl daemon-reload", "systemctl enable nettune-reapply@eth1.service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void filesArriveByteForByteWhateverTheyHold() {
        String odd = "  leading blanks\n\ttab\n{{ braces }} 'single' \"double\"\n\n";
        List<Map<String, Object>> play = (List<Map<String, Object>>) yaml(AnsiblePlaybook.render(everyKind()));
        List<Map<String, Object>> tasks = (List<Map<String, Object>>) play.get(0).get("tasks");
        Map<String, Object> copy = tasks.stream().filter(t -> "Write /etc/nettune/odd.conf".equals(t.get("name")))
                .map(t -> (Map<String, Object>) t.get("ansible.builtin.copy")).findFirst().orElseThrow();
        assertThat(copy.get("content")).isEqualTo(odd);
        assertThat(copy.get("mode")).isEqualTo("0644");
        Map<String, Object> cloud = (Map<String, Object>) yaml(CloudInitUserData.render(everyKind()));
        List<Map<String, Object>> files = (List<Map<String, Object>>) cloud.get("write_files");
        assertThat(files).filteredOn(f -> "/etc/nettune/odd.conf".equals(f.get("path"))).singleElement()
                .satisfies(f -> assertThat(f.get("content")).isEqualTo(odd));
    }

    @Test
    void jinjaMarkersInTextAreNeverTemplatedByAnsible() {
        String book = AnsiblePlaybook.render(everyKind());
        assertThat(book).contains("- name: !unsafe \"NetTune profile: Every kind {{ not jinja }}\"");
        assertThat(book.lines().filter(l -> l.contains("{{") && !l.startsWith("#") && !l.contains("!unsafe") && !l.contains("nettune_hosts")))
                .as("every line with {{ is an !unsafe scalar or inside one").allSatisfy(l -> assertThat(l).startsWith("          "));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    @SuppressWarnings("unchecked")
    void cloudInitParsesAsYamlWithEveryStep(Profile profile) {
        String text = CloudInitUserData.render(profile);
        assertThat(text).startsWith("#cloud-config\n");
        Map<String, Object> doc = (Map<String, Object>) yaml(text);
        assertThat(doc).containsOnlyKeys("write_files", "runcmd");
        List<List<String>> runcmd = (List<List<String>>) doc.get("runcmd");
        assertThat(runcmd).allSatisfy(c -> assertThat(c.subList(0, 2)).containsExactly("sh", "-c"));
        assertThat(runcmd).hasSize(ProfileExport.steps(profile).stream().mapToInt(s -> s instanceof ProfileExport.WriteFile f
                ? (f.afterWrite().isEmpty() ? 0 : 1) : 1).sum());
    }

    @Test
    @SuppressWarnings("unchecked")
    void cloudInitWritesTheSeedsFilesAndRunsEachHostStep() {
        Map<String, Object> doc = (Map<String, Object>) yaml(CloudInitUserData.render(Profile.seedWorkflow()));
        List<Map<String, Object>> files = (List<Map<String, Object>>) doc.get("write_files");
        assertThat(files).extracting(f -> f.get("path")).containsExactly(SysctlFileChange.DEFAULT_PATH,
                ProfileEntry.PersistSmc.PATH, "/etc/NetworkManager/conf.d/99-nettune-unmanaged-eth1.conf",
                "/usr/local/sbin/nettune-reapply-eth1", BootReapply.UNIT_PATH, "/etc/udev/rules.d/99-nettune-reapply-eth1.rules");
        assertThat((String) files.get(0).get("content")).contains("net.ipv4.tcp_tw_reuse = 1\n",
                "net.ipv4.tcp_max_tw_buckets = 200000\n", "net.ipv4.tcp_fin_timeout = 15\n");
        assertThat(files.get(3)).containsEntry("permissions", "0755");
        assertThat((String) files.get(3).get("content")).contains("tee /sys/class/net/eth1/queues/tx-0/xps_cpus");
        String runcmd = ((List<List<String>>) doc.get("runcmd")).stream().map(c -> c.get(2)).reduce("", String::concat);
        assertThat(runcmd).contains("sysctl -p /etc/sysctl.d/99-network-tuning.conf", "modprobe smc",
                "sysctl -w net.smc.smc_enabled=1", "nmcli device set eth1 managed no",
                "systemctl daemon-reload\nsystemctl enable nettune-reapply@eth1.service", "udevadm control --reload",
                "sed -i -E 's/^[[:space:]]*-?net\\.ipv4\\.tcp_max_tw_buckets[[:space:]]*=.*/net.ipv4.tcp_max_tw_buckets = 200000/'");
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void cloudInitPassesCloudInitSchema(Profile profile) throws Exception {
        assumeTrue(onPath("cloud-init"), "cloud-init is not installed (Debian's cloud-init; .ci/run installs it on CI)");
        Path data = Files.writeString(dir.resolve("user-data"), CloudInitUserData.render(profile));
        Run r = run(List.of("cloud-init", "schema", "--config-file", data.toString()));
        assertThat(r.exit).as(r.output).isZero();
        assertThat(r.output).contains("Valid cloud-config");
    }

    @Test
    void cloudInitSchemaRejectsAnUnquotedMode() throws Exception {
        assumeTrue(onPath("cloud-init"), "cloud-init is not installed (Debian's cloud-init; .ci/run installs it on CI)");
        String broken = CloudInitUserData.render(Profile.ecsHighThroughput()).replace("permissions: \"0644\"", "permissions: 644");
        Path data = Files.writeString(dir.resolve("broken-user-data"), broken);
        Run r = run(List.of("cloud-init", "schema", "--config-file", data.toString()));
        assertThat(r.exit).as(r.output).isNotZero();
    }

    @Test
    void yamlScalarsRoundTripWhateverTheyHold() {
        List<String> samples = new ArrayList<>(List.of("plain", "", " ", "a\n", "a", "a\n\n", "\n", "\n\nx", " lead\n",
                "\ttab first\n", "x\n  indented\n", "blank\n   \nline\n", "quote \" and \\ backslash", "colon: hash # x",
                "- dash", "yes", "0644", "null", "{{ x }}", "é ü 漢字 😀", "\u0085\u2028\u2029", "ctrl \u0001\u007f", "\r\n"));
        for (String s : samples) {
            assertThat(yaml("k: " + YamlText.block(s, 0) + "\n")).as(s).isEqualTo(Map.of("k", s));
            assertThat(yaml("k: " + YamlText.quoted(s) + "\n")).as(s).isEqualTo(Map.of("k", s));
        }
    }

    /** Parses YAML as Ansible does for what the exports use: {@code !unsafe} is a plain string that is never templated. */
    static Object yaml(String text) {
        SafeConstructor c = new SafeConstructor(new LoaderOptions()) {
            {
                this.yamlConstructors.put(new Tag("!unsafe"), new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        return constructScalar((ScalarNode) node);
                    }
                });
            }
        };
        return new Yaml(c).load(text);
    }

    record Run(int exit, String output) {
    }

    static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    Run run(List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        // ansible writes ~/.ansible: keep it in the test's own home.
        pb.environment().put("HOME", dir.toString());
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-tmp").toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), out);
    }
}
