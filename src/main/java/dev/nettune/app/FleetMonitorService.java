package dev.nettune.app;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.Transport;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.monitor.FleetMonitor;
import dev.nettune.monitor.MonitorSession;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.RateCalculator;
import dev.nettune.monitor.RateSample;
import dev.nettune.monitor.SampleFrame;
import dev.nettune.monitor.SampleFrameReader;
import dev.nettune.monitor.SamplerScript;
import dev.nettune.monitor.SamplingInterval;
import dev.nettune.monitor.SnapshotParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Feeds a {@link FleetMonitor} from many instances: over SSH and for built-in hosts one long-lived sampler
 * per instance (the single-host Monitor's session), through Cloud Assistant, which returns output only when
 * a script ends, one snapshot per instance every poll period. Opening and sampling run on the scheduler,
 * never on the caller's thread; what could not be started is kept per instance as a problem.
 */
public final class FleetMonitorService implements AutoCloseable {
    private final FleetService fleet;
    private final FleetMonitor model;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Map<String, dev.nettune.Phrase> problems = new ConcurrentHashMap<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private volatile boolean closed;

    public FleetMonitorService(FleetService fleet, FleetMonitor model, ScheduledExecutorService scheduler, LongSupplier clock) {
        this.fleet = fleet;
        this.model = model;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The model the rows come from. */
    public FleetMonitor model() {
        return model;
    }

    /** Why an instance shows no samples (could not be opened, no such NIC), by instance, in English ({@code --json}). */
    public Map<String, String> problems() {
        Map<String, String> out = new java.util.HashMap<>();
        problems.forEach((k, v) -> out.put(k, v.toString()));
        return Map.copyOf(out);
    }

    /** {@link #problems()} as phrases, said in the user's language. */
    public Map<String, dev.nettune.Phrase> problemPhrases() {
        return Map.copyOf(problems);
    }

    /** Starts watching {@code nic} on every member; Cloud Assistant members are read every {@code pollPeriod}. */
    public void start(List<FleetInstance> members, String nic, HostOptions options, Duration pollPeriod) {
        SamplerScript.checkNic(nic);
        for (FleetInstance m : members) {
            model.watch(m.hostName());
            scheduler.execute(() -> open(m, nic, options, pollPeriod));
        }
    }

    private void open(FleetInstance m, String nic, HostOptions options, Duration pollPeriod) {
        if (closed) {
            return;
        }
        String name = m.hostName();
        try {
            Host host = fleet.open(m, options);
            keep(host);
            if (m.reach().transport() == Transport.CLOUD_ASSISTANT) {
                Poller p = new Poller(name, host, new SnapshotParser(NicIdentity.read(host, nic)), nic);
                ScheduledFuture<?> f = scheduler.scheduleWithFixedDelay(p, 0, pollPeriod.toMillis(), TimeUnit.MILLISECONDS);
                keep(() -> f.cancel(true));
            } else {
                MonitorSession s = new MonitorSession(host, nic, SamplingInterval.ONE_SECOND, Duration.ofMinutes(2), scheduler, clock);
                long[] drops = {dev.nettune.monitor.CounterSnapshot.UNKNOWN};
                s.addListener(new MonitorSession.Listener() {
                    @Override
                    public void frame(SampleFrame frame) {
                        drops[0] = FleetMonitor.drops(frame.statistics());
                    }

                    @Override
                    public void sampled(RateSample sample) {
                        model.sample(name, sample, drops[0]);
                        problems.remove(name);
                    }

                    @Override
                    public void gap(long atMillis, String reason) {
                        model.gap(name, atMillis);
                    }
                });
                keep(s);
                s.start();
            }
        } catch (HostException | RuntimeException e) {
            problems.put(name, e instanceof dev.nettune.Phrased p ? p.phrase()
                    : dev.nettune.Phrase.literal(e.getMessage() == null ? e.toString() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One Cloud Assistant instance read one snapshot at a time; rates come from consecutive snapshots. */
    private final class Poller implements Runnable {
        private final String name;
        private final Host host;
        private final SnapshotParser parser;
        private final String nic;
        private final RateCalculator rates = new RateCalculator();

        Poller(String name, Host host, SnapshotParser parser, String nic) {
            this.name = name;
            this.host = host;
            this.parser = parser;
            this.nic = nic;
        }

        @Override
        public void run() {
            try {
                // Counters only: shares and drops need no /proc/interrupts, which is half of a full frame's parsing.
                CommandResult r = host.run(SamplerScript.countersCommand(nic), Duration.ofSeconds(30));
                List<SampleFrame> frames = new ArrayList<>(1);
                SampleFrameReader reader = new SampleFrameReader(frames::add, clock);
                r.stdout().lines().forEach(reader::line);
                if (frames.isEmpty()) {
                    problems.put(name, r.stderr().isBlank() ? dev.nettune.Phrase.of("fleet.monitor.noSnapshot", "no snapshot of {0}", nic)
                            : dev.nettune.Phrase.of("fleet.monitor.noSnapshotWhy", "no snapshot of {0}: {1}", nic, r.stderr().strip()));
                    model.gap(name, clock.getAsLong());
                    return;
                }
                SampleFrame f = frames.get(0);
                RateCalculator.Outcome o = rates.next(parser.parse(f));
                if (o instanceof RateCalculator.Rates rs) {
                    model.sample(name, rs.sample(), FleetMonitor.drops(f.statistics()));
                    problems.remove(name);
                } else if (o instanceof RateCalculator.Reset) {
                    model.gap(name, clock.getAsLong());
                }
            } catch (HostException | RuntimeException e) {
                problems.put(name, e instanceof dev.nettune.Phrased p ? p.phrase()
                    : dev.nettune.Phrase.literal(e.getMessage() == null ? e.toString() : e.getMessage()));
                rates.clear();
                model.gap(name, clock.getAsLong());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized void keep(AutoCloseable c) {
        if (closed) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing something opened after close(): nothing else can be done with it.
            }
            return;
        }
        open.add(c);
    }

    /** Stops every sampler and closes every host; safe more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                // One sampler failing to close must not keep the others open.
            }
        }
        open.clear();
    }
}
