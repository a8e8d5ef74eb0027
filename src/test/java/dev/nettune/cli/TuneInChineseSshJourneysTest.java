package dev.nettune.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.tuning.NetworkManagerNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed step 7 applied, undone and read back from the journal with {@code --lang zh_CN} over real SSH, against a host
 * with a real NetworkManager in a network and mount namespace ({@link NetworkManagerNamespace}): the commit-confirmed
 * step arms a revert and confirms it over a new connection, and every line NetTune prints about it is Chinese. Needs
 * root and the network-manager package (skipped with the reason elsewhere); runs with the SSH journeys.
 */
class TuneInChineseSshJourneysTest {
    @TempDir
    Path dir;
    private NetworkManagerNamespace host;
    private TestSshServer server;
    private AppContext ctx;
    private List<String> connection;
    private Path seedStep7;

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
        ctx = new AppContext(dir.resolve("config"));
    }

    @AfterEach
    void tearDown() throws Exception {
        CliText.use(Locale.ENGLISH);
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

    private CliRun nettune(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(connection);
        a.addAll(List.of("--lang", "zh_CN"));
        return CliRun.in(ctx, a.toArray(String[]::new));
    }

    /**
     * What NetTune said: the plan preview's commands ("   $ ...") and file bodies ("   | ...") are what runs on and is
     * written to the host, the same in every language.
     */
    private static List<String> said(CliRun r) {
        return r.text().lines().filter(l -> !l.startsWith("   | ") && !l.startsWith("   $ ")).toList();
    }

    @Test
    void aCommitConfirmedApplyItsUndoAndTheJournalSayEverythingInChinese() throws Exception {
        String target = "root@127.0.0.1:" + server.port();

        CliRun apply = nettune("tune", "apply", target, "--profile", seedStep7.toString());
        CliRun undo = nettune("tune", "undo", target);
        CliRun journal = CliRun.in(ctx, "journal", "--lang", "zh_CN");

        assertThat(apply.exit()).as(apply.text() + host.log()).isZero();
        assertThat(apply.out()).contains("已设置 nettune-revert-").contains("已通过新连接确认；nettune-revert-")
                .contains("已应用：已应用 2 步；每个值的回读都与计划一致。");
        assertThat(undo.exit()).as(undo.text() + host.log()).isZero();
        assertThat(EnglishLeft.in(said(apply))).as(apply.text()).isEmpty();
        assertThat(EnglishLeft.in(said(undo))).as(undo.text()).isEmpty();
        assertThat(EnglishLeft.in(List.of(journal.text()))).as(journal.text()).isEmpty();
    }
}
