package dev.nettune.linux;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A {@link HostState} for people and programs: a plain-text report and a tree of maps and lists
 * (for JSON). An unknown part is {@code {"unknown": "because ..."}} in the tree and
 * "unknown because ..." in the text.
 */
public final class HostStateDocument {
    private HostStateDocument() {
    }

    // ---- the tree ----

    public static Map<String, Object> toTree(HostState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("host", s.host());
        m.put("readAt", s.readAt().toString());
        m.put("kernel", tree(s.kernel(), k -> k));
        m.put("os", tree(s.os(), OsRelease::prettyName));
        m.put("cpuCount", tree(s.cpuCount(), c -> c));
        m.put("onlineCpus", tree(s.onlineCpus(), CpuSet::toList));
        Map<String, Object> tw = new LinkedHashMap<>();
        s.timeWaitSysctls().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> tw.put(e.getKey(), tree(e.getValue(), v -> v)));
        m.put("timeWaitSysctls", tw);
        m.put("smcModuleLoaded", tree(s.smcModuleLoaded(), b -> b));
        m.put("smcSysctls", tree(s.smcSysctls(), v -> v));
        Map<String, Object> svc = new LinkedHashMap<>();
        for (String name : HostState.SERVICES) {
            Reading<String> r = s.services().get(name);
            svc.put(name, r == null ? unknown("not read") : tree(r, v -> v));
        }
        m.put("services", svc);
        m.put("tuningConf", tree(s.tuningConf(), o -> o.orElse(null)));
        List<Object> nics = new ArrayList<>();
        for (NicState n : s.nics()) {
            nics.add(nic(n));
        }
        m.put("nics", nics);
        return m;
    }

    private static Map<String, Object> nic(NicState n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", n.name());
        m.put("driver", tree(n.driver(), d -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", d.driver());
            x.put("version", d.version());
            x.put("busInfo", d.busInfo());
            return x;
        }));
        m.put("link", tree(n.link(), l -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("mac", l.mac().orElse(null));
            x.put("mtu", l.mtu());
            x.put("state", l.state());
            return x;
        }));
        m.put("channels", tree(n.channels(), c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("combined", c.combined().isPresent() ? c.combined().getAsInt() : null);
            x.put("maxCombined", c.maxCombined().isPresent() ? c.maxCombined().getAsInt() : null);
            return x;
        }));
        m.put("rss", tree(n.rss(), r -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("ringCount", r.ringCount().isPresent() ? r.ringCount().getAsInt() : null);
            x.put("hashFunction", r.activeHashFunction().orElse(null));
            x.put("key", r.key().map(k -> (Object) k.toColonHex()).orElse(unknown(r.keyProblem().orElse("no key"))));
            x.put("table", r.table().map(t -> (Object) java.util.Arrays.stream(t.entries()).boxed().toList())
                    .orElse(unknown(r.tableProblem().orElse("no table"))));
            return x;
        }));
        Map<String, Object> hash = new LinkedHashMap<>();
        for (FlowType t : FlowType.values()) {
            Reading<RxFlowHash> r = n.flowHash().get(t);
            hash.put(t.arg(), r == null ? unknown("not read") : tree(r, h -> h.hashesNothing() ? "none" : h.letters()));
        }
        m.put("rxFlowHash", hash);
        m.put("counters", tree(n.counters(), c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source", c.source().name());
            x.put("meaning", c.source().meaning());
            x.put("note", c.note());
            x.put("rx", c.rx().stream().map(HostStateDocument::count).toList());
            x.put("tx", c.tx().stream().map(HostStateDocument::count).toList());
            x.put("rxPacketsTotal", c.rxPacketsTotal().isPresent() ? c.rxPacketsTotal().getAsLong() : null);
            x.put("txPacketsTotal", c.txPacketsTotal().isPresent() ? c.txPacketsTotal().getAsLong() : null);
            return x;
        }));
        m.put("xps", tree(n.xps(), x -> {
            Map<String, Object> q = new LinkedHashMap<>();
            x.forEach((k, v) -> q.put("tx-" + k, tree(v, CpuSet::toMask)));
            return q;
        }));
        m.put("irqs", tree(n.irqs(), l -> l.stream().map(q -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("direction", q.direction().name().toLowerCase(java.util.Locale.ROOT));
            x.put("queue", q.queue());
            x.put("irq", q.irq());
            x.put("name", q.name());
            x.put("count", q.count());
            x.put("affinity", q.affinity().map(CpuSet::toList).orElse(null));
            return x;
        }).toList()));
        m.put("managedByNetworkManager", tree(n.managedByNetworkManager(), b -> b));
        return m;
    }

    private static Map<String, Object> count(QueueCount c) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("queue", c.queue());
        x.put("packets", c.packets());
        x.put("bytes", c.bytes().isPresent() ? c.bytes().getAsLong() : null);
        return x;
    }

    private static <T> Object tree(Reading<T> r, Function<T, Object> f) {
        if (r instanceof Reading.Known<T> k) {
            return f.apply(k.value());
        }
        return unknown(((Reading.Unknown<T>) r).reason());
    }

    private static Map<String, Object> unknown(String reason) {
        return Map.of("unknown", "because " + reason);
    }

    // ---- the text ----

    /** The report as a person reads it; {@code withTable} adds each NIC's indirection table in ethtool's layout. */
    public static String toText(HostState s, boolean withTable) {
        StringBuilder sb = new StringBuilder();
        sb.append(s.host()).append(": ").append(s.os().describe(OsRelease::prettyName)).append('\n');
        sb.append("  kernel     ").append(s.kernel().describe()).append('\n');
        sb.append("  CPUs       ").append(s.cpuCount().describe()).append(", online ").append(s.onlineCpus().describe(CpuSet::toList)).append('\n');
        sb.append("  TIME-WAIT  ").append(s.timeWaitSysctls().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + e.getValue().describe()).collect(Collectors.joining(", "))).append('\n');
        sb.append("  SMC        module ").append(s.smcModuleLoaded().describe(b -> b ? "loaded" : "not loaded")).append("; ")
                .append(s.smcSysctls().describe(m -> m.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining(", ")))).append('\n');
        sb.append("  services   ").append(HostState.SERVICES.stream().map(n -> n + " "
                + (s.services().containsKey(n) ? s.services().get(n).describe() : "not read")).collect(Collectors.joining(", "))).append('\n');
        sb.append("  ").append(HostState.TUNING_CONF).append(": ")
                .append(s.tuningConf().describe(o -> o.map(c -> "\n" + indent(c, "      ")).orElse("absent"))).append('\n');
        for (NicState n : s.nics()) {
            sb.append('\n');
            nicText(sb, n, withTable);
        }
        if (s.nics().isEmpty()) {
            sb.append("\n(no NICs read)\n");
        }
        return sb.toString();
    }

    private static void nicText(StringBuilder sb, NicState n, boolean withTable) {
        sb.append(n.name()).append(": ").append(n.driver().describe(d -> d.driver() + " " + d.version() + " at " + d.busInfo()))
                .append('\n');
        sb.append("  link       ").append(n.link().describe(l -> l.mac().orElse("no MAC") + ", mtu " + l.mtu() + ", " + l.state()))
                .append("; NetworkManager ").append(n.managedByNetworkManager().describe(b -> b ? "manages it" : "does not manage it"))
                .append('\n');
        sb.append("  channels   ").append(n.channels().describe(c -> c.rxQueues() + " in use"
                + (c.maxCombined().isPresent() ? " (max " + c.maxCombined().getAsInt() + " combined)" : ""))).append('\n');
        sb.append("  RSS        ").append(n.rss().describe(r -> {
            String fn = r.activeHashFunction().orElse("no hash function");
            String key = r.key().map(k -> "key " + k.toColonHex()).orElse("key unknown because " + r.keyProblem().orElse("-"));
            String table = r.table().map(t -> "table " + t.size() + " entries, buckets per queue " + t.bucketsPerQueue())
                    .orElse("table unknown because " + r.tableProblem().orElse("-"));
            return fn + "; " + key + "; " + table;
        })).append('\n');
        sb.append("  flow hash  ").append(java.util.Arrays.stream(FlowType.values()).map(t -> {
            Reading<RxFlowHash> r = n.flowHash().get(t);
            return t.arg() + " " + (r == null ? "not read" : r.describe(h -> h.hashesNothing() ? "none" : h.letters()));
        }).collect(Collectors.joining(", "))).append('\n');
        sb.append("  counters   ").append(n.counters().describe(c -> c.source().label() + (c.note().isEmpty() ? "" : " (" + c.note() + ")")))
                .append('\n');
        int queues = n.queueCount().orElse(0);
        QueueCounters c = n.counters().orElse(null);
        List<QueueIrq> irqs = n.irqs().orElse(List.of());
        SortedMap<Integer, Reading<CpuSet>> xps = n.xps().orElse(new java.util.TreeMap<>());
        if (queues > 0) {
            sb.append(String.format("  %-5s %12s %12s  %-18s %-10s %s%n", "queue", "rx", "tx", "rx irq", "affinity", "xps"));
            for (int q = 0; q < queues; q++) {
                final int qq = q;
                String rx = c == null || !c.hasPerQueue() ? "-" : Long.toString(c.rxPackets(q));
                String tx = c == null || !c.hasPerQueue() ? "-" : c.tx().stream().filter(x -> x.queue() == qq).map(x -> Long.toString(x.packets()))
                        .findFirst().orElse("-");
                QueueIrq irq = irqs.stream().filter(i -> i.queue() == qq && i.servesRx()).findFirst().orElse(null);
                String x = xps.containsKey(q) ? xps.get(q).describe(CpuSet::toMask) : n.xps().isKnown() ? "-" : "unknown";
                sb.append(String.format("  %-5d %12s %12s  %-18s %-10s %s%n", q, rx, tx,
                        irq == null ? "-" : irq.irq() + " " + irq.name(), irq == null ? "-" : irq.affinity().map(CpuSet::toList).orElse("?"), x));
            }
        }
        if (!n.irqs().isKnown()) {
            sb.append("  IRQs       ").append(n.irqs().describe()).append('\n');
        }
        if (!n.xps().isKnown()) {
            sb.append("  XPS        ").append(n.xps().describe()).append('\n');
        }
        if (withTable) {
            n.rss().asOptional().flatMap(EthtoolRss::table).ifPresent(t -> sb.append(indent(
                    EthtoolRssParser.formatTable(n.name(), n.rss().orElse(null).ringCount().orElse(queues), t), "  ")));
        }
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).collect(Collectors.joining("\n"));
    }
}
