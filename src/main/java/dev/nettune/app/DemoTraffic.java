package dev.nettune.app;

import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;
import java.util.function.Supplier;

/**
 * Background traffic for the built-in sandbox host, so that a newcomer's Monitor charts move: the
 * screens and commands ask for it by host name and it flows only where the sandbox is that host.
 */
public final class DemoTraffic {
    private final Supplier<SandboxTraffic> traffic;

    DemoTraffic(Supplier<SandboxTraffic> traffic) {
        this.traffic = traffic;
    }

    /** True when {@code host} is the sandbox, the one host background traffic reaches. */
    public boolean reaches(String host) {
        return SandboxInstance.NAME.equals(host);
    }

    /** Starts about {@code packetsPerSecond} of background flows to {@code nic} of the sandbox, unless already running. */
    public void startIfIdle(String host, String nic, int packetsPerSecond) {
        if (reaches(host) && !traffic.get().backgroundRunning()) {
            traffic.get().startBackground(nic, packetsPerSecond);
        }
    }

    /** Starts (or restarts) background traffic to {@code nic} of the sandbox at {@code packetsPerSecond}. */
    public void start(String host, String nic, int packetsPerSecond) {
        if (reaches(host)) {
            traffic.get().startBackground(nic, packetsPerSecond);
        }
    }

    /** Stops the sandbox's background traffic (nothing happens for other hosts). */
    public void stop(String host) {
        if (reaches(host)) {
            traffic.get().stopBackground();
        }
    }
}
