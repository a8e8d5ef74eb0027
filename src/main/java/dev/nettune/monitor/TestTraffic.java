package dev.nettune.monitor;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The test traffic of one scenario: TCP SYNs from {@code source} to {@code destination}, how many,
 * how far apart, and the ports. Scenario 1 starts the source port at {@code sourcePort} and counts
 * up per packet (hping3's default without {@code --keep}); scenario 2 keeps every field fixed.
 * IPv4 only, as hping3 is.
 */
public record TestTraffic(Scenario scenario, IpAddress source, IpAddress destination, int count, int intervalMicros,
        int sourcePort, int destinationPort, Optional<String> senderInterface) {
    public static final int MAX_COUNT = 1_000_000;
    /** The seed's sender address (the default source of every test traffic). */
    public static final String SEED_SENDER = "10.0.0.252";
    /** The seed's receiver address (the ENI eth1 with custom RSS). */
    public static final String SEED_RECEIVER = "10.0.0.5";
    private static final Pattern NIC = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    public TestTraffic {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(senderInterface, "senderInterface");
        if (!source.isIpv4() || !destination.isIpv4()) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.test.ipv4Only", "hping3 sends IPv4 only: give IPv4 source and destination"
                    + " addresses (for example 10.0.0.252 and 10.0.0.5)."));
        }
        if (count < 1 || count > MAX_COUNT) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.test.count", "A packet count of {0} is out of range: send 1 to {1} packets.",
                    count, MAX_COUNT));
        }
        if (intervalMicros < 1 || intervalMicros > 1_000_000) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.test.interval", "An interval of {0} µs is out of range: use 1 to 1000000 µs"
                    + " (the seed uses 100, hping3's -i u100).", intervalMicros));
        }
        checkPort(dev.nettune.Phrase.of("monitor.test.sourcePort", "source port"), sourcePort);
        checkPort(dev.nettune.Phrase.of("monitor.test.destinationPort", "destination port"), destinationPort);
        senderInterface.ifPresent(i -> {
            if (!NIC.matcher(i).matches()) {
                throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.test.nic", "'{0}' is not a network interface name: use 1-15 letters,"
                        + " digits, '_', '.', ':' or '-' (for example eth0).", i));
            }
        });
    }

    private static void checkPort(dev.nettune.Phrase what, int p) {
        if (p < 0 || p > 65535) {
            throw new dev.nettune.InputException(dev.nettune.Phrase.of("monitor.test.port", "The {0} {1} is out of range: ports are 0-65535.", what, p));
        }
    }

    /** The seed's scenario 1: 10000 SYNs, source ports from 10000, destination port 0, 100 µs apart. */
    public static TestTraffic spread(String source, String destination, int count, Optional<String> senderInterface) {
        return new TestTraffic(Scenario.SPREAD, IpAddress.parse(source), IpAddress.parse(destination), count, 100, 10000, 0,
                senderInterface);
    }

    /** The seed's scenario 2: SYNs from SRC:12345 to DST:80, 100 µs apart. */
    public static TestTraffic fixedFlow(String source, String destination, int count) {
        return new TestTraffic(Scenario.FIXED_FLOW, IpAddress.parse(source), IpAddress.parse(destination), count, 100, 12345, 80,
                Optional.empty());
    }

    /** The flow the i-th packet belongs to. */
    public Flow flowOf(int i) {
        int sport = scenario == Scenario.SPREAD ? (sourcePort + i) & 0xffff : sourcePort;
        return new Flow(source, destination, sport, destinationPort, Protocol.TCP);
    }

    /** How long sending takes at the chosen interval, in milliseconds (at least 1). */
    public long sendingMillis() {
        return Math.max(1, (long) count * intervalMicros / 1000);
    }
}
