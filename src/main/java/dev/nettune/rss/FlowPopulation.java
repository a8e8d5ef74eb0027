package dev.nettune.rss;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** A population of flows whose spread over buckets and queues a {@link Distribution} measures. */
public sealed interface FlowPopulation {

    /** How many flows (packets) the population has. */
    long size();

    /**
     * The seed's scenario 1, {@code hping3 DST -S -a SRC --rand-dest -p 0 --baseport B -c N}:
     * N packets from one source to one destination; the source port starts at {@code basePort}
     * and goes up by one per packet (wrapping at 65536), as hping3 does unless {@code --keep}.
     * {@code destinationPort} empty means a random destination port per packet (the seed's
     * reading of {@code --rand-dest}); hping3 itself randomises the destination <em>address</em>
     * only when it contains 'x' and otherwise keeps {@code -p}, which a fixed port models.
     * {@code seed} makes the random ports repeatable.
     */
    record Hping(IpAddress source, IpAddress destination, int packets, int basePort,
                 OptionalInt destinationPort, Protocol protocol, long seed) implements FlowPopulation {
        public Hping {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            Objects.requireNonNull(destinationPort, "destinationPort");
            Objects.requireNonNull(protocol, "protocol");
            if (packets < 1) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.population.packets", "The packet count is {0}: send at least 1 packet.", packets));
            }
            // Validates ports and address families with Flow's own messages.
            new Flow(source, destination, basePort, destinationPort.orElse(0), protocol);
        }

        /** Scenario 1 exactly as the seed writes it: TCP SYNs, random destination ports. */
        public static Hping randomDestinationPorts(String source, String destination, int packets, int basePort, long seed) {
            return new Hping(IpAddress.parse(source), IpAddress.parse(destination), packets, basePort,
                    OptionalInt.empty(), Protocol.TCP, seed);
        }

        @Override
        public long size() {
            return packets;
        }
    }

    /** One flow with the source or destination port swept over {@code from..to} (inclusive). */
    record PortSweep(Flow template, PortSide side, int from, int to) implements FlowPopulation {
        public PortSweep {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(side, "side");
            if (!template.protocol().hashesPorts()) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.population.sweepNeedsPorts", "A port sweep needs TCP or UDP:"
                        + " {0} is hashed without ports.", template.protocol().label()));
            }
            checkRange(from, to);
        }

        @Override
        public long size() {
            return (long) to - from + 1;
        }
    }

    /** An explicit list of flows, for example read from a CSV file. */
    record FlowList(List<Flow> flows) implements FlowPopulation {
        public FlowList {
            flows = List.copyOf(flows);
        }

        @Override
        public long size() {
            return flows.size();
        }
    }

    /** Checks a port range: both ends 0-65535 and {@code from <= to}. */
    static void checkRange(int from, int to) {
        if (from < 0 || from > 65535 || to < 0 || to > 65535) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.population.rangeOut", "The port range {0}-{1} is out of range: ports are 0-65535.", from, to));
        }
        if (from > to) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.population.rangeBackwards", "The port range {0}-{1} is backwards: give the"
                    + " lower port first.", from, to));
        }
    }
}
