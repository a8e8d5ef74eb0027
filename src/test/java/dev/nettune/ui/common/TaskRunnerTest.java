package dev.nettune.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one background runner, on the test's thread and the test's clock. */
class TaskRunnerTest {
    private final SteppableScheduler scheduler = new SteppableScheduler();
    private final TaskRunner tasks = TestTasks.sameThread(scheduler);
    private final List<String> seen = new ArrayList<>();

    @Test
    void aResultReachesTheUiCallback() {
        tasks.submit(() -> "read", seen::add, e -> seen.add("error " + e.getMessage()));

        assertThat(seen).containsExactly("read");
    }

    @Test
    void aFailureReachesTheErrorCallbackNotTheResultOne() {
        tasks.<String>submit(() -> {
            throw new IllegalStateException("database locked");
        }, seen::add, e -> seen.add("error " + e.getMessage()));

        assertThat(seen).containsExactly("error database locked");
    }

    @Test
    void periodicWorkRunsOncePerPeriodAsTimeAdvancesAndStopsWhenCancelled() {
        TaskRunner.Handle h = tasks.every(Duration.ofMillis(250), () -> seen.add("tick at " + (scheduler.now() % 10_000)));

        scheduler.advance(Duration.ofMillis(1000));
        assertThat(seen).hasSize(4);
        h.cancel();
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(seen).hasSize(4);
    }

    @Test
    void theClockMovesOnlyWhenTheTestAdvancesIt() {
        long start = tasks.clock().getAsLong();

        scheduler.advance(Duration.ofSeconds(3));

        assertThat(tasks.clock().getAsLong() - start).isEqualTo(3000);
    }
}
