package dev.nettune.sandbox;

import dev.nettune.rss.Flow;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends flows to a {@link SandboxInstance}: single flows, flow lists, the seed's two hping3 scenarios,
 * and an optional background rate for the demo. Each packet lands in the queue the Toeplitz hash of
 * the NIC's current key and table picks, so the per-queue counters move as a real ENI's would.
 */
public final class SandboxTraffic implements AutoCloseable {
    /** The accepter's address in the seed (the ENI eth1 with custom RSS). */
    public static final String ACCEPTER = "10.0.0.5";
    /** The sender's address in the seed. */
    public static final String SENDER = "10.0.0.252";
    /** A TCP SYN as hping3 sends it: 14 + 20 + 20 bytes, padded to Ethernet's 60-byte minimum. */
    public static final int SYN_BYTES = 60;

    private final SandboxInstance instance;
    private final Random random;
    private ScheduledExecutorService background;
    private ScheduledFuture<?> task;

    public SandboxTraffic(SandboxInstance instance, long seed) {
        this.instance = instance;
        this.random = new Random(seed);
    }

    /** Sends {@code packets} packets of one flow; returns the queue that got them. */
    public int send(String nic, Flow flow, long packets, int bytesPerPacket) {
        if (packets < 0) {
            throw new IllegalArgumentException("Packet count " + packets + " is negative.");
        }
        return instance.deliver(nic, flow, packets, bytesPerPacket);
    }

    /** Sends one SYN per flow in the list, in order. */
    public void send(String nic, List<Flow> flows) {
        for (Flow f : flows) {
            instance.deliver(nic, f, 1, SYN_BYTES);
        }
    }

    /**
     * The seed's scenario 1: {@code hping3 10.0.0.5 -S -a 10.0.0.252 --rand-dest -p 0 --baseport 10000
     * -c 10000 -i u100 -I eth0}. hping3 raises the source port by one per packet from the base port
     * (no {@code --keep}); {@code -p 0} keeps the destination port at 0; {@code --rand-dest} only
     * randomises the 'x' parts of a destination address and 10.0.0.5 has none. So the spread comes
     * from the 10,000 source ports 10000-19999, not from random destination ports as the seed says.
     */
    public void hpingScenario1(String nic) {
        for (int i = 0; i < 10_000; i++) {
            instance.deliver(nic, Flow.tcp(SENDER, ACCEPTER, 10_000 + i, 0), 1, SYN_BYTES);
        }
    }

    /** The seed's scenario 2: {@code hping3 10.0.0.5 -S -p 80 -c 10000 -s 12345 -a 10.0.0.252 --keep}: one flow, one queue. */
    public int hpingScenario2(String nic) {
        return instance.deliver(nic, scenario2Flow(), 10_000, SYN_BYTES);
    }

    /** The one flow of scenario 2: 10.0.0.252:12345 to 10.0.0.5:80. */
    public static Flow scenario2Flow() {
        return Flow.tcp(SENDER, ACCEPTER, 12345, 80);
    }

    /** Starts a steady stream of random TCP flows to {@code nic} at about {@code packetsPerSecond}. */
    public synchronized void startBackground(String nic, int packetsPerSecond) {
        if (packetsPerSecond < 1 || packetsPerSecond > 10_000_000) {
            throw new IllegalArgumentException("Background rate " + packetsPerSecond + " pps is out of range: 1 to 10,000,000.");
        }
        stopBackground();
        if (background == null) {
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sandbox-traffic");
                t.setDaemon(true);
                return t;
            });
        }
        int perTick = Math.max(1, packetsPerSecond / 10);
        task = background.scheduleAtFixedRate(() -> {
            int flows = Math.min(perTick, 64);
            long each = Math.max(1, perTick / flows);
            for (int i = 0; i < flows; i++) {
                Flow f;
                synchronized (random) {
                    f = Flow.tcp("10.0.0." + (2 + random.nextInt(250)), ACCEPTER, 1024 + random.nextInt(64_000), 8000 + random.nextInt(1001));
                }
                instance.deliver(nic, f, each, 800);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
    }

    public synchronized boolean backgroundRunning() {
        return task != null && !task.isDone();
    }

    public synchronized void stopBackground() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    @Override
    public synchronized void close() {
        stopBackground();
        if (background != null) {
            background.shutdownNow();
            background = null;
        }
    }
}
