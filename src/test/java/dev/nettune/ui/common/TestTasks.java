package dev.nettune.ui.common;

/** Task runners for view-model tests: no FX toolkit, no threads, no wall clock. */
public final class TestTasks {
    private TestTasks() {
    }

    /** Work and UI callbacks run on the calling thread; schedules and time on a fresh steppable scheduler. */
    public static TaskRunner sameThread() {
        return sameThread(new SteppableScheduler());
    }

    /** As {@link #sameThread()}, with the test's scheduler, so it can {@link SteppableScheduler#advance} time. */
    public static TaskRunner sameThread(SteppableScheduler scheduler) {
        return new TaskRunner(new SameThreadExecutor(), scheduler, Runnable::run, scheduler.clock());
    }
}
