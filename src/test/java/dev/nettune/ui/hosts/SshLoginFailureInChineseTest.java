package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.app.AppContext;
import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.SecretPrompt;
import dev.nettune.host.ssh.TestSshServer;
import dev.nettune.testing.EnglishLeft;
import dev.nettune.ui.common.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a login failed, in Chinese, on the Hosts screen and from {@code host check --lang zh_CN}, against a real SSH server:
 * no key accepted, a wrong password, and a port where nothing listens.
 */
class SshLoginFailureInChineseTest {
    @TempDir
    Path dir;
    private TestSshServer server;
    private AppContext context;
    private HostResolver resolver;
    private Path key;
    private Path knownHosts;
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();

    @BeforeEach
    void setUp() throws Exception {
        Messages.use(Messages.CHINESE);
        server = TestSshServer.start();
        key = server.authorizeNewKey(dir.resolve("id"), null);
        knownHosts = Files.writeString(dir.resolve("known_hosts"), server.knownHostsLine() + "\n");
        context = new AppContext(dir.resolve("config"));
        resolver = new HostResolver(context.builtInHosts(), context::hostInventory, () -> dir.resolve("no_ssh_config"),
                Duration.ofMinutes(1));
    }

    @AfterEach
    void tearDown() throws Exception {
        Messages.use(Messages.ENGLISH);
        dev.nettune.cli.CliLocaleReset.english();
        executor.shutdownNow();
        resolver.closeAll();
        context.close();
        server.close();
    }

    private String hostsScreenSays(String host, HostOptions options) throws InterruptedException {
        HostsViewModel[] ref = new HostsViewModel[1];
        ref[0] = new HostsViewModel(() -> List.of(new HostsViewModel.HostEntry(host, "ssh", "")),
                HostsView.stateSource(resolver, () -> options, () -> ref[0]), executor, uiQueue::add);
        ref[0].reloadHosts();
        runUi();
        ref[0].select(ref[0].hosts().get(0));
        runUi();
        // The status says the read failed; the error line under it says why.
        return ref[0].statusProperty().get() + "\n" + ref[0].errorProperty().get();
    }

    private void runUi() throws InterruptedException {
        Runnable r = uiQueue.poll(60, TimeUnit.SECONDS);
        assertThat(r).as("a result posted to the UI thread").isNotNull();
        r.run();
    }

    private HostOptions options() {
        return HostOptions.defaults().withIdentity(key).withKnownHosts(knownHosts).withHostKeyDecision(HostKeyDecision.refuse());
    }

    private static int closedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void noKeyAcceptedIsSaidInChineseOnTheHostsScreenAndByHostCheck() throws Exception {
        server.authorizedKeys.clear();
        String host = "tester@127.0.0.1:" + server.port();

        String screen = hostsScreenSays(host, options());
        dev.nettune.cli.CliRun cli = dev.nettune.cli.CliRun.in(context, "host", "check", host, "-i", key.toString(),
                "--known-hosts", knownHosts.toString(), "--lang", "zh_CN");

        assertThat(screen).contains("拒绝了以“tester”身份登录").contains("密钥 " + key);
        assertThat(EnglishLeft.in(List.of(screen))).as(screen).isEmpty();
        assertThat(cli.exit()).isNotZero();
        assertThat(cli.err()).contains("拒绝了以“tester”身份登录");
        assertThat(EnglishLeft.in(List.of(cli.text()))).as(cli.text()).isEmpty();
    }

    @Test
    void aWrongPasswordIsSaidInChineseOnTheHostsScreen() throws Exception {
        server.authorizedKeys.clear();
        server.password = "letmein";
        SecretPrompt wrong = new SecretPrompt() {
            @Override
            public Optional<char[]> keyPassphrase(Path keyFile) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> loginPassword(String user, String host) {
                return Optional.of("guessed".toCharArray());
            }
        };

        String screen = hostsScreenSays("tester@127.0.0.1:" + server.port(), options().withSecrets(wrong));

        assertThat(screen).contains("拒绝了以“tester”身份登录").contains("密码（如被询问）");
        assertThat(EnglishLeft.in(List.of(screen))).as(screen).isEmpty();
    }

    @Test
    void aPortWhereNothingListensIsSaidInChineseOnTheHostsScreenAndByHostCheck() throws Exception {
        String host = "tester@127.0.0.1:" + closedPort();

        String screen = hostsScreenSays(host, options());
        dev.nettune.cli.CliRun cli = dev.nettune.cli.CliRun.in(context, "host", "check", host, "-i", key.toString(),
                "--known-hosts", knownHosts.toString(), "--lang", "zh_CN");

        assertThat(screen).contains("连接被拒绝");
        assertThat(EnglishLeft.in(List.of(screen))).as(screen).isEmpty();
        assertThat(cli.err()).contains("连接被拒绝");
        assertThat(EnglishLeft.in(List.of(cli.text()))).as(cli.text()).isEmpty();
    }
}
