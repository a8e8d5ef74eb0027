package dev.nettune.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * A scheduler whose time moves only when a test calls {@link #advance}: scheduled and periodic tasks
 * run on the test's thread, in due order, with {@link #clock()} showing the time they were due. Plain
 * {@code execute}/{@code submit} run at once. Tests use it instead of sleeping on the wall clock.
 */
public final class SteppableScheduler implements ScheduledExecutorService {
    private final PriorityQueue<Job<?>> queue = new PriorityQueue<>();
    private long now;
    private long sequence;
    private boolean shut;

    /** Starts at {@code startMillis} since the epoch. */
    public SteppableScheduler(long startMillis) {
        this.now = startMillis;
    }

    /** Starts at 2026-01-01T00:00:00Z. */
    public SteppableScheduler() {
        this(1_767_225_600_000L);
    }

    /** The scheduler's time, for code that takes a {@code LongSupplier} clock. */
    public LongSupplier clock() {
        return this::now;
    }

    public synchronized long now() {
        return now;
    }

    /** Moves time forward by {@code step}, running every task that falls due on the way, in order. */
    public void advance(Duration step) {
        long until;
        synchronized (this) {
            until = now + step.toMillis();
        }
        while (true) {
            Job<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due > until) {
                    now = until;
                    return;
                }
                queue.poll();
                now = Math.max(now, next.due);
            }
            next.runOnce();
        }
    }

    /** Runs the tasks due now (delay 0) without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** How many tasks wait (cancelled ones are dropped when they fall due). */
    public synchronized int pending() {
        return (int) queue.stream().filter(j -> !j.isCancelled()).count();
    }

    private synchronized <T> Job<T> add(Callable<T> task, long delayMs, long periodMs) {
        if (shut) {
            throw new RejectedExecutionException("The scheduler was shut down.");
        }
        Job<T> j = new Job<>(task, now + Math.max(0, delayMs), periodMs, sequence++);
        queue.add(j);
        return j;
    }

    private synchronized void requeue(Job<?> j) {
        if (!shut) {
            queue.add(j);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(() -> {
            command.run();
            return null;
        }, unit.toMillis(delay), 0);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, unit.toMillis(delay), 0);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return schedulePeriodic(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return schedulePeriodic(command, initialDelay, delay, unit);
    }

    private ScheduledFuture<?> schedulePeriodic(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("A period must be positive, not " + period + ".");
        }
        return add(() -> {
            command.run();
            return null;
        }, unit.toMillis(initialDelay), Math.max(1, unit.toMillis(period)));
    }

    @Override
    public void execute(Runnable command) {
        if (isShutdown()) {
            throw new RejectedExecutionException("The scheduler was shut down.");
        }
        command.run();
    }

    @Override
    public synchronized void shutdown() {
        shut = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shut = true;
        queue.clear();
        return new ArrayList<>();
    }

    @Override
    public synchronized boolean isShutdown() {
        return shut;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shut;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        Job<T> j = new Job<>(task, now(), 0, -1);
        j.runOnce();
        return j;
    }

    @Override
    public Future<?> submit(Runnable task) {
        return submit(() -> {
            task.run();
            return null;
        });
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return submit(() -> {
            task.run();
            return result;
        });
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) {
        List<Future<T>> out = new ArrayList<>();
        for (Callable<T> t : tasks) {
            out.add(submit(t));
        }
        return out;
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) {
        return invokeAll(tasks);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws ExecutionException {
        ExecutionException last = new ExecutionException("No task given.", null);
        for (Callable<T> t : tasks) {
            try {
                return t.call();
            } catch (Exception e) {
                last = new ExecutionException(e);
            }
        }
        throw last;
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit) throws ExecutionException {
        return invokeAny(tasks);
    }

    /** One scheduled task; a periodic one goes back in the queue after each run. */
    private final class Job<T> implements ScheduledFuture<T> {
        private final Callable<T> task;
        private final long period;
        private final long order;
        private long due;
        private volatile boolean cancelled;
        private volatile boolean done;
        private T result;
        private Throwable failure;

        Job(Callable<T> task, long due, long period, long order) {
            this.task = task;
            this.due = due;
            this.period = period;
            this.order = order;
        }

        void runOnce() {
            if (cancelled) {
                return;
            }
            try {
                T r = task.call();
                if (period == 0) {
                    result = r;
                    done = true;
                    return;
                }
            } catch (Throwable e) {
                // As in ScheduledThreadPoolExecutor: a failed run ends a periodic task.
                failure = e;
                done = true;
                return;
            }
            due = due + period;
            requeue(this);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - now(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Job<?> other = (Job<?>) o;
            int c = Long.compare(due, other.due);
            return c != 0 ? c : Long.compare(order, other.order);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public T get() throws ExecutionException {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            if (!done) {
                throw new IllegalStateException("The task has not run: advance the scheduler first.");
            }
            return result;
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
            if (!isDone()) {
                throw new TimeoutException("The task has not run: advance the scheduler first.");
            }
            return get();
        }
    }
}
