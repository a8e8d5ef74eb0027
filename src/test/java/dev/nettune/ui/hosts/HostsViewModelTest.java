package dev.nettune.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.HostException;
import dev.nettune.host.HostStateReader;
import dev.nettune.linux.HostState;
import dev.nettune.sandbox.SandboxInstance;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Hosts screen's logic without a toolkit: reads off the calling thread, progress, cancel, plain errors. */
class HostsViewModelTest {
    private final SandboxInstance sandbox = SandboxInstance.demo();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    /** Stands in for the FX thread: the test thread runs what the view model posts. */
    private final LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
    private final List<HostsViewModel.HostEntry> entries = List.of(
            new HostsViewModel.HostEntry("sandbox", "built-in", ""), new HostsViewModel.HostEntry("local", "built-in", ""));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private HostsViewModel model(HostsViewModel.StateSource source) throws InterruptedException {
        HostsViewModel m = new HostsViewModel(() -> entries, source, executor, uiQueue::add);
        m.reloadHosts();
        runUi();
        return m;
    }

    private void runUi() throws InterruptedException {
        Runnable r = uiQueue.poll(10, TimeUnit.SECONDS);
        assertThat(r).as("a result posted to the UI thread").isNotNull();
        r.run();
    }

    private HostsViewModel.StateSource sandboxSource() {
        return (name, nic) -> new HostStateReader().read(sandbox, nic, Duration.ofSeconds(5));
    }

    @Test
    void theHostListIsReadOffTheUiThreadAndShownThroughIt() throws Exception {
        Thread[] listedOn = new Thread[1];
        HostsViewModel m = new HostsViewModel(() -> {
            listedOn[0] = Thread.currentThread();
            return entries;
        }, sandboxSource(), executor, uiQueue::add);
        m.reloadHosts();
        assertThat(m.hosts()).as("nothing is listed on the calling (UI) thread").isEmpty();
        runUi();
        assertThat(listedOn[0]).isNotNull().isNotSameAs(Thread.currentThread());
        assertThat(m.hosts()).extracting(HostsViewModel.HostEntry::name).containsExactly("sandbox", "local");
    }

    @Test
    void onFirstShowingTheSandboxIsReadWithoutAClick() throws Exception {
        HostsViewModel m = model(sandboxSource());
        m.selectFirstIfNone();
        assertThat(m.selectedHostProperty().get().name()).isEqualTo("sandbox");
        runUi();
        assertThat(m.queueRows()).hasSize(4);
    }

    @Test
    void aHostAlreadyChosenIsKeptWhenTheScreenIsShownAgain() throws Exception {
        HostsViewModel m = model(sandboxSource());
        m.select(m.hosts().get(1));
        m.selectFirstIfNone();
        assertThat(m.selectedHostProperty().get().name()).isEqualTo("local");
    }

    @Test
    void choosingTheSandboxShowsEth1WithFourQueuesAndItsTable() throws Exception {
        HostsViewModel m = model(sandboxSource());
        m.select(m.hosts().get(0));
        assertThat(m.busyProperty().get()).isTrue();
        assertThat(m.statusProperty().get()).contains("Reading sandbox");
        runUi();
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(m.nics()).containsExactly("eth0", "eth1");
        assertThat(m.selectedNicProperty().get()).isEqualTo("eth1");
        assertThat(m.queueRows()).hasSize(4);
        assertThat(m.tableProperty().get().size()).isEqualTo(128);
        assertThat(m.rssSummaryProperty().get()).contains("toeplitz").contains("key ");
        assertThat(m.hostSummaryProperty().get()).contains("Alibaba Cloud Linux 3");
        assertThat(m.kernelSettingsProperty().get()).contains("net.ipv4.tcp_max_tw_buckets = 5000");
    }

    @Test
    void theNicLineSaysItsQueuesAndTheirMaximumInTheUsersLanguage() throws Exception {
        HostsViewModel m = model(sandboxSource());
        m.select(m.hosts().get(0));
        runUi();
        assertThat(m.nicSummaryProperty().get()).contains("4 queues (max 4)");
        dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.CHINESE);
        try {
            HostsViewModel zh = model(sandboxSource());
            zh.select(zh.hosts().get(0));
            runUi();
            assertThat(zh.nicSummaryProperty().get()).contains("4 个队列（最多 4）").doesNotContain("max");
        } finally {
            dev.nettune.ui.common.Messages.use(dev.nettune.ui.common.Messages.ENGLISH);
        }
    }

    @Test
    void aNicWithoutATableSaysWhy() throws Exception {
        HostsViewModel m = model(sandboxSource());
        m.select(m.hosts().get(0));
        runUi();
        m.selectedNicProperty().set("eth0");
        assertThat(m.tableProperty().get()).isNull();
        assertThat(m.tableProblemProperty().get()).contains("Operation not supported");
        assertThat(m.queueRows()).hasSize(2);
    }

    @Test
    void aFailedReadIsShownInPlainWords() throws Exception {
        HostsViewModel m = model((name, nic) -> {
            throw new HostException("Connection refused by 10.0.0.5:22.");
        });
        m.select(m.hosts().get(0));
        runUi();
        assertThat(m.errorProperty().get()).isEqualTo("Could not read sandbox: Connection refused by 10.0.0.5:22.");
        assertThat(m.busyProperty().get()).isFalse();
    }

    @Test
    void cancelStopsASlowReadAndItsResultNeverShows() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        HostsViewModel m = model((name, nic) -> {
            started.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        });
        m.select(m.hosts().get(0));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        m.cancel();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("the reading thread was interrupted").isTrue();
        assertThat(m.busyProperty().get()).isFalse();
        assertThat(m.statusProperty().get()).isEqualTo("Cancelled.");
        assertThat(uiQueue.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aSandboxWithAnInjectedDelayTimesOutWithAReadableMessage() throws Exception {
        sandbox.faults().delayEveryCall(Duration.ofSeconds(2));
        HostsViewModel m = model((name, nic) -> new HostStateReader().read(sandbox, nic, Duration.ofMillis(100)));
        m.select(m.hosts().get(0));
        runUi();
        assertThat(m.errorProperty().get()).contains("timed out");
    }

    @Test
    void refreshShowsNewCountersAfterTraffic() throws Exception {
        HostsViewModel m = model(sandboxSource());
        m.select(m.hosts().get(0));
        runUi();
        new dev.nettune.sandbox.SandboxTraffic(sandbox, 1).hpingScenario1("eth1");
        m.refresh();
        runUi();
        long total = m.queueRows().stream().mapToLong(r -> Long.parseLong(r.rx().replace(",", ""))).sum();
        assertThat(total).isEqualTo(10_000);
        HostState s = m.stateProperty().get();
        assertThat(s.host()).isEqualTo("sandbox");
    }
}
