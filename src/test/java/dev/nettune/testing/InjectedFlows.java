package dev.nettune.testing;

import dev.nettune.rss.Flow;
import dev.nettune.rss.IpAddress;
import dev.nettune.rss.Protocol;
import dev.nettune.rss.RssCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rig injector's input ({@code inject.py}: lines {@code proto src dst sport dport count}) as flows with
 * frame counts, and the per-queue frame counts an {@link RssCalculator} predicts for them.
 */
public record InjectedFlows(List<Line> lines) {
    /** One injector line: this many frames of one flow. */
    public record Line(Flow flow, int frames) {
        public Line {
            if (frames < 1) {
                throw new IllegalArgumentException("An injector line sends at least one frame; got " + frames + ".");
            }
            if (flow.protocol() != Protocol.TCP && flow.protocol() != Protocol.UDP) {
                throw new IllegalArgumentException("The injector writes TCP SYNs or UDP datagrams only; got " + flow.protocol() + ".");
            }
        }

        /** The line as inject.py reads it. */
        public String text() {
            return flow.protocol().label() + " " + flow.source() + " " + flow.destination() + " " + flow.sourcePort() + " "
                    + flow.destinationPort() + " " + frames;
        }
    }

    public InjectedFlows {
        lines = List.copyOf(lines);
    }

    public static InjectedFlows parse(String text) {
        List<Line> out = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String[] p = raw.strip().split("\\s+");
            if (p.length == 1 && p[0].isEmpty()) {
                continue;
            }
            if (p.length != 6) {
                throw new IllegalArgumentException("An injector line has 6 fields (proto src dst sport dport count); got '" + raw + "'.");
            }
            Protocol proto = Protocol.parse(p[0].toLowerCase(Locale.ROOT));
            Flow f = new Flow(IpAddress.parse(p[1]), IpAddress.parse(p[2]), Integer.parseInt(p[3]), Integer.parseInt(p[4]), proto);
            out.add(new Line(f, Integer.parseInt(p[5])));
        }
        return new InjectedFlows(out);
    }

    /** The injector's input text. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.text()).append('\n'));
        return sb.toString();
    }

    public int frames() {
        return lines.stream().mapToInt(Line::frames).sum();
    }

    /** Frames per queue (index = queue) the calculator predicts; at least {@code queues} long, longer if the table says so. */
    public long[] predictedFrames(RssCalculator calc, int queues) {
        long[] per = new long[Math.max(queues, calc.table().highestQueue() + 1)];
        for (Line l : lines) {
            per[calc.calculate(l.flow()).queue()] += l.frames();
        }
        return per;
    }
}
