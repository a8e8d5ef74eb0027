package dev.nettune.rss.dpdk;

import dev.nettune.rss.RssInputException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Which lcore polls which receive queue of one port in DPDK's l3fwd: the
 * {@code --config="(port,queue,lcore),..."} argument. Validated as l3fwd validates it: the port's
 * queues are 0..n-1 each exactly once, no lcore polls more than {@value #MAX_QUEUES_PER_LCORE}
 * queues, lcore ids below {@value #MAX_LCORE}.
 */
public record L3fwdBinding(int portId, List<Assignment> assignments) {
    /** l3fwd's MAX_RX_QUEUE_PER_LCORE. */
    public static final int MAX_QUEUES_PER_LCORE = 16;
    /** DPDK's default RTE_MAX_LCORE build setting. */
    public static final int MAX_LCORE = 128;

    /** One (queue, lcore) pair of the binding. */
    public record Assignment(int queue, int lcore) {
    }

    public L3fwdBinding {
        Objects.requireNonNull(assignments, "assignments");
        if (portId < 0 || portId > 63) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.l3fwdPort", "Port {0} cannot be bound: l3fwd's -p port mask covers"
                    + " ports 0-63.", portId));
        }
        if (assignments.isEmpty()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.noPairs", "An l3fwd binding needs at least one (queue, lcore) pair."));
        }
        List<Assignment> sorted = new ArrayList<>(assignments);
        sorted.sort(Comparator.comparingInt(Assignment::queue));
        BitSet seen = new BitSet();
        Map<Integer, Integer> perLcore = new HashMap<>();
        for (Assignment a : sorted) {
            if (a.queue() < 0) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.negativeQueue", "Queue {0} is negative: queue ids start at 0.", a.queue()));
            }
            if (a.lcore() < 0 || a.lcore() >= MAX_LCORE) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.lcoreRange", "Lcore {0} is out of range: lcore ids are 0-{1}.",
                        a.lcore(), MAX_LCORE - 1));
            }
            if (seen.get(a.queue())) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.queueTwice", "Queue {0} is bound twice: each queue is polled by"
                        + " exactly one lcore.", a.queue()));
            }
            seen.set(a.queue());
            int n = perLcore.merge(a.lcore(), 1, Integer::sum);
            if (n > MAX_QUEUES_PER_LCORE) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.lcoreFull", "Lcore {0} would poll more than {1} queues, l3fwd's"
                        + " limit: add lcores.", a.lcore(), MAX_QUEUES_PER_LCORE));
            }
        }
        int missing = seen.nextClearBit(0);
        if (missing < seen.length()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.queueGap", "Queue {0} has no lcore: l3fwd needs the port's queues in"
                    + " sequence from 0 (0-{1} here), each bound once.", missing, seen.length() - 1));
        }
        assignments = List.copyOf(sorted);
    }

    /** Queues 0..queueCount-1 dealt to the lcores in turn: queue q goes to lcores[q mod lcores]. */
    public static L3fwdBinding roundRobin(int portId, int queueCount, List<Integer> lcores) {
        if (queueCount < 1) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.noQueues", "Queue count {0} is not allowed: bind at least 1 queue.", queueCount));
        }
        if (lcores.isEmpty()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.noLcores", "Name at least one lcore to poll the queues, for example 1-4."));
        }
        if (new TreeSet<>(lcores).size() != lcores.size()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.lcoreTwice", "The lcore list {0} names an lcore twice: list each once.", lcores));
        }
        if (lcores.size() > queueCount) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.idleLcores", "{0} lcores for {1} queue(s): {2} lcore(s) would poll"
                    + " nothing. Use at most {1} lcores.", lcores.size(), queueCount, lcores.size() - queueCount));
        }
        List<Assignment> list = new ArrayList<>();
        for (int q = 0; q < queueCount; q++) {
            list.add(new Assignment(q, lcores.get(q % lcores.size())));
        }
        return new L3fwdBinding(portId, list);
    }

    /** Parses an lcore list as EAL's {@code -l} takes it: {@code 0-3,8,10-11}. */
    public static List<Integer> parseLcores(String text) {
        if (text == null || text.isBlank()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.lcoresEmpty", "The lcore list is empty: write ids and ranges, for example 0-3,8."));
        }
        List<Integer> out = new ArrayList<>();
        for (String part : text.strip().split(",")) {
            String p = part.strip();
            if (!p.matches("\\d{1,3}(-\\d{1,3})?")) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.lcoreNotIdOrRange", "'{0}' in the lcore list is neither an id nor a"
                        + " range: write for example 0-3,8.", p));
            }
            String[] ends = p.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (to < from) {
                throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.lcoreBackwards", "The range {0} runs backwards: write the lower id first.", p));
            }
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return out;
    }

    /** The {@code --config} value: {@code (0,0,0),(0,1,1)}. */
    public String configArgument() {
        StringBuilder sb = new StringBuilder();
        for (Assignment a : assignments) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append('(').append(portId).append(',').append(a.queue()).append(',').append(a.lcore()).append(')');
        }
        return sb.toString();
    }

    /** The lcores used, in EAL {@code -l} form with ranges: {@code 0-3,8}. */
    public String lcoreList() {
        TreeSet<Integer> ids = new TreeSet<>();
        assignments.forEach(a -> ids.add(a.lcore()));
        StringBuilder sb = new StringBuilder();
        Integer start = null;
        Integer prev = null;
        for (int id : ids) {
            if (start == null) {
                start = id;
            } else if (id != prev + 1) {
                appendRange(sb, start, prev);
                start = id;
            }
            prev = id;
        }
        appendRange(sb, start, prev);
        return sb.toString();
    }

    private static void appendRange(StringBuilder sb, int from, int to) {
        if (sb.length() > 0) {
            sb.append(',');
        }
        sb.append(from);
        if (to > from) {
            sb.append('-').append(to);
        }
    }

    public int queueCount() {
        return assignments.size();
    }

    /** The whole l3fwd command line, in the seed's form plus {@code -l} naming exactly the lcores used. */
    public String commandLine(String pciAddress) {
        PciAddress pci = PciAddress.parse(pciAddress);
        return "./dpdk-l3fwd -l " + lcoreList() + " --legacy-mem -a " + pci + " --socket-mem 1024 -- -p 0x"
                + Long.toHexString(1L << portId) + " --config=\"" + configArgument() + "\" --parse-ptype";
    }
}
