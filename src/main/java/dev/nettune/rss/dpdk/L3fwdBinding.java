package dev.nettune.rss.dpdk;

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
            throw new IllegalArgumentException("Port " + portId + " cannot be bound: l3fwd's -p port mask covers ports 0-63.");
        }
        if (assignments.isEmpty()) {
            throw new IllegalArgumentException("An l3fwd binding needs at least one (queue, lcore) pair.");
        }
        List<Assignment> sorted = new ArrayList<>(assignments);
        sorted.sort(Comparator.comparingInt(Assignment::queue));
        BitSet seen = new BitSet();
        Map<Integer, Integer> perLcore = new HashMap<>();
        for (Assignment a : sorted) {
            if (a.queue() < 0) {
                throw new IllegalArgumentException("Queue " + a.queue() + " is negative: queue ids start at 0.");
            }
            if (a.lcore() < 0 || a.lcore() >= MAX_LCORE) {
                throw new IllegalArgumentException("Lcore " + a.lcore() + " is out of range: lcore ids are 0-" + (MAX_LCORE - 1) + ".");
            }
            if (seen.get(a.queue())) {
                throw new IllegalArgumentException("Queue " + a.queue() + " is bound twice: each queue is polled by exactly one lcore.");
            }
            seen.set(a.queue());
            int n = perLcore.merge(a.lcore(), 1, Integer::sum);
            if (n > MAX_QUEUES_PER_LCORE) {
                throw new IllegalArgumentException("Lcore " + a.lcore() + " would poll more than " + MAX_QUEUES_PER_LCORE
                        + " queues, l3fwd's limit: add lcores.");
            }
        }
        int missing = seen.nextClearBit(0);
        if (missing < seen.length()) {
            throw new IllegalArgumentException("Queue " + missing + " has no lcore: l3fwd needs the port's queues in sequence from 0 "
                    + "(0-" + (seen.length() - 1) + " here), each bound once.");
        }
        assignments = List.copyOf(sorted);
    }

    /** Queues 0..queueCount-1 dealt to the lcores in turn: queue q goes to lcores[q mod lcores]. */
    public static L3fwdBinding roundRobin(int portId, int queueCount, List<Integer> lcores) {
        if (queueCount < 1) {
            throw new IllegalArgumentException("Queue count " + queueCount + " is not allowed: bind at least 1 queue.");
        }
        if (lcores.isEmpty()) {
            throw new IllegalArgumentException("Name at least one lcore to poll the queues, for example 1-4.");
        }
        if (new TreeSet<>(lcores).size() != lcores.size()) {
            throw new IllegalArgumentException("The lcore list " + lcores + " names an lcore twice: list each once.");
        }
        if (lcores.size() > queueCount) {
            throw new IllegalArgumentException(lcores.size() + " lcores for " + queueCount + " queue(s): "
                    + (lcores.size() - queueCount) + " lcore(s) would poll nothing. Use at most " + queueCount + " lcores.");
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
            throw new IllegalArgumentException("The lcore list is empty: write ids and ranges, for example 0-3,8.");
        }
        List<Integer> out = new ArrayList<>();
        for (String part : text.strip().split(",")) {
            String p = part.strip();
            if (!p.matches("\\d{1,3}(-\\d{1,3})?")) {
                throw new IllegalArgumentException("'" + p + "' in the lcore list is neither an id nor a range: write for example 0-3,8.");
            }
            String[] ends = p.split("-");
            int from = Integer.parseInt(ends[0]);
            int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
            if (to < from) {
                throw new IllegalArgumentException("The range " + p + " runs backwards: write the lower id first.");
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
