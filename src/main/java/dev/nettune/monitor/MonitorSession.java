package dev.nettune.monitor;

import dev.nettune.Phrase;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.NicRssReader;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.IndirectionTable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Live monitoring of one host's NIC: the sampler's frames parsed into snapshots, turned into
 * rates, kept in a bounded history and, while a recording runs, written to it. Gaps (a cut
 * stream) and resets (counters going backwards) break the lines. The table, when the NIC has
 * one, is read once at start so that shares can be judged against it.
 */
public final class MonitorSession implements AutoCloseable {

    /** Told about what the session does; called on the sampler's threads. */
    public interface Listener {
        default void sampled(RateSample sample) {
        }

        default void status(String text) {
        }

        /** The same as a phrase the screens say in the user's language; by default its English. */
        default void status(Phrase text) {
            status(text.toString());
        }

        /** Every frame the sampler read, before it becomes rates (its sysfs statistics carry the NIC's drop counters). */
        default void frame(SampleFrame frame) {
        }

        /** The sampler lost the host or the counters reset: no rate for this moment. */
        default void gap(long atMillis, String reason) {
        }
    }

    private final Host host;
    private final String nic;
    private final SamplingInterval interval;
    private final QueueHistory history;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private final RateCalculator rates = new RateCalculator();
    private volatile SnapshotParser parser;
    private volatile Optional<IndirectionTable> table = Optional.empty();
    private volatile RecordingSink recording;
    private volatile Phrase status = Phrase.of("monitor.status.notStarted", "not started");
    private QueueSampler sampler;

    public MonitorSession(Host host, String nic, SamplingInterval interval, Duration window, ScheduledExecutorService scheduler,
            LongSupplier clockMillis) {
        this.host = host;
        this.nic = SamplerScript.checkNic(nic);
        this.interval = interval;
        this.history = new QueueHistory(window, interval);
        this.scheduler = scheduler;
        this.clock = clockMillis;
    }

    public String hostName() {
        return host.name();
    }

    public String nic() {
        return nic;
    }

    public SamplingInterval interval() {
        return interval;
    }

    public QueueHistory history() {
        return history;
    }

    /** Goes up with every sample or gap: a redraw is needed only when it changed. */
    public long version() {
        return version.get();
    }

    public Optional<IndirectionTable> table() {
        return table;
    }

    /** What the session is doing now (the last status its listeners were told), said in any language. */
    public Phrase status() {
        return status;
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    /** Reads the NIC's driver and table (one round trip each), then starts the sampler. Blocks for those reads. */
    public void start() throws HostException, InterruptedException {
        NicIdentity id = NicIdentity.read(host, nic);
        parser = new SnapshotParser(id);
        refreshTable();
        synchronized (this) {
            sampler = new QueueSampler(host, nic, interval, new QueueSampler.Listener() {
                @Override
                public void frame(SampleFrame frame) {
                    onFrame(frame);
                }

                @Override
                public void gap(long atMillis, String reason) {
                    onGap(atMillis, reason);
                }

                @Override
                public void state(QueueSampler.State state, String detail) {
                    setStatus(Phrase.literal(detail));
                }

                @Override
                public void state(QueueSampler.State state, Phrase detail) {
                    setStatus(detail);
                }
            }, scheduler, clock);
            sampler.start();
        }
    }

    /** Reads {@code ethtool -x} again (after a tuning change), so shares are judged against the live table. */
    public Optional<IndirectionTable> refreshTable() throws HostException, InterruptedException {
        table = NicRssReader.readIfAvailable(host, nic).flatMap(EthtoolRss::table);
        return table;
    }

    private void onFrame(SampleFrame frame) {
        for (Listener l : listeners) {
            l.frame(frame);
        }
        CounterSnapshot s;
        try {
            s = parser.parse(frame);
        } catch (RuntimeException e) {
            setStatus(Phrase.of("monitor.status.unreadableSnapshot", "a snapshot could not be read: {0}",
                    Phrase.literal(e.getMessage())));
            return;
        }
        RateCalculator.Outcome o;
        synchronized (rates) {
            o = rates.next(s);
        }
        if (o instanceof RateCalculator.Rates r) {
            history.add(r.sample());
            RecordingSink rec = recording;
            if (rec != null) {
                rec.sample(r.sample());
            }
            version.incrementAndGet();
            for (Listener l : listeners) {
                l.sampled(r.sample());
            }
        } else if (o instanceof RateCalculator.Reset reset) {
            history.addGap(reset.timeMillis());
            RecordingSink rec = recording;
            if (rec != null) {
                rec.gap(reset.timeMillis(), "reset: " + reset.reason());
            }
            version.incrementAndGet();
            setStatus(Phrase.of("monitor.status.countersReset", "Counters reset: {0}", reset.said()));
        }
    }

    private void onGap(long atMillis, String reason) {
        synchronized (rates) {
            rates.clear();
        }
        history.addGap(atMillis);
        RecordingSink rec = recording;
        if (rec != null) {
            rec.gap(atMillis, reason);
        }
        version.incrementAndGet();
        for (Listener l : listeners) {
            l.gap(atMillis, reason);
        }
    }

    private void setStatus(Phrase s) {
        status = s;
        for (Listener l : listeners) {
            l.status(s);
        }
    }

    /** Every new sample (and gap) also goes to {@code sink} until {@link #stopRecording()}. */
    public void startRecording(RecordingSink sink) {
        RecordingSink old = recording;
        recording = sink;
        if (old != null) {
            old.close();
        }
    }

    public boolean recording() {
        return recording != null;
    }

    public void stopRecording() {
        RecordingSink old = recording;
        recording = null;
        if (old != null) {
            old.close();
        }
    }

    public synchronized long restarts() {
        return sampler == null ? 0 : sampler.restarts();
    }

    @Override
    public void close() {
        QueueSampler s;
        synchronized (this) {
            s = sampler;
            sampler = null;
        }
        if (s != null) {
            s.stop();
        }
        stopRecording();
    }
}
