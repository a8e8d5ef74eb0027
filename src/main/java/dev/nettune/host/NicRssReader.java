package dev.nettune.host;

import dev.nettune.linux.EthtoolRss;
import dev.nettune.linux.EthtoolRssParser;
import dev.nettune.linux.NicName;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a NIC's RSS key, hash function and indirection table ({@code ethtool -x NIC}) over the
 * {@link Host} port: the one place that builds the command and parses its output, for the
 * services, the monitor, the verifier, the cloud's guest check and tuning's read-back.
 */
public final class NicRssReader {
    /** How long {@code ethtool -x} may take when a caller does not say. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private NicRssReader() {
    }

    /** {@code ethtool -x NIC}; the name is checked first, so nothing else reaches the command line. */
    public static Command command(String nic) {
        NicName.of(nic);
        return Command.of("ethtool", "-x", nic);
    }

    /** Runs {@code ethtool -x NIC} on {@code host} and parses it; a non-zero exit is a {@link CommandFailedException}. */
    public static EthtoolRss read(Host host, String nic) throws HostException, InterruptedException {
        return read(host, nic, TIMEOUT);
    }

    /** As {@link #read(Host, String)}, waiting at most {@code timeout}. */
    public static EthtoolRss read(Host host, String nic, Duration timeout) throws HostException, InterruptedException {
        return parse(host.run(command(nic), timeout).stdoutOrThrow());
    }

    /** The reading, or empty when {@code ethtool -x} fails on this host (no such NIC, no RSS support). */
    public static Optional<EthtoolRss> readIfAvailable(Host host, String nic) throws HostException, InterruptedException {
        CommandResult r = host.run(command(nic), TIMEOUT);
        return r.ok() ? Optional.of(parse(r.stdout())) : Optional.empty();
    }

    /** Parses what {@link #command(String)} printed. */
    public static EthtoolRss parse(String stdout) {
        return EthtoolRssParser.parse(stdout);
    }
}
