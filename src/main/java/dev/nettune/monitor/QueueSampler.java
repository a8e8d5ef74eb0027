package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The one long-lived sampler of a host's NIC: starts {@link SamplerScript} with
 * {@link Host#stream}, hands every complete snapshot on, and when the stream ends, fails to start
 * or falls silent it reports a gap and starts it again, waiting 1, 2, 4 ... up to 30 seconds
 * between attempts (back to 1 s once a snapshot arrives).
 */
public final class QueueSampler implements AutoCloseable {

    /** Where the sampler reports; called on the stream's or the scheduler's thread. */
    public interface Listener {
        void frame(SampleFrame frame);

        /** The stream was cut or could not start: the chart shows a gap from here. */
        void gap(long atMillis, String reason);

        default void state(State state, String detail) {
        }

        /** The same as a phrase the screens say in the user's language; by default its English. */
        default void state(State state, Phrase detail) {
            state(state, detail.toString());
        }
    }

    /** Where the sampler is in its life. */
    public enum State { STARTING, RUNNING, RECONNECTING, STOPPED }

    static final long MAX_BACKOFF_MILLIS = 30_000;

    private final Host host;
    private final String nic;
    private final SamplingInterval interval;
    private final Listener listener;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Object lock = new Object();

    private LineStream stream;
    private int generation;
    private boolean stopped = true;
    private long backoffMillis = 1000;
    private volatile long lastFrameAt;
    private ScheduledFuture<?> watchdog;
    private ScheduledFuture<?> pendingRestart;
    private long restarts;
    private boolean announced;

    public QueueSampler(Host host, String nic, SamplingInterval interval, Listener listener,
            ScheduledExecutorService scheduler, LongSupplier clockMillis) {
        this.host = Objects.requireNonNull(host, "host");
        this.nic = SamplerScript.checkNic(nic);
        this.interval = Objects.requireNonNull(interval, "interval");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = clockMillis;
    }

    public String nic() {
        return nic;
    }

    public SamplingInterval interval() {
        return interval;
    }

    /** Times the stream was started again after a cut. */
    public long restarts() {
        synchronized (lock) {
            return restarts;
        }
    }

    public void start() {
        synchronized (lock) {
            if (!stopped) {
                return;
            }
            stopped = false;
            lastFrameAt = clock.getAsLong();
            long every = Math.max(interval.millis(), 1000);
            watchdog = scheduler.scheduleWithFixedDelay(this::checkSilence, every, every, TimeUnit.MILLISECONDS);
        }
        listener.state(State.STARTING, Phrase.of("monitor.sampler.starting", "starting the sampler for {0} on {1}", nic, host.name()));
        open();
    }

    private void open() {
        int gen;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            gen = ++generation;
            announced = false;
        }
        SampleFrameReader reader = new SampleFrameReader(f -> onFrame(gen, f), clock);
        try {
            LineStream s = host.stream(SamplerScript.command(nic, interval), new LineStream.Sink() {
                @Override
                public void line(String line) {
                    if (isCurrent(gen)) {
                        reader.line(line);
                    }
                }

                @Override
                public void ended(int exitCode, Throwable error) {
                    onEnded(gen, exitCode, error);
                }
            });
            synchronized (lock) {
                if (stopped || gen != generation) {
                    s.cancel();
                    return;
                }
                stream = s;
                lastFrameAt = clock.getAsLong();
            }
        } catch (HostException | RuntimeException e) {
            onEnded(gen, -1, e);
        }
    }

    private boolean isCurrent(int gen) {
        synchronized (lock) {
            return !stopped && gen == generation;
        }
    }

    private void onFrame(int gen, SampleFrame frame) {
        boolean first;
        synchronized (lock) {
            if (stopped || gen != generation) {
                return;
            }
            first = !announced;
            announced = true;
            backoffMillis = 1000;
            lastFrameAt = clock.getAsLong();
        }
        listener.frame(frame);
        if (first) {
            listener.state(State.RUNNING, Phrase.of("monitor.sampler.running", "sampling {0} every {1} s", nic, interval.sleepArgument()));
        }
    }

    private void onEnded(int gen, int exitCode, Throwable error) {
        onEnded(gen, error != null ? (error.getMessage() == null ? Phrase.literal(error.toString()) : Phrase.from(error))
                : Phrase.of("monitor.sampler.exited", "the sampler exited with code {0}", exitCode));
    }

    private void onEnded(int gen, Phrase why) {
        long wait;
        synchronized (lock) {
            if (stopped || gen != generation) {
                return;
            }
            generation++;
            stream = null;
            wait = backoffMillis;
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
            restarts++;
            pendingRestart = scheduler.schedule(this::open, wait, TimeUnit.MILLISECONDS);
        }
        listener.gap(clock.getAsLong(), why.toString());
        listener.state(State.RECONNECTING, Phrase.of("monitor.sampler.reconnecting", "{0}; trying again in {1} s", why,
                String.valueOf(wait / 1000.0)));
    }

    private void checkSilence() {
        LineStream s;
        int gen;
        synchronized (lock) {
            if (stopped || stream == null) {
                return;
            }
            long silentFor = clock.getAsLong() - lastFrameAt;
            if (silentFor < Math.max(3 * interval.millis(), 10_000)) {
                return;
            }
            s = stream;
            gen = generation;
        }
        s.cancel();
        onEnded(gen, Phrase.of("monitor.sampler.stalled", "no snapshot for {0} s (connection stalled)",
                (clock.getAsLong() - lastFrameAt) / 1000));
    }

    /** Stops the remote command; no gap is reported for a stop. */
    public void stop() {
        LineStream s;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            stopped = true;
            generation++;
            s = stream;
            stream = null;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
            }
        }
        if (s != null) {
            s.cancel();
        }
        listener.state(State.STOPPED, Phrase.of("monitor.sampler.stopped", "stopped"));
    }

    @Override
    public void close() {
        stop();
    }
}
