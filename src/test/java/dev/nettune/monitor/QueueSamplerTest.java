package dev.nettune.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

public class QueueSamplerTest {
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A host whose sampler stream prints {@code framesPerStream} frames and then drops, as a cut connection does. */
    static final class DroppingHost implements Host {
        final AtomicInteger streams = new AtomicInteger();
        final List<Command> commands = new CopyOnWriteArrayList<>();
        final int framesPerStream;
        volatile boolean failToStart;

        DroppingHost(int framesPerStream) {
            this.framesPerStream = framesPerStream;
        }

        @Override
        public String name() {
            return "dropping";
        }

        @Override
        public CommandResult run(Command command, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CommandResult> runAll(List<Command> commands, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
            commands.add(command);
            int n = streams.incrementAndGet();
            if (failToStart) {
                throw new HostException("connection refused");
            }
            Thread t = new Thread(() -> {
                for (int i = 0; i < framesPerStream; i++) {
                    SampleFrame f = new SampleFrame(n * 100 + i, 0, "rx_packets:" + i + "\n", "NIC statistics:\n", "", "");
                    f.render().lines().forEach(sink::line);
                }
                sink.line(SamplerScript.SAMPLE_MARKER + " 1.0");
                sink.line("half a frame, then the connection drops");
                sink.ended(-1, new HostException("connection reset"));
            });
            t.setDaemon(true);
            t.start();
            return new LineStream() {
                @Override
                public boolean isRunning() {
                    return t.isAlive();
                }

                @Override
                public void cancel() {
                }
            };
        }

        @Override
        public void close() {
        }
    }

    static final class Recorder implements QueueSampler.Listener {
        final List<SampleFrame> frames = new CopyOnWriteArrayList<>();
        final List<String> gaps = new CopyOnWriteArrayList<>();
        final List<dev.nettune.Phrase> states = new CopyOnWriteArrayList<>();

        @Override
        public void state(QueueSampler.State state, dev.nettune.Phrase detail) {
            states.add(detail);
        }

        @Override
        public void frame(SampleFrame frame) {
            frames.add(frame);
        }

        @Override
        public void gap(long atMillis, String reason) {
            gaps.add(reason);
        }
    }

    @Test
    void droppedStreamIsReportedAsAGapAndStartedAgain() throws Exception {
        DroppingHost host = new DroppingHost(3);
        Recorder rec = new Recorder();
        QueueSampler sampler = new QueueSampler(host, "eth1", SamplingInterval.ONE_SECOND, rec, scheduler, System::currentTimeMillis);
        sampler.start();
        waitFor(() -> host.streams.get() >= 2 && rec.frames.size() >= 6);
        sampler.stop();
        assertThat(rec.gaps).isNotEmpty().allMatch(g -> g.contains("connection reset"));
        assertThat(rec.frames).noneMatch(f -> f.uptimeSeconds() == 1.0);
        assertThat(host.commands).allMatch(SamplerScript::isSamplerCommand);
        assertThat(sampler.restarts()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theSamplersStateLinesCanBeSaidInChinese() throws Exception {
        DroppingHost host = new DroppingHost(50);
        Recorder rec = new Recorder();
        QueueSampler sampler = new QueueSampler(host, "eth1", SamplingInterval.ONE_SECOND, rec, scheduler, System::currentTimeMillis);
        sampler.start();
        waitFor(() -> rec.frames.size() >= 2);
        sampler.stop();

        assertThat(rec.states).extracting(p -> p.in(java.util.Locale.SIMPLIFIED_CHINESE)).contains("正在每 1 秒采样 eth1", "已停止");
        assertThat(rec.states).extracting(dev.nettune.Phrase::toString).contains("sampling eth1 every 1 s");
    }

    @Test
    void aSingleStreamServesManySnapshots() throws Exception {
        DroppingHost host = new DroppingHost(50);
        Recorder rec = new Recorder();
        QueueSampler sampler = new QueueSampler(host, "eth1", SamplingInterval.ONE_SECOND, rec, scheduler, System::currentTimeMillis);
        sampler.start();
        waitFor(() -> rec.frames.size() >= 50);
        sampler.stop();
        assertThat(host.streams.get()).isEqualTo(1);
    }

    @Test
    void hostThatCannotStartTheStreamIsRetriedWithBackoff() throws Exception {
        DroppingHost host = new DroppingHost(1);
        host.failToStart = true;
        Recorder rec = new Recorder();
        QueueSampler sampler = new QueueSampler(host, "eth1", SamplingInterval.ONE_SECOND, rec, scheduler, System::currentTimeMillis);
        sampler.start();
        waitFor(() -> host.streams.get() >= 2);
        host.failToStart = false;
        waitFor(() -> !rec.frames.isEmpty());
        sampler.stop();
        assertThat(rec.gaps).first().asString().contains("connection refused");
    }

    @Test
    void stopReportsNoGapAndStartsNothingMore() throws Exception {
        DroppingHost host = new DroppingHost(1);
        Recorder rec = new Recorder();
        QueueSampler sampler = new QueueSampler(host, "eth1", SamplingInterval.ONE_SECOND, rec, scheduler, System::currentTimeMillis);
        sampler.start();
        sampler.stop();
        int streams = host.streams.get();
        Thread.sleep(1500);
        assertThat(host.streams.get()).isEqualTo(streams);
    }

    public static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(20);
        }
    }
}
