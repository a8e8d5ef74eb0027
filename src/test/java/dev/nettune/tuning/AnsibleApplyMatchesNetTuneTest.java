package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.CommandResult;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.tuning.Journal.PlanStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported playbook, run by Debian's ansible-playbook over SSH (OpenSSH client, host key checked) against
 * a host that is a network namespace of this machine's real kernel with a scratch /etc (overlay), leaves the
 * same kernel values and persisted settings as NetTune's own apply of the same profile on the same kind of
 * host, and a second run changes nothing. Needs root (namespaces, overlays) and ansible; skipped with the
 * reason elsewhere. Not covered here: SMC (loading a module reaches the real kernel outside the namespace)
 * and the boot re-apply unit (systemd of the real machine).
 */
class AnsibleApplyMatchesNetTuneTest {
    private static final String WRAP = "mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$1/eu\",workdir=\"$1/ew\" /etc"
            + " && mount -t overlay overlay -o lowerdir=/run,upperdir=\"$1/ru\",workdir=\"$1/rw\" /run"
            + " && exec /bin/sh -c \"$3\"";
    private static final List<String> SYSCTLS = List.of("net.ipv4.tcp_tw_reuse", "net.ipv4.tcp_max_tw_buckets",
            "net.ipv4.tcp_fin_timeout");

    @TempDir
    Path dir;
    NetworkNamespace ns;
    TestSshServer server;
    Path key;
    Path knownHosts;
    List<String> defaults;
    String sysctlConf;
    Path scratch;
    int runNo;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue(ProfileExportTest.onPath("ansible-playbook"), "ansible-playbook is not installed (.ci/run installs it on CI)");
        assumeTrue(ProfileExportTest.onPath("ssh"), "the OpenSSH client is not installed (ansible connects with it)");
        ns = NetworkNamespace.create();
        Path probe = newScratch();
        CommandResult ok = NetworkNamespace.exec(List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "/bin/sh", "-c", WRAP,
                "sh", probe.toString(), ns.name, "touch /etc/sysctl.d/probe && echo ok"));
        assumeTrue(ok.ok() && Files.exists(probe.resolve("eu/sysctl.d/probe")),
                "needs unshare and overlay mounts on /etc and /run: " + ok.stderr().strip());
        defaults = new ArrayList<>();
        for (String s : SYSCTLS) {
            defaults.add(ns.inside("sysctl", "-n", s));
        }
        String base = Files.exists(Path.of("/etc/sysctl.conf")) ? Files.readString(Path.of("/etc/sysctl.conf")) : "";
        // As on Alibaba Cloud Linux images: /etc/sysctl.conf sets a value the profile tunes, which both must align.
        sysctlConf = base + (base.isEmpty() || base.endsWith("\n") ? "" : "\n") + "net.ipv4.tcp_max_tw_buckets = 5000\n";
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        server.argv = c -> List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "/bin/sh", "-c", WRAP, "sh",
                scratch.toString(), ns.name, c);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (server != null) {
            server.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    /** The seed's host steps that a namespace can hold, on the namespace's NIC. */
    private Profile profile() {
        return new Profile("Ansible parity", "TIME-WAIT, XPS, NetworkManager, persisted",
                List.of(new SysctlChange("net.ipv4.tcp_tw_reuse", "1"),
                        new SysctlChange("net.ipv4.tcp_max_tw_buckets", "200000"),
                        new SysctlChange("net.ipv4.tcp_fin_timeout", "15"),
                        new XpsChange(ns.nic, 1, "0"),
                        NetworkManagerChange.unmanage(ns.nic),
                        new ProfileEntry.PersistNetworkManager(ns.nic),
                        new ProfileEntry.PersistSmc(),
                        new ProfileEntry.PersistSysctls(null)));
    }

    private Path newScratch() throws IOException {
        Path s = dir.resolve("root-" + (runNo++));
        for (String d : List.of("eu", "ew", "ru", "rw")) {
            Files.createDirectories(s.resolve(d));
        }
        return s;
    }

    private void freshHost() throws Exception {
        scratch = newScratch();
        Files.writeString(scratch.resolve("eu/sysctl.conf"), sysctlConf);
        for (int i = 0; i < SYSCTLS.size(); i++) {
            ns.inside("sysctl", "-w", SYSCTLS.get(i) + "=" + defaults.get(i));
        }
        ns.inside("sh", "-c", "echo 0 > /sys/class/net/" + ns.nic + "/queues/tx-1/xps_cpus");
    }

    /** What a host ends up with: kernel values, and the settings each file gives at boot (in boot order). */
    private Map<String, String> observed() throws Exception {
        Map<String, String> m = new TreeMap<>();
        for (String s : SYSCTLS) {
            m.put("kernel " + s, ns.inside("sysctl", "-n", s));
        }
        m.put("xps tx-1", ns.inside("cat", "/sys/class/net/" + ns.nic + "/queues/tx-1/xps_cpus"));
        Map<String, String> boot = new TreeMap<>();
        for (String f : List.of("eu/sysctl.d/99-network-tuning.conf", "eu/sysctl.conf")) {
            Path p = scratch.resolve(f);
            if (Files.exists(p)) {
                for (String line : Files.readAllLines(p)) {
                    String t = line.strip();
                    int eq = t.indexOf('=');
                    if (eq > 0 && !t.startsWith("#") && SYSCTLS.contains(t.substring(0, eq).strip())) {
                        boot.put("at boot " + t.substring(0, eq).strip(), t.substring(eq + 1).strip());
                    }
                }
            }
        }
        m.putAll(boot);
        for (String f : List.of("eu/NetworkManager/conf.d/99-nettune-unmanaged-" + ns.nic + ".conf", "eu/modules-load.d/nettune-smc.conf")) {
            Path p = scratch.resolve(f);
            m.put(f.substring(3), Files.exists(p) ? Files.readString(p) + " mode " + PosixFilePermissions.toString(Files.getPosixFilePermissions(p)) : "absent");
        }
        return m;
    }

    record Run(int exit, String output) {
    }

    private Run ansible(Path book) throws Exception {
        Files.writeString(dir.resolve("inventory"), "nshost ansible_host=127.0.0.1 ansible_port=" + server.port()
                + " ansible_user=tester ansible_ssh_private_key_file=" + key + "\n");
        List<String> argv = List.of("ansible-playbook", "-i", dir.resolve("inventory").toString(), book.toString(),
                // The test's sshd runs every command as root already, and has no sudo to become with.
                "-e", "ansible_become=false",
                "-e", "ansible_remote_tmp=" + dir.resolve("remote-tmp"),
                "-e", "ansible_python_interpreter=/usr/bin/python3");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", dir.toString());
        env.put("ANSIBLE_LOCAL_TEMP", dir.resolve("local-tmp").toString());
        env.put("ANSIBLE_PIPELINING", "true");
        env.put("ANSIBLE_SSH_TRANSFER_METHOD", "piped");
        env.put("ANSIBLE_NOCOLOR", "1");
        env.put("ANSIBLE_SSH_ARGS", "-o ControlMaster=no -o UserKnownHostsFile=" + knownHosts
                + " -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), out);
    }

    private static int recap(String output, String field) {
        var m = java.util.regex.Pattern.compile("nshost\\s+:.*\\b" + field + "=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void thePlaybookAppliedOverSshLeavesWhatNetTunesOwnApplyLeaves() throws Exception {
        Profile profile = profile();
        freshHost();
        Map<String, String> untouched = observed();
        Path book = Files.writeString(dir.resolve("book.yml"), AnsiblePlaybook.render(profile));
        Run first = ansible(book);
        assertThat(first.exit).as(first.output).isZero();
        assertThat(recap(first.output, "changed")).as(first.output).isPositive();
        Map<String, String> byAnsible = observed();
        Run second = ansible(book);
        assertThat(second.exit).as(second.output).isZero();
        assertThat(recap(second.output, "changed")).as("a second run changes nothing\n" + second.output).isZero();

        freshHost();
        SqliteJournal journal = new SqliteJournal(Database.open(dir.resolve("journal.db")));
        try (SshHost ssh = connect()) {
            Plan plan = new Planner().plan(ssh, profile);
            ApplyResult r = new TuningEngine(journal).apply(ssh, plan, ApplyOptions.defaults(this::connect).withSleeper(d -> { }),
                    ApplyListener.NONE, new Cancellation());
            assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
        }
        Map<String, String> byNetTune = observed();

        assertThat(byAnsible).isEqualTo(byNetTune);
        // And both differ from the host before, on every tuned value (so the comparison can fail).
        assertThat(byNetTune.get("kernel net.ipv4.tcp_max_tw_buckets")).isEqualTo("200000").isNotEqualTo(untouched.get("kernel net.ipv4.tcp_max_tw_buckets"));
        assertThat(byNetTune).containsEntry("at boot net.ipv4.tcp_max_tw_buckets", "200000").containsEntry("xps tx-1", "1");
        assertThat(untouched).containsEntry("at boot net.ipv4.tcp_max_tw_buckets", "5000");
    }

    private SshHost connect() {
        SshOptions o = SshOptions.defaults().withKnownHosts(knownHosts).withAgentSocket(Optional.empty())
                .withHostKeyDecision(k -> HostKeyDecision.Choice.REFUSE);
        return new SshHost("nshost", new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)), o);
    }
}
