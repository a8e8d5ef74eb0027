package dev.nettune.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long work off the UI thread: a real worker thread, and a single thread standing in for the FX thread. */
class BackgroundWorkTest {
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ExecutorService ui = Executors.newSingleThreadExecutor();
    private final BackgroundWork work = new TaskRunner(worker, new SteppableScheduler(), ui, System::currentTimeMillis).newWork();

    @AfterEach
    void stop() {
        worker.shutdownNow();
        ui.shutdownNow();
    }

    private void onUi(Runnable r) throws Exception {
        ui.submit(r).get(5, TimeUnit.SECONDS);
    }

    private void drain() throws Exception {
        worker.submit(() -> { }).get(5, TimeUnit.SECONDS);
        onUi(() -> { });
    }

    @Test
    void cancelStopsTheJobAndDropsItsResult() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        onUi(() -> work.<String>start("Counting", reporter -> {
            started.countDown();
            while (reporter.progress(1, 2)) {
                Thread.onSpinWait();
            }
            throw new CancellationException();
        }, results::add, r -> "done"));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        onUi(work::cancel);
        drain();

        assertThat(results).isEmpty();
        onUi(() -> {
            assertThat(work.runningProperty().get()).isFalse();
            assertThat(work.statusProperty().get()).isEqualTo("Cancelled.");
        });
    }

    @Test
    void progressAndResultArriveOnTheUiThread() throws Exception {
        List<String> threads = new ArrayList<>();
        Thread[] uiThread = new Thread[1];
        onUi(() -> uiThread[0] = Thread.currentThread());

        onUi(() -> work.start("Counting", reporter -> {
            reporter.progress(5, 10);
            return "ten";
        }, r -> threads.add(Thread.currentThread().getName()), r -> "Counted " + r + "."));
        drain();

        assertThat(threads).containsExactly(uiThread[0].getName());
        onUi(() -> {
            assertThat(work.statusProperty().get()).isEqualTo("Counted ten.");
            assertThat(work.progressProperty().get()).isEqualTo(1.0);
            assertThat(work.runningProperty().get()).isFalse();
        });
    }

    @Test
    void aNewJobSupersedesTheRunningOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> results = new ArrayList<>();
        onUi(() -> work.start("First", reporter -> {
            release.await(5, TimeUnit.SECONDS);
            return "first";
        }, results::add, r -> r));
        onUi(() -> work.start("Second", reporter -> "second", results::add, r -> r));
        release.countDown();
        drain();
        drain();

        assertThat(results).containsExactly("second");
    }

    @Test
    void aDomainErrorBecomesTheStatus() throws Exception {
        onUi(() -> work.<String>start("Checking", reporter -> {
            throw new IllegalArgumentException("Port 70000 is out of range: ports are 0-65535.");
        }, r -> { }, r -> ""));
        drain();

        onUi(() -> {
            assertThat(work.failedProperty().get()).isTrue();
            assertThat(work.statusProperty().get()).isEqualTo("Port 70000 is out of range: ports are 0-65535.");
        });
    }
}
