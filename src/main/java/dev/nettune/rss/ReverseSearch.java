package dev.nettune.rss;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reverse search: which source (or destination) ports in a range send a flow to a chosen queue
 * or bucket, the rest of the tuple fixed. Answers "which local port should my client bind so its
 * connection lands on queue 3?".
 */
public final class ReverseSearch {

    /** The ports found, in ascending order, out of {@code scanned} tried. */
    public record Result(Flow template, PortSide side, FlowTarget target, int from, int to, List<Integer> ports) {
        public Result {
            ports = List.copyOf(ports);
        }

        public int scanned() {
            return to - from + 1;
        }

        /** The ports as compact ranges, for example {@code 1000-1003,1010}. */
        public String ranges() {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < ports.size()) {
                int j = i;
                while (j + 1 < ports.size() && ports.get(j + 1) == ports.get(j) + 1) {
                    j++;
                }
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(ports.get(i));
                if (j > i) {
                    sb.append('-').append(ports.get(j));
                }
                i = j + 1;
            }
            return sb.toString();
        }
    }

    private ReverseSearch() {
    }

    /** Every port of {@code from..to} on {@code side} that sends {@code template} to {@code target}. */
    public static Result ports(RssCalculator calculator, Flow template, PortSide side, int from, int to, FlowTarget target) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(target, "target");
        if (!template.protocol().hashesPorts()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.search.noPorts",
                    "Ports only matter for TCP and UDP: {0} is hashed on the addresses alone.", template.protocol().label()));
        }
        FlowPopulation.checkRange(from, to);
        IndirectionTable table = calculator.table();
        target.checkReachable(table);
        ToeplitzHash hash = calculator.toeplitz();
        int addresses = hash.hashAddresses(template.source(), template.destination());
        int len = template.source().length();
        List<Integer> found = new ArrayList<>();
        for (int p = from; p <= to; p++) {
            int h = addresses ^ (side == PortSide.SOURCE ? hash.hashPorts(len, p, template.destinationPort())
                    : hash.hashPorts(len, template.sourcePort(), p));
            int index = table.indexOf(h);
            if (target.isMetBy(table, index)) {
                found.add(p);
            }
        }
        return new Result(template, side, target, from, to, found);
    }
}
