package dev.nettune.cli;

import dev.nettune.rss.Flow;
import dev.nettune.rss.FlowCsv;
import dev.nettune.rss.FlowTarget;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.KeySolver;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssInputException;

/**
 * Parses {@code --flow SRC:SPORT,DST:DPORT=QUEUE}: IPv6 addresses in brackets
 * ({@code [fd00::1]:443}), {@code SRC,DST=QUEUE} for the 2-tuple, {@code =bucket:B} for a bucket.
 */
final class FlowGoalArgument {
    private FlowGoalArgument() {
    }

    static KeySolver.Goal parse(String text, Protocol portProtocol) {
        String s = text.strip();
        int eq = s.lastIndexOf('=');
        if (eq < 0) {
            throw new CliInputException(CliText.format("rss.flowGoal.noTarget", text));
        }
        FlowTarget target = target(s.substring(eq + 1).strip(), text);
        String[] ends = s.substring(0, eq).split(",", -1);
        if (ends.length != 2) {
            throw new CliInputException(CliText.format("rss.flowGoal.twoEndpoints", text));
        }
        String[] src = endpoint(ends[0].strip(), text);
        String[] dst = endpoint(ends[1].strip(), text);
        if ((src[1] == null) != (dst[1] == null)) {
            throw new CliInputException(CliText.format("rss.flowGoal.bothPorts", text));
        }
        Flow flow = src[1] == null
                ? new Flow(IpAddress.parse(src[0]), IpAddress.parse(dst[0]), 0, 0, Protocol.ICMP)
                : new Flow(IpAddress.parse(src[0]), IpAddress.parse(dst[0]), Flow.parsePort(Flow.SOURCE_PORT, src[1]),
                        Flow.parsePort(Flow.DESTINATION_PORT, dst[1]), portProtocol);
        return new KeySolver.Goal(flow, target);
    }

    private static FlowTarget target(String t, String text) {
        try {
            if (t.startsWith("bucket:")) {
                return FlowTarget.bucket(FlowCsv.parseQueue(t.substring("bucket:".length())));
            }
            return FlowTarget.queue(FlowCsv.parseQueue(t));
        } catch (RssInputException e) {
            throw new CliInputException(CliText.format("rss.flowGoal.badTarget", text, t));
        }
    }

    /** {address, port or null}. */
    private static String[] endpoint(String e, String text) {
        if (e.startsWith("[")) {
            int close = e.indexOf(']');
            if (close < 0) {
                throw new CliInputException(CliText.format("rss.flowGoal.openBracket", text, e));
            }
            String rest = e.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new CliInputException(CliText.format("rss.flowGoal.afterBracket", text, rest));
            }
            return new String[] {e.substring(1, close), rest.isEmpty() ? null : rest.substring(1)};
        }
        int colons = (int) e.chars().filter(c -> c == ':').count();
        if (colons == 1) {
            int c = e.indexOf(':');
            return new String[] {e.substring(0, c), e.substring(c + 1)};
        }
        // No colon: IPv4 without a port; several colons: a bare IPv6 address without a port.
        return new String[] {e, null};
    }
}
