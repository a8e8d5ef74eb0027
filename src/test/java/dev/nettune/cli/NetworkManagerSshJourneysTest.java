package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.tuning.Journal;
import dev.nettune.tuning.NetworkManagerNamespace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed step 7 ("nmcli dev set eth1 managed no", kept across restarts) run by {@code nettune tune} over real SSH
 * (Apache MINA SSHD on 127.0.0.1) against a host with a REAL NetworkManager 1.42 daemon and its own D-Bus
 * system bus, in a network and mount namespace of this machine ({@link NetworkManagerNamespace}: eth1 is a veth,
 * /etc and /run are private, no systemd). Each test asserts what NetTune prints and what NetworkManager itself
 * says afterwards ({@code nmcli device}), across a restart of NetworkManager and what a reboot leaves of it.
 * Needs root and the network-manager package; skipped with the reason elsewhere. About 10 s a test on a busy
 * machine (NetworkManager restarts, a commit-confirmed step per run), so it runs with the SSH journeys: in every
 * full build and with {@code -DsshJourneys}; it leaves HOME alone (its own known_hosts and config folder).
 */
class NetworkManagerSshJourneysTest {
    private static final String CONF = "/etc/NetworkManager/conf.d/99-nettune-unmanaged-eth1.conf";

    @TempDir
    Path dir;
    private NetworkManagerNamespace host;
    private TestSshServer server;
    private AppContext ctx;
    private List<String> connection;
    private Path seedStep7;
    private Path withoutPersistence;

    private record Out(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        host = NetworkManagerNamespace.start(dir.resolve("root"));
        server = TestSshServer.start();
        Path key = server.authorizeNewKey(dir.resolve("id_ed25519"), null);
        Path known = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        server.argv = host::argv;
        connection = List.of("--identity", key.toString(), "--known-hosts", known.toString());
        seedStep7 = Files.writeString(dir.resolve("seed-step-7.json"), "{\"name\": \"seed step 7\", \"entries\": ["
                + "{\"type\": \"networkmanager\", \"nic\": \"eth1\", \"managed\": false},"
                + "{\"type\": \"persist-networkmanager\", \"nic\": \"eth1\"}]}");
        withoutPersistence = Files.writeString(dir.resolve("nmcli-only.json"), "{\"name\": \"nmcli only\", \"entries\": ["
                + "{\"type\": \"networkmanager\", \"nic\": \"eth1\", \"managed\": false}]}");
        ctx = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ctx != null) {
            ctx.close();
        }
        if (server != null) {
            server.close();
        }
        if (host != null) {
            host.close();
        }
    }

    private Out nettune(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(connection);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = NetTuneCommand.commandLine(ctx, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(a.toArray(String[]::new));
        return new Out(code, out.toString(), err.toString());
    }

    private String target() {
        return "root@127.0.0.1:" + server.port();
    }

    private Out apply(Path profile) throws Exception {
        Out r = nettune("tune", "apply", target(), "--profile", profile.toString());
        assertThat(r.code()).as(r.all() + host.log()).isZero();
        return r;
    }

    @Test
    void thePlanShowsTheNmcliCommandAndTheConfFileAndChangesNothing() throws Exception {
        Out plan = nettune("tune", "plan", target(), "--profile", seedStep7.toString());

        assertThat(plan.code()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("1. NetworkManager on eth1", "before: managed", "after:  unmanaged",
                "$ sudo nmcli device set eth1 managed no", "2. " + CONF, "| [keyfile]",
                "| unmanaged-devices=interface-name:eth1", "keeps it unmanaged across its own restarts");
        assertThat(host.nicState()).isNotEqualTo("unmanaged");
        assertThat(host.file(CONF)).isEmpty();
    }

    @Test
    void applyTakesEth1FromNetworkManagerAndWritesTheConfFile() throws Exception {
        Out r = apply(seedStep7);

        assertThat(r.out()).contains("[1/2] NetworkManager on eth1 ...", "[2/2] " + CONF + " ...",
                "APPLIED: Applied 2 steps; every value read back as planned.");
        assertThat(host.nicState()).isEqualTo("unmanaged");
        assertThat(host.file(CONF)).contains("# Written by NetTune: keep eth1 out of NetworkManager's hands across restarts.\n"
                + "[keyfile]\nunmanaged-devices=interface-name:eth1\n");
    }

    @Test
    void eth1StaysUnmanagedAcrossARestartOfNetworkManager() throws Exception {
        apply(withoutPersistence);

        host.restartNetworkManager();

        assertThat(host.nicState()).isEqualTo("unmanaged");
    }

    @Test
    void withoutTheConfFileARebootGivesEth1BackToNetworkManager() throws Exception {
        apply(withoutPersistence);

        host.rebootNetworkManager();

        assertThat(host.nicState()).isNotEqualTo("unmanaged");
    }

    @Test
    void theConfFileKeepsEth1UnmanagedAfterAReboot() throws Exception {
        apply(seedStep7);

        host.rebootNetworkManager();

        assertThat(host.nicState()).isEqualTo("unmanaged");
        Out again = nettune("tune", "plan", target(), "--profile", seedStep7.toString());
        assertThat(again.out()).contains("Nothing to do: the host already has every value of the profile.",
                "NetworkManager on eth1 is already unmanaged");
    }

    @Test
    void undoGivesEth1BackToNetworkManagerAndRemovesTheConfFile() throws Exception {
        apply(seedStep7);

        Out undo = nettune("tune", "undo", target());

        assertThat(undo.code()).as(undo.all() + host.log()).isZero();
        assertThat(undo.out()).contains("[2/2] NetworkManager on eth1 ...", "APPLIED: Applied 2 steps; every value read back as planned.")
                .doesNotContain("MISMATCH");
        assertThat(host.nicState()).isNotEqualTo("unmanaged");
        assertThat(host.file(CONF)).isEmpty();
        assertThat(ctx.tuningJournal().plans(Optional.of(target())).stream().filter(p -> p.kind().equals("apply"))
                .map(Journal.PlanRecord::status)).containsExactly(Journal.PlanStatus.UNDONE);
    }

    @Test
    void undoAfterARebootGivesEth1BackThoughOnlyTheConfFileHeldIt() throws Exception {
        apply(seedStep7);
        host.rebootNetworkManager();

        Out undo = nettune("tune", "undo", target());

        assertThat(undo.code()).as(undo.all() + host.log()).isZero();
        assertThat(host.nicState()).isNotEqualTo("unmanaged");
        host.rebootNetworkManager();
        assertThat(host.nicState()).isNotEqualTo("unmanaged");
    }

    @Test
    void withNetworkManagerStoppedTheStepIsSkippedWithTheReasonAndOnlyTheConfFileIsWritten() throws Exception {
        host.stopNetworkManager();

        Out r = apply(seedStep7);

        assertThat(r.out()).doesNotContain("nmcli device set").doesNotContain("Already as wanted")
                .contains("Skipped:\n   NetworkManager on eth1: NetworkManager is not running on this host, so nmcli has"
                        + " nothing to change now; when it starts it manages eth1 unless a conf.d file lists it as"
                        + " unmanaged - skipped.")
                .contains("[1/1] " + CONF + " ...", "APPLIED: Applied 1 step;");
        host.startNetworkManager();
        assertThat(host.nicState()).as("the conf.d file NetTune wrote, read at NetworkManager's start").isEqualTo("unmanaged");
    }

    @Test
    void aProfileWithOnlyTheNmcliStepOnAHostWhereNetworkManagerIsStoppedSaysItDidNothing() throws Exception {
        host.stopNetworkManager();

        Out r = apply(withoutPersistence);

        assertThat(r.out()).contains("Nothing to do: every step of the profile was skipped on this host (1, see Skipped).")
                .doesNotContain("already has").contains("NetworkManager is not running on this host");
        host.startNetworkManager();
        assertThat(host.nicState()).isNotEqualTo("unmanaged");
    }
}
