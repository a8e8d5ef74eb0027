package dev.nettune.tuning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.ssh.SshHost;
import dev.nettune.host.ssh.SshOptions;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.store.Database;
import dev.nettune.store.SqliteJournal;
import dev.nettune.testing.KillingHost;
import dev.nettune.tuning.Journal.PlanStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix of the built-in profile against a real shell over SSH: a MINA SSHD server runs every
 * request with /bin/sh in a network namespace (the kernel's per-namespace net.ipv4 sysctls) and a scratch
 * root (overlays on /etc and /run, so /etc/sysctl.d, /etc/sysctl.conf and the lock in /run are real files
 * that vanish with the test). NetTune is killed before and after every command of the apply (between the
 * temporary write and the rename, during the /etc/sysctl.conf alignment, around the lock), and the
 * connection is dropped in the middle of every step; then a second machine tries to apply (refused while
 * the lock is held), and finish + undo, or revert, or undo recover. Afterwards no host is half
 * configured, no journal entry is lost and no temporary file or lock is left. Needs root (namespaces,
 * overlay mounts); skipped with the reason elsewhere.
 */
class FaultMatrixOverSshTest {
    private static final String WRAP = "mount -t overlay overlay -o lowerdir=/etc,upperdir=\"$1/eu\",workdir=\"$1/ew\" /etc"
            + " && mount -t overlay overlay -o lowerdir=/run,upperdir=\"$1/ru\",workdir=\"$1/rw\" /run"
            + " && exec /bin/sh -c \"$3\"";
    private static final String[] SYSCTLS = {"net.ipv4.tcp_tw_reuse", "net.ipv4.tcp_max_tw_buckets", "net.ipv4.tcp_fin_timeout"};
    private static final String[] TUNED = {"1", "200000", "15"};

    @TempDir
    Path dir;
    NetworkNamespace ns;
    TestSshServer server;
    Path key;
    Path knownHosts;
    String[] defaults;
    String sysctlConf;
    Path scratch;
    int runNo;

    @BeforeEach
    void setUp() throws Exception {
        ns = NetworkNamespace.create();
        Path probe = newScratch();
        CommandResult ok = NetworkNamespace.exec(List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "/bin/sh", "-c", WRAP, "sh", probe.toString(),
                ns.name, "touch /etc/sysctl.d/probe && mkdir -p /run/nettune && echo ok"));
        assumeTrue(ok.ok() && Files.exists(probe.resolve("eu/sysctl.d/probe")),
                "needs unshare and overlay mounts on /etc and /run: " + ok.stderr().strip());
        defaults = new String[SYSCTLS.length];
        for (int i = 0; i < SYSCTLS.length; i++) {
            defaults[i] = ns.inside("sysctl", "-n", SYSCTLS[i]);
        }
        // As on Alibaba Cloud Linux images: /etc/sysctl.conf sets a value the profile tunes (aligned by the plan).
        String base = Files.exists(Path.of("/etc/sysctl.conf")) ? Files.readString(Path.of("/etc/sysctl.conf")) : "";
        sysctlConf = base + (base.isEmpty() || base.endsWith("\n") ? "" : "\n") + "net.ipv4.tcp_max_tw_buckets = 5000\n";
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        server.argv = c -> List.of("ip", "netns", "exec", ns.name, "unshare", "-m", "/bin/sh", "-c", WRAP, "sh", scratch.toString(), ns.name, c);
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

    private Path newScratch() throws IOException {
        Path s = dir.resolve("root-" + (runNo++));
        for (String d : List.of("eu", "ew", "ru", "rw")) {
            Files.createDirectories(s.resolve(d));
        }
        return s;
    }

    /** A fresh host: new scratch root with the seeded /etc/sysctl.conf, the namespace's sysctls at their defaults. */
    private void freshHost() throws Exception {
        scratch = newScratch();
        Files.writeString(scratch.resolve("eu/sysctl.conf"), sysctlConf);
        for (int i = 0; i < SYSCTLS.length; i++) {
            ns.inside("sysctl", "-w", SYSCTLS[i] + "=" + defaults[i]);
        }
    }

    private SshHost connect() throws HostException {
        SshOptions o = SshOptions.defaults().withKnownHosts(knownHosts).withAgentSocket(Optional.empty())
                .withHostKeyDecision(k -> HostKeyDecision.Choice.REFUSE);
        SshHost h = new SshHost("matrix", new SshTarget("127.0.0.1", server.port(), "tester").withIdentities(List.of(key)), o);
        return h;
    }

    private ApplyOptions options() {
        return ApplyOptions.defaults(this::connect).withSleeper(d -> { });
    }

    /** "before", "applied" or "half: ..." from the namespace's kernel and the scratch root's files. */
    private String hostState() throws Exception {
        boolean before = true;
        boolean applied = true;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < SYSCTLS.length; i++) {
            String v = ns.inside("sysctl", "-n", SYSCTLS[i]);
            seen.add(SYSCTLS[i] + "=" + v);
            before &= v.equals(defaults[i]);
            applied &= v.equals(TUNED[i]);
        }
        Path conf = scratch.resolve("eu/sysctl.d/99-network-tuning.conf");
        String confText = Files.exists(conf) ? Files.readString(conf) : null;
        before &= confText == null;
        applied &= confText != null && confText.contains("net.ipv4.tcp_fin_timeout = 15\n");
        String sys = Files.readString(scratch.resolve("eu/sysctl.conf"));
        before &= sys.equals(sysctlConf);
        applied &= sys.contains("net.ipv4.tcp_max_tw_buckets = 200000\n") && !sys.contains("5000");
        seen.add("99-network-tuning.conf " + (confText == null ? "absent" : "present"));
        seen.add("sysctl.conf " + (sys.equals(sysctlConf) ? "as before" : "changed"));
        return before ? "before" : applied ? "applied" : "half: " + seen;
    }

    /** Temporary files and locks left in the scratch root. */
    private List<String> strays() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(scratch)) {
            files.filter(p -> p.getFileName().toString().contains("nettune-tmp")
                    || p.toString().contains("tuning.lock")).forEach(p -> out.add(scratch.relativize(p).toString()));
        }
        return out;
    }

    private int commandsOfOneApply() throws Exception {
        freshHost();
        SqliteJournal j = new SqliteJournal(Database.open(dir.resolve("count.db")));
        try (SshHost ssh = connect()) {
            KillingHost counting = new KillingHost(ssh, 0, false);
            Plan plan = new Planner().plan(counting, Profile.ecsHighThroughput());
            assertThat(plan.steps()).extracting(s -> s.change().target()).containsExactly(
                    "sysctl net.ipv4.tcp_tw_reuse", "sysctl net.ipv4.tcp_max_tw_buckets", "sysctl net.ipv4.tcp_fin_timeout",
                    "file " + SysctlFileChange.DEFAULT_PATH, "file " + SysctlFileChange.SYSTEM_CONF);
            ApplyResult r = new TuningEngine(j).apply(counting, plan, options(), ApplyListener.NONE, new Cancellation());
            assertThat(r.status()).as(r.message()).isEqualTo(PlanStatus.APPLIED);
            assertThat(hostState()).isEqualTo("applied");
            assertThat(strays()).isEmpty();
            return counting.runs();
        }
    }

    /** Counts of the whole matrix, printed for the report. */
    private int tried;
    private int refused;
    private int half;
    private final List<String> failures = new ArrayList<>();

    private void record(String what, String state, String expected, List<String> left, int lostEntries) {
        tried++;
        System.out.println("[fault matrix] " + what + ": " + state + (left.isEmpty() ? "" : ", left " + left));
        if (state.startsWith("half")) {
            half++;
        }
        if (!state.equals(expected) || !left.isEmpty() || lostEntries > 0) {
            failures.add(what + ": host " + state + " (expected " + expected + "), left " + left + ", lost journal entries "
                    + lostEntries);
        }
    }

    /** Steps of {@code plan} with a command the killed client sent but no APPLY entry in the journal. */
    private static int lostEntries(SqliteJournal j, Plan plan, List<String> sent) {
        int lost = 0;
        for (Step step : plan.steps()) {
            boolean ran = step.commands().stream().anyMatch(c -> sent.contains(c.display()));
            boolean journaled = j.entries(Optional.of(plan.id()), Optional.empty()).stream()
                    .anyMatch(e -> e.phase() == Journal.Phase.APPLY && e.seq() == step.seq());
            if (ran && !journaled) {
                lost++;
            }
        }
        return lost;
    }

    @Test
    void killedAtEveryCommandOrDroppedInEveryStepNoHostIsLeftHalfConfigured() throws Exception {
        int commands = commandsOfOneApply();
        // Each command boundary is hit twice: the kill before the command (it never runs) and the kill after it
        // (it ran, its result never arrived); the two recoveries alternate so both meet every boundary kind.
        for (int k = 1; k <= commands; k++) {
            killAndRecover(k, false, k % 2 == 0 ? "finish+undo" : "revert");
            killAndRecover(k, true, k % 2 == 0 ? "revert" : "finish+undo");
        }
        // Drops: in a sysctl step, before the temporary write, between write and rename, and in the alignment.
        for (int k : new int[] {3, 6, 8, 12, 13}) {
            if (k < commands) {
                dropAndRecover(k);
            }
        }
        System.out.println("[fault matrix] commands per apply " + commands + "; tried " + tried + ", refused cleanly "
                + refused + ", half-configured " + half + ", failures " + failures.size());
        failures.forEach(f -> System.out.println("[fault matrix] " + f));
        assertThat(failures).isEmpty();
        assertThat(half).isZero();
        assertThat(refused).isPositive();
    }

    private void killAndRecover(int k, boolean after, String recovery) throws Exception {
        freshHost();
        String what = "kill " + (after ? "after" : "before") + " command " + k + ", " + recovery;
        SqliteJournal j = new SqliteJournal(Database.open(scratch.resolve("nettune.db")));
        TuningEngine engine = new TuningEngine(j);
        Plan plan;
        KillingHost client;
        try (SshHost ssh = connect()) {
            client = new KillingHost(ssh, k, after);
            plan = new Planner().plan(client, Profile.ecsHighThroughput());
            try {
                engine.apply(client, plan, options(), ApplyListener.NONE, new Cancellation());
            } catch (KillingHost.Killed expected) {
                // kill -9
            }
        }
        String last = client.ran.isEmpty() ? "-" : client.ran.get(client.ran.size() - 1);
        what += " (" + (last.contains(HostLock.DIR) ? "the lock script" : last.length() > 70 ? last.substring(0, 67) + "..." : last) + ")";
        // Another machine (its own journal) tries the same profile while the lock may be held.
        Optional<Journal.PlanRecord> rec = j.plan(plan.id());
        try (SshHost ssh = connect()) {
            if (Files.exists(scratch.resolve("ru/nettune/tuning.lock"))) {
                SqliteJournal other = new SqliteJournal(Database.open(scratch.resolve("other.db")));
                String stateBefore = hostState();
                try {
                    Plan p2 = new Planner().plan(ssh, Profile.ecsHighThroughput());
                    new TuningEngine(other).apply(ssh, p2, options(), ApplyListener.NONE, new Cancellation());
                    failures.add(what + ": a second machine was not refused while the lock was held");
                } catch (TuningLockedException e) {
                    if (e.getMessage().contains(plan.id()) && hostState().equals(stateBefore)) {
                        refused++;
                    } else {
                        failures.add(what + ": refusal did not name the plan or changed the host: " + e.getMessage());
                    }
                }
            }
            Undo undo = new Undo(engine);
            String expected;
            if (rec.isEmpty()) {
                expected = "before";
            } else if (rec.get().status() == PlanStatus.APPLIED) {
                ApplyResult u = undo.undoPlan(ssh, plan.id(), options(), ApplyListener.NONE, new Cancellation());
                expected = u.applied() ? "before" : "undo " + u.status() + ": " + u.message();
            } else if (recovery.equals("revert")) {
                ApplyResult r = undo.revertUnfinished(ssh, plan.id(), options(), ApplyListener.NONE, new Cancellation());
                expected = r.applied() ? "before" : "revert " + r.status() + ": " + r.message();
            } else {
                ApplyResult f = undo.finishUnfinished(ssh, plan.id(), options(), ApplyListener.NONE, new Cancellation());
                if (!f.applied()) {
                    expected = "finish " + f.status() + ": " + f.message();
                } else if (!hostState().equals("applied")) {
                    expected = "applied after finish";
                } else {
                    ApplyResult u = undo.undoPlan(ssh, plan.id(), options(), ApplyListener.NONE, new Cancellation());
                    expected = u.applied() ? "before" : "undo " + u.status() + ": " + u.message();
                }
            }
            int lost = lostEntries(j, plan, client.ran);
            record(what, hostState(), expected, strays(), lost + j.unfinished().size());
        }
    }

    /** The server drops every session just before command {@code k}: the engine rolls back over a new connection. */
    private void dropAndRecover(int k) throws Exception {
        freshHost();
        String what = "connection dropped before command " + k;
        SqliteJournal j = new SqliteJournal(Database.open(scratch.resolve("nettune.db")));
        TuningEngine engine = new TuningEngine(j);
        try (SshHost ssh = connect()) {
            Host dropping = new DroppingHost(ssh, k, server);
            Plan plan = new Planner().plan(dropping, Profile.ecsHighThroughput());
            ApplyResult r = engine.apply(dropping, plan, options(), ApplyListener.NONE, new Cancellation());
            String expected = r.status() == PlanStatus.APPLIED ? "applied" : "before";
            if (r.status() != PlanStatus.APPLIED && r.status() != PlanStatus.ROLLED_BACK) {
                expected = r.status() + ": " + r.message();
            }
            record(what, hostState(), expected, strays(), j.unfinished().size());
        }
    }

    /** Drops every session on the server just before the k-th run, as a network cut mid-step would. */
    private static final class DroppingHost implements Host {
        private final Host host;
        private final int dropAt;
        private final TestSshServer server;
        private int runs;

        DroppingHost(Host host, int dropAt, TestSshServer server) {
            this.host = host;
            this.dropAt = dropAt;
            this.server = server;
        }

        @Override
        public String name() {
            return host.name();
        }

        @Override
        public CommandResult run(Command command, java.time.Duration timeout) throws HostException, InterruptedException {
            if (++runs == dropAt) {
                server.dropAllSessions();
            }
            return host.run(command, timeout);
        }

        @Override
        public List<CommandResult> runAll(List<Command> commands, java.time.Duration timeout)
                throws HostException, InterruptedException {
            return host.runAll(commands, timeout);
        }

        @Override
        public dev.nettune.host.LineStream stream(Command command, dev.nettune.host.LineStream.Sink sink)
                throws HostException {
            return host.stream(command, sink);
        }

        @Override
        public void close() {
            host.close();
        }
    }
}
