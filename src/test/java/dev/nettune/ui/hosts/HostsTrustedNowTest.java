package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.ssh.TestSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host key accepted on the Hosts screen's first connection is "trusted now", not verified, and the status line
 * says so once, as the CLI does; a key found in known_hosts is not announced. Against a real SSH server.
 */
class HostsTrustedNowTest {
    @TempDir
    Path dir;
    private TestSshServer server;
    private AppContext context;
    private HostResolver resolver;
    private Path key;
    private String host;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id"), null);
        context = new AppContext(dir.resolve("config"));
        resolver = new HostResolver(context.builtInHosts(), context::hostInventory, () -> dir.resolve("no_ssh_config"),
                Duration.ofMinutes(1));
        host = "tester@127.0.0.1:" + server.port();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.shutdownNow();
        resolver.closeAll();
        context.close();
        server.close();
    }

    private HostsViewModel model(HostOptions options) throws InterruptedException {
        HostsViewModel[] ref = new HostsViewModel[1];
        ref[0] = new HostsViewModel(() -> List.of(new HostsViewModel.HostEntry(host, "ssh", "")),
                HostsView.stateSource(resolver, () -> options, () -> ref[0]), executor, uiQueue::add);
        ref[0].reloadHosts();
        runUi();
        return ref[0];
    }

    private void runUi() throws InterruptedException {
        Runnable r = uiQueue.poll(60, TimeUnit.SECONDS);
        assertThat(r).as("a result posted to the UI thread").isNotNull();
        r.run();
    }

    @Test
    void aKeyAcceptedOnTheFirstReadIsReportedAsTrustedNowOnceWithItsFingerprintAndFile() throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        HostsViewModel m = model(HostOptions.defaults().withIdentity(key).withKnownHosts(knownHosts)
                .withHostKeyDecision(k -> HostKeyDecision.Choice.ACCEPT_AND_SAVE));

        m.select(m.hosts().get(0));
        runUi();
        String first = m.statusProperty().get();
        m.refresh();
        runUi();

        assertThat(first).contains("trusted now").contains("not verified").contains(server.fingerprint())
                .contains(knownHosts.toString());
        assertThat(m.statusProperty().get()).as("said once, not on every read of the pooled connection")
                .doesNotContain("trusted now");
    }

    @Test
    void aKeyAcceptedForThisRunOnlyIsReportedAsNotSaved() throws Exception {
        HostsViewModel m = model(HostOptions.defaults().withIdentity(key).withKnownHosts(dir.resolve("known_hosts"))
                .withHostKeyDecision(k -> HostKeyDecision.Choice.ACCEPT_ONCE));

        m.select(m.hosts().get(0));
        runUi();

        assertThat(m.statusProperty().get()).contains("trusted now for this run only").contains("not saved");
        assertThat(dir.resolve("known_hosts")).doesNotExist();
    }

    @Test
    void aKeyVerifiedAgainstKnownHostsIsNotAnnounced() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        HostsViewModel m = model(HostOptions.defaults().withIdentity(key).withKnownHosts(knownHosts)
                .withHostKeyDecision(HostKeyDecision.refuse()));

        m.select(m.hosts().get(0));
        runUi();

        assertThat(m.statusProperty().get()).startsWith("Read ").doesNotContain("trusted");
    }
}
