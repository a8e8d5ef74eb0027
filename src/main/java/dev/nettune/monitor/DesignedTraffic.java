package dev.nettune.monitor;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.PortSide;
import dev.nettune.rss.Protocol;
import java.util.Objects;

/**
 * What a designed verification may vary and how it sends: TCP SYNs from {@code source} to
 * {@code destination}, the port on {@code side} searched over {@code from..to} (source ports by
 * default; destination ports when the receiver listens on a range), the other port fixed, and
 * {@code packetsPerFlow} packets per flow {@code intervalMicros} apart (the rig's tap wants 1 ms).
 */
public record DesignedTraffic(IpAddress source, IpAddress destination, PortSide side, int from, int to, int fixedPort,
        int packetsPerFlow, int intervalMicros) {
    public static final int DEFAULT_PACKETS = 50;
    public static final int DEFAULT_INTERVAL_MICROS = 1000;

    public DesignedTraffic {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(side, "side");
        if (source.isIpv4() != destination.isIpv4()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.traffic.families", "The source and destination must both be IPv4 or both IPv6."));
        }
        if (from < 0 || to > 65535 || from > to) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.traffic.portRange", "The port range {0}-{1} is not valid: use 0-65535, low to high.",
                    from, to));
        }
        if (fixedPort < 0 || fixedPort > 65535) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.traffic.port", "The port {0} is out of range: ports are 0-65535.", fixedPort));
        }
        if (packetsPerFlow < 5 || packetsPerFlow > 100_000) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.traffic.packetsPerFlow", "Send 5 to 100000 packets per flow, not {0}.", packetsPerFlow));
        }
        if (intervalMicros < 1 || intervalMicros > 1_000_000) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.traffic.interval", "An interval of {0} µs is out of range: 1 to 1000000 µs.", intervalMicros));
        }
    }

    /** Source ports searched (destination port fixed), the defaults. */
    public static DesignedTraffic sourcePorts(String source, String destination, int from, int to, int destinationPort) {
        return new DesignedTraffic(IpAddress.parse(source), IpAddress.parse(destination), PortSide.SOURCE, from, to,
                destinationPort, DEFAULT_PACKETS, DEFAULT_INTERVAL_MICROS);
    }

    /** The flow whose varying port the design searches. */
    public Flow template() {
        return side == PortSide.SOURCE ? new Flow(source, destination, from, fixedPort, Protocol.TCP)
                : new Flow(source, destination, fixedPort, from, Protocol.TCP);
    }

    public DesignedTraffic withSending(int packets, int interval) {
        return new DesignedTraffic(source, destination, side, from, to, fixedPort, packets, interval);
    }
}
