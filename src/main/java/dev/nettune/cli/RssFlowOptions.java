package dev.nettune.cli;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import picocli.CommandLine.Option;

/**
 * One flow on the command line, named as in the seed's {@code ali_ecs_rss_calc.py}: {@code -t} the
 * sending side (source), {@code -r} the receiving side (destination), {@code -T}/{@code -R} their ports.
 */
final class RssFlowOptions {

    @Option(names = {"-t", "--source"}, paramLabel = "SRC_IP", description = "Source address: the sending side (the seed's -t).")
    String source;

    @Option(names = {"-r", "--destination"}, paramLabel = "DST_IP", description = "Destination address: the receiving side, the NIC's own address (the seed's -r).")
    String destination;

    @Option(names = {"-T", "--source-port"}, paramLabel = "SRC_PORT", description = "Source port (TCP/UDP).")
    String sourcePort;

    @Option(names = {"-R", "--destination-port"}, paramLabel = "DST_PORT", description = "Destination port (TCP/UDP).")
    String destinationPort;

    @Option(names = "--proto", paramLabel = "PROTO", description = "tcp or udp (4-tuple), icmp (2-tuple), non-ip (not hashed, queue 0). Default: tcp with ports, icmp without.")
    String protocol;

    boolean any() {
        return source != null || destination != null || sourcePort != null || destinationPort != null || protocol != null;
    }

    /** The flow; when {@code sweeping}, the port a sweep replaces need not be given. */
    Flow flow(boolean sweptPortIsSource, boolean sweeping) {
        boolean hasPorts = sourcePort != null || destinationPort != null;
        Protocol p = protocol != null ? Protocol.parse(protocol) : hasPorts || sweeping ? Protocol.TCP : Protocol.ICMP;
        if (!p.isHashed()) {
            return new Flow(null, null, 0, 0, Protocol.NON_IP);
        }
        if (source == null || destination == null) {
            throw new CliInputException(CliText.get("rss.options.bothAddresses"));
        }
        IpAddress src = IpAddress.parse(source);
        IpAddress dst = IpAddress.parse(destination);
        if (!p.hashesPorts()) {
            if (hasPorts) {
                throw new CliInputException(CliText.format("rss.options.addressesOnly", p.label()));
            }
            return new Flow(src, dst, 0, 0, p);
        }
        int sport = sweeping && sweptPortIsSource ? 0 : port("-T", "SOURCE_PORT", CliText.get("rss.options.sourcePort"), sourcePort, p);
        int dport = sweeping && !sweptPortIsSource ? 0 : port("-R", "DESTINATION_PORT", CliText.get("rss.options.destinationPort"), destinationPort, p);
        return new Flow(src, dst, sport, dport, p);
    }

    /** The addresses and protocol of a scenario that sets both ports itself. */
    Flow addressesForScenario() {
        if (sourcePort != null || destinationPort != null) {
            throw new CliInputException(CliText.get("rss.options.scenarioPorts"));
        }
        Protocol p = protocol != null ? Protocol.parse(protocol) : Protocol.TCP;
        if (source == null || destination == null) {
            throw new CliInputException(CliText.get("rss.options.bothAddresses"));
        }
        return new Flow(IpAddress.parse(source), IpAddress.parse(destination), 0, 0, p);
    }

    Flow flow() {
        return flow(false, false);
    }

    private static int port(String option, String token, String what, String text, Protocol p) {
        if (text == null) {
            throw new CliInputException(CliText.format("rss.options.needsPort", p.label(), option, token));
        }
        return Flow.parsePort(what, text);
    }
}
