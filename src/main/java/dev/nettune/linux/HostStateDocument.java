package dev.nettune.linux;

import dev.nettune.Phrase;
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
        return toText(s, withTable, java.util.Locale.ENGLISH);
    }

    /**
     * The report in {@code locale}: labels and NetTune's words from the phrases bundle, values (names, numbers, a
     * driver's or a tool's own text) as read; English is the text {@code host state} always printed.
     */
    public static String toText(HostState s, boolean withTable, java.util.Locale locale) {
        Text t = new Text(locale);
        StringBuilder sb = new StringBuilder();
        sb.append(s.host()).append(": ").append(t.of(s.os(), OsRelease::prettyName)).append('\n');
        sb.append(t.label(Phrase.of("linux.state.kernel", "kernel"))).append(t.of(s.kernel(), String::valueOf)).append('\n');
        sb.append(t.label(Phrase.of("linux.state.cpus", "CPUs"))).append(t.say(Phrase.of("linux.state.cpusOnline", "{0}, online {1}",
                t.of(s.cpuCount(), String::valueOf), t.of(s.onlineCpus(), CpuSet::toList)))).append('\n');
        sb.append(t.label(Phrase.literal("TIME-WAIT"))).append(s.timeWaitSysctls().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " = " + t.of(e.getValue(), String::valueOf)).collect(Collectors.joining(", "))).append('\n');
        sb.append(t.label(Phrase.literal("SMC"))).append(t.say(Phrase.of("linux.state.smc", "module {0}; {1}",
                t.of(s.smcModuleLoaded(), b -> t.say(b ? Phrase.of("linux.state.loaded", "loaded") : Phrase.of("linux.state.notLoaded", "not loaded"))),
                t.of(s.smcSysctls(), m -> m.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining(", ")))))).append('\n');
        sb.append(t.label(Phrase.of("linux.state.services", "services"))).append(HostState.SERVICES.stream().map(n -> n + " "
                + (s.services().containsKey(n) ? t.of(s.services().get(n), String::valueOf) : t.say(Phrase.of("linux.state.notRead", "not read"))))
                .collect(Collectors.joining(", "))).append('\n');
        sb.append("  ").append(HostState.TUNING_CONF).append(": ")
                .append(t.of(s.tuningConf(), o -> o.map(c -> "\n" + indent(c, "      ")).orElse(t.say(Phrase.of("linux.state.absent", "absent")))))
                .append('\n');
        for (NicState n : s.nics()) {
            sb.append('\n');
            nicText(sb, n, withTable, t);
        }
        if (s.nics().isEmpty()) {
            sb.append('\n').append(t.say(Phrase.of("linux.state.noNics", "(no NICs read)"))).append('\n');
        }
        return sb.toString();
    }

    private static void nicText(StringBuilder sb, NicState n, boolean withTable, Text t) {
        sb.append(n.name()).append(": ").append(t.of(n.driver(), d -> t.say(Phrase.of("linux.state.driver", "{0} {1} at {2}", d.driver(),
                d.version(), d.busInfo())))).append('\n');
        sb.append(t.label(Phrase.of("linux.state.link", "link"))).append(t.of(n.link(), l -> t.say(Phrase.of("linux.state.linkIs",
                "{0}, mtu {1}, {2}", l.mac().orElse(t.say(Phrase.of("linux.state.noMac", "no MAC"))), l.mtu(), l.state()))))
                .append(t.say(Phrase.of("linux.state.nm", "; NetworkManager {0}", t.of(n.managedByNetworkManager(), b -> t.say(b
                        ? Phrase.of("linux.state.nmManages", "manages it") : Phrase.of("linux.state.nmDoesNotManage", "does not manage it"))))))
                .append('\n');
        sb.append(t.label(Phrase.of("linux.state.channels", "channels"))).append(t.of(n.channels(), c -> c.maxCombined().isPresent()
                ? t.say(Phrase.of("linux.state.channelsMax", "{0} in use (max {1} combined)", c.rxQueues(), c.maxCombined().getAsInt()))
                : t.say(Phrase.of("linux.state.channelsInUse", "{0} in use", c.rxQueues()))))
                .append('\n');
        sb.append(t.label(Phrase.literal("RSS"))).append(t.of(n.rss(), r -> {
            String fn = r.activeHashFunction().orElse(t.say(Phrase.of("linux.state.noHashFunction", "no hash function")));
            String key = r.key().map(k -> t.say(Phrase.of("linux.state.key", "key {0}", k.toColonHex())))
                    .orElse(t.say(Phrase.of("linux.state.keyUnknown", "key unknown because {0}", r.keyReason().orElse(Phrase.literal("-")))));
            String table = r.table().map(x -> t.say(Phrase.of("linux.state.table", "table {0} entries, buckets per queue {1}", x.size(),
                    x.bucketsPerQueue()))).orElse(t.say(Phrase.of("linux.state.tableUnknown", "table unknown because {0}",
                    r.tableReason().orElse(Phrase.literal("-")))));
            return fn + "; " + key + "; " + table;
        })).append('\n');
        sb.append(t.label(Phrase.of("linux.state.flowHash", "flow hash"))).append(java.util.Arrays.stream(FlowType.values()).map(ft -> {
            Reading<RxFlowHash> r = n.flowHash().get(ft);
            return ft.arg() + " " + (r == null ? t.say(Phrase.of("linux.state.notRead", "not read"))
                    : t.of(r, h -> h.hashesNothing() ? t.say(Phrase.of("linux.state.none", "none")) : h.letters()));
        }).collect(Collectors.joining(", "))).append('\n');
        sb.append(t.label(Phrase.of("linux.state.counters", "counters"))).append(t.of(n.counters(), c -> t.say(c.source().labelPhrase())
                + (c.note().isEmpty() ? "" : " (" + t.say(c.notePhrase()) + ")"))).append('\n');
        int queues = n.queueCount().orElse(0);
        QueueCounters c = n.counters().orElse(null);
        List<QueueIrq> irqs = n.irqs().orElse(List.of());
        SortedMap<Integer, Reading<CpuSet>> xps = n.xps().orElse(new java.util.TreeMap<>());
        if (queues > 0) {
            // Padded by terminal columns (a CJK character takes two), so a Chinese header stays over its column.
            sb.append("  ").append(Text.right(t.say(Phrase.of("linux.state.colQueue", "queue")), -5)).append(' ')
                    .append(Text.right("rx", 12)).append(' ').append(Text.right("tx", 12)).append("  ")
                    .append(Text.right(t.say(Phrase.of("linux.state.colRxIrq", "rx irq")), -18)).append(' ')
                    .append(Text.right(t.say(Phrase.of("linux.state.colAffinity", "affinity")), -10)).append(' ').append("xps")
                    .append(System.lineSeparator());
            for (int q = 0; q < queues; q++) {
                final int qq = q;
                String rx = c == null || !c.hasPerQueue() ? "-" : Long.toString(c.rxPackets(q));
                String tx = c == null || !c.hasPerQueue() ? "-" : c.tx().stream().filter(x -> x.queue() == qq).map(x -> Long.toString(x.packets()))
                        .findFirst().orElse("-");
                QueueIrq irq = irqs.stream().filter(i -> i.queue() == qq && i.servesRx()).findFirst().orElse(null);
                String x = xps.containsKey(q) ? t.of(xps.get(q), CpuSet::toMask) : n.xps().isKnown() ? "-"
                        : t.say(Phrase.of("linux.state.unknown", "unknown"));
                sb.append(String.format("  %-5d %12s %12s  %-18s %-10s %s%n", q, rx, tx,
                        irq == null ? "-" : irq.irq() + " " + irq.name(), irq == null ? "-" : irq.affinity().map(CpuSet::toList).orElse("?"), x));
            }
        }
        if (!n.irqs().isKnown()) {
            sb.append(t.label(Phrase.literal("IRQs"))).append(t.of(n.irqs(), String::valueOf)).append('\n');
        }
        if (!n.xps().isKnown()) {
            sb.append(t.label(Phrase.literal("XPS"))).append(t.of(n.xps(), String::valueOf)).append('\n');
        }
        if (withTable) {
            n.rss().asOptional().flatMap(EthtoolRss::table).ifPresent(x -> sb.append(indent(
                    EthtoolRssParser.formatTable(n.name(), n.rss().orElse(null).ringCount().orElse(queues), x), "  ")));
        }
    }

    /** The report's words in one language: readings, labels padded to one column. */
    private record Text(java.util.Locale locale) {
        String say(Phrase p) {
            return p.in(locale);
        }

        /** A reading's value, or "unknown because ..." with the reason in this language. */
        <T> String of(Reading<T> r, Function<? super T, String> format) {
            return r.isKnown() ? format.apply(r.asOptional().get())
                    : say(Phrase.of("linux.state.unknownBecause", "unknown because {0}", r.unknownPhrase().get()));
        }

        /** "  label" padded to the values' column (11 terminal columns after the indent). */
        String label(Phrase p) {
            return "  " + right(say(p), -11);
        }

        /** {@code text} padded to {@code columns} terminal columns: on the left when positive, on the right when negative. */
        static String right(String text, int columns) {
            int width = text.codePoints().map(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN
                    || (cp >= 0xFF00 && cp <= 0xFFEF) ? 2 : 1).sum();
            String pad = " ".repeat(Math.max(0, Math.abs(columns) - width));
            return columns > 0 ? pad + text : text + pad;
        }
    }

    private static String indent(String text, String prefix) {
        return text.lines().map(l -> prefix + l).collect(Collectors.joining("\n"));
    }
}
