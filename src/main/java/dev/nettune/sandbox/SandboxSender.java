package dev.nettune.sandbox;

import dev.nettune.Phrase;
import dev.nettune.host.Command;
import dev.nettune.monitor.Burst;
import dev.nettune.monitor.DesignedFlow;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.Scenario;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TrafficSender;
import java.util.List;

/**
 * The sandbox's stand-in for hping3 on a sender instance: delivers exactly the packets the hping3
 * line would (scenario 1: one SYN per source port from the base port; scenario 2: every packet of
 * the one flow) to the sandbox NIC, which counts them by its Toeplitz hash and table.
 */
public final class SandboxSender implements TrafficSender {
    private final SandboxTraffic traffic;
    private final String nic;

    public SandboxSender(SandboxTraffic traffic, String nic) {
        this.traffic = traffic;
        this.nic = nic;
    }

    @Override
    public Phrase describe() {
        return Phrase.of("monitor.verify.sender.sandbox", "the sandbox sender (simulated hping3 to {0})", nic);
    }

    @Override
    public Readiness check() {
        return new Readiness(true, Phrase.of("monitor.verify.sender.sandboxReady", "The sandbox sender needs no hping3."));
    }

    /** The hping3 line this sender simulates. */
    @Override
    public List<Command> commands(TestTraffic t) {
        return List.of(Hping3Sender.command(t));
    }

    @Override
    public List<Command> commands(Burst burst) {
        return burst.flows().stream().map(f -> f.flow().isIpv4() ? Hping3Sender.command(f, burst.packetsPerFlow(),
                burst.intervalMicros()) : Command.of("sandbox-send", f.flow().toString())).toList();
    }

    /** Delivers every packet of every flow of the burst; an Ethernet frame is 14 bytes more than the IP packet. */
    @Override
    public void send(Burst burst) {
        for (DesignedFlow f : burst.flows()) {
            traffic.send(nic, f.flow(), burst.packetsPerFlow(), 14 + f.ipLength());
        }
    }

    @Override
    public void send(TestTraffic t) throws InterruptedException {
        if (t.scenario() == Scenario.FIXED_FLOW) {
            traffic.send(nic, t.flowOf(0), t.count(), SandboxTraffic.SYN_BYTES);
            return;
        }
        for (int i = 0; i < t.count(); i++) {
            if ((i & 1023) == 0 && Thread.interrupted()) {
                throw new InterruptedException("sending cancelled after " + i + " packets");
            }
            traffic.send(nic, t.flowOf(i), 1, SandboxTraffic.SYN_BYTES);
        }
    }
}
