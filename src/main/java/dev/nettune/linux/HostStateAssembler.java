package dev.nettune.linux;

import dev.nettune.Phrase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link HostState} from the outputs of the {@link HostStateScript} probes. Never throws on
 * what a host printed: every part that could not be read or parsed becomes a {@link Reading.Unknown}
 * saying why.
 */
public final class HostStateAssembler {
    private HostStateAssembler() {
    }

    /** One section of the per-NIC script's output. */
    record Section(String nic, String probe, int exitCode, String output) {
        ProbeOutput asProbe() {
            return new ProbeOutput(exitCode, output, "");
        }
    }

    public static HostState assemble(String host, Instant readAt, Map<String, ProbeOutput> outputs) {
        ProbeOutput none = new ProbeOutput(-1, "", "not run");
        Function<String, ProbeOutput> out = id -> outputs.getOrDefault(id, none);

        Reading<String> kernel = read(out.apply(HostStateScript.KERNEL), "uname -r", s -> {
            String k = s.strip();
            if (k.isEmpty() || k.contains(" ")) {
                throw new LinuxParseException(Phrase.of("linux.parse.unameR", "uname -r printed '{0}'", k));
            }
            return k;
        });
        Reading<OsRelease> os = read(out.apply(HostStateScript.OS_RELEASE), "cat /etc/os-release", OsRelease::parse);
        Reading<CpuSet> online = read(out.apply(HostStateScript.CPU_ONLINE), "cat /sys/devices/system/cpu/online", CpuSet::parseList);
        Reading<Integer> cpuCount = read(out.apply(HostStateScript.CPU_PRESENT), "cat /sys/devices/system/cpu/present",
                s -> CpuSet.parseList(s).size());
        Reading<ProcInterrupts> interrupts = read(out.apply(HostStateScript.INTERRUPTS), "cat /proc/interrupts", ProcInterrupts::parse);
        Reading<Map<Integer, CpuSet>> affinity = read(out.apply(HostStateScript.IRQ_AFFINITY),
                "grep -r smp_affinity_list /proc/irq", HostStateAssembler::parseAffinity);
        Reading<List<LinkInfo>> links = read(out.apply(HostStateScript.LINKS), "ip -o link", LinkInfo::parseAll);

        Map<String, Reading<String>> timeWait = sysctls(out.apply(HostStateScript.SYSCTL_TIME_WAIT), HostState.TIME_WAIT_SYSCTLS);
        Reading<Map<String, String>> smc = smcSysctls(out.apply(HostStateScript.SYSCTL_SMC));
        ProbeOutput modules = out.apply(HostStateScript.MODULES);
        Reading<Boolean> smcLoaded;
        if (modules.ok()) {
            smcLoaded = Reading.known(ServiceStates.moduleLoaded(modules.stdout(), "smc"));
        } else if ((modules.stdout() + modules.stderr()).contains("No such file or directory")) {
            smcLoaded = Reading.unknown(Phrase.of("linux.state.noModules",
                    "this kernel has no loadable modules (/proc/modules does not exist); SMC could only be built in"));
        } else {
            smcLoaded = Reading.unknown(modules.failureReason("cat /proc/modules"));
        }
        Reading<Map<String, String>> nm = read(out.apply(HostStateScript.NMCLI), "nmcli", ServiceStates::parseNmcliDevices);
        Map<String, Reading<String>> services = services(out.apply(HostStateScript.SERVICES));
        ProbeOutput conf = out.apply(HostStateScript.TUNING_CONF);
        Reading<Optional<String>> tuningConf;
        if (conf.ok()) {
            tuningConf = Reading.known(Optional.of(conf.stdout()));
        } else if ((conf.stdout() + conf.stderr()).contains("No such file or directory")) {
            tuningConf = Reading.known(Optional.empty());
        } else {
            tuningConf = Reading.unknown(conf.failureReason("cat " + HostState.TUNING_CONF));
        }

        ProbeOutput perNic = out.apply(HostStateScript.PER_NIC);
        List<NicState> nics = new ArrayList<>();
        Map<String, Map<String, Section>> byNic = sections(perNic.stdout());
        for (Map.Entry<String, Map<String, Section>> e : byNic.entrySet()) {
            if (!NicName.isValid(e.getKey()) || e.getValue().containsKey("missing")) {
                continue;
            }
            nics.add(nic(e.getKey(), e.getValue(), interrupts, affinity, links, nm, out.apply(HostStateScript.QSTATS)));
        }
        if (byNic.isEmpty() && !perNic.ok()) {
            // The whole per-NIC script failed (e.g. no sh): the host-wide facts still stand.
            nics = List.of();
        }
        return new HostState(host, readAt, kernel, os, cpuCount, online, nics, timeWait, smc, smcLoaded, services, tuningConf);
    }

    /** Splits the per-NIC script's output into sections, by NIC then probe id, in the order printed. */
    static Map<String, Map<String, Section>> sections(String output) {
        Map<String, Map<String, Section>> map = new LinkedHashMap<>();
        String[] lines = output.split("\n", -1);
        int i = 0;
        while (i < lines.length) {
            String l = lines[i];
            if (!l.startsWith(HostStateScript.SECTION_MARK)) {
                i++;
                continue;
            }
            String[] h = l.substring(HostStateScript.SECTION_MARK.length()).split(" ");
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !lines[j].startsWith(HostStateScript.SECTION_MARK)) {
                body.append(lines[j]).append('\n');
                j++;
            }
            // The script adds one newline after the output; the last split element adds another.
            String b = body.toString();
            if (j == lines.length && b.endsWith("\n")) {
                b = b.substring(0, b.length() - 1);
            }
            if (b.endsWith("\n")) {
                b = b.substring(0, b.length() - 1);
            }
            if (h.length == 3 && h[2].matches("\\d{1,3}")) {
                map.computeIfAbsent(h[0], k -> new LinkedHashMap<>()).put(h[1], new Section(h[0], h[1], Integer.parseInt(h[2]), b));
            }
            i = j;
        }
        return map;
    }

    private static NicState nic(String name, Map<String, Section> s, Reading<ProcInterrupts> interrupts,
                                Reading<Map<Integer, CpuSet>> affinity, Reading<List<LinkInfo>> links,
                                Reading<Map<String, String>> nm, ProbeOutput qstats) {
        Reading<DriverInfo> driver = section(s, "ethtool-i", "ethtool -i " + name, DriverInfo::parse);
        Reading<LinkInfo> link = links.asOptional().isEmpty() ? links.map(l -> (LinkInfo) null)
                : links.asOptional().get().stream().filter(l -> l.name().equals(name)).findFirst()
                        .<Reading<LinkInfo>>map(Reading::known)
                        .orElse(Reading.unknown(Phrase.of("linux.state.notInLinks", "{0} is not in the output of ip -o link", name)));
        Reading<Channels> channels = section(s, "ethtool-l", "ethtool -l " + name, Channels::parse);
        Reading<EthtoolRss> rss = section(s, "ethtool-x", "ethtool -x " + name, EthtoolRssParser::parse);
        Map<FlowType, Reading<RxFlowHash>> hash = new EnumMap<>(FlowType.class);
        for (FlowType t : FlowType.values()) {
            hash.put(t, section(s, "rx-flow-hash-" + t.arg(), "ethtool -n " + name + " rx-flow-hash " + t.arg(), RxFlowHash::parse));
        }
        Optional<String> virtioDevice = Optional.ofNullable(s.get("device")).filter(d -> d.exitCode() == 0)
                .map(d -> d.output().strip()).map(p -> p.substring(p.lastIndexOf('/') + 1)).filter(d -> d.startsWith("virtio"));
        Reading<List<QueueIrq>> irqs = irqs(name, driver, interrupts, affinity, virtioDevice);
        Reading<QueueCounters> counters = counters(name, s, driver, irqs, qstats);
        Reading<SortedMap<Integer, Reading<CpuSet>>> xps = xps(s);
        Reading<Boolean> managed = nm.asOptional().isEmpty() ? nm.map(m -> Boolean.FALSE)
                : Optional.ofNullable(nm.asOptional().get().get(name)).<Reading<Boolean>>map(st -> Reading.known(!st.equals("unmanaged")))
                        .orElse(Reading.unknown(Phrase.of("linux.state.nmDoesNotList", "NetworkManager does not list {0}", name)));
        return new NicState(name, driver, link, channels, rss, hash, counters, xps, irqs, managed);
    }

    private static Reading<List<QueueIrq>> irqs(String nic, Reading<DriverInfo> driver, Reading<ProcInterrupts> interrupts,
                                                Reading<Map<Integer, CpuSet>> affinity, Optional<String> virtioDevice) {
        if (!driver.isKnown()) {
            return driver.map(d -> List.<QueueIrq>of());
        }
        if (!interrupts.isKnown()) {
            return interrupts.map(i -> List.<QueueIrq>of());
        }
        DriverInfo d = driver.orElse(null);
        List<QueueIrq> found = QueueIrqs.find(interrupts.orElse(null), d.driver(), nic, d.busInfo(), virtioDevice);
        if (found.isEmpty()) {
            return Reading.unknown(Phrase.of("linux.state.noQueueIrqs", "/proc/interrupts has no per-queue interrupts of {0} (driver {1})",
                    nic, d.driver()));
        }
        Map<Integer, CpuSet> aff = affinity.orElse(Map.of());
        List<QueueIrq> withAffinity = new ArrayList<>();
        for (QueueIrq q : found) {
            CpuSet cpus = aff.get(q.irq());
            withAffinity.add(cpus == null ? q : q.withAffinity(cpus));
        }
        return Reading.known(withAffinity);
    }

    private static Reading<QueueCounters> counters(String nic, Map<String, Section> s, Reading<DriverInfo> driver,
                                                   Reading<List<QueueIrq>> irqs, ProbeOutput qstats) {
        Section stats = s.get("ethtool-S");
        QueueCounters fromEthtool = null;
        Phrase why;
        if (stats != null && stats.exitCode() == 0 && driver.isKnown()) {
            try {
                fromEthtool = EthtoolStatsParser.parse(driver.orElse(null).driver(), stats.output());
                if (fromEthtool.source() == CounterSource.ETHTOOL_STATS) {
                    return Reading.known(fromEthtool);
                }
                why = fromEthtool.notePhrase();
            } catch (LinuxParseException e) {
                why = Phrase.of("linux.state.statsUnreadable", "ethtool -S printed something NetTune cannot read: {0}", Phrase.from(e));
            }
        } else if (stats == null) {
            why = Phrase.of("linux.state.statsNotRun", "ethtool -S was not run");
        } else if (!driver.isKnown()) {
            why = Phrase.of("linux.state.driverUnknown", "the driver is unknown, so the layout of ethtool -S is too");
        } else {
            why = stats.asProbe().failureReason("ethtool -S " + nic);
        }
        Section ifindex = s.get("ifindex");
        Phrase qstatsWhy;
        if (qstats.ok() && ifindex != null && ifindex.exitCode() == 0 && ifindex.output().strip().matches("\\d+")) {
            try {
                QueueCounters q = NetdevQstats.parse(qstats.stdout(), Integer.parseInt(ifindex.output().strip()));
                if (q.hasPerQueue()) {
                    return Reading.known(new QueueCounters(q.source(), q.rx(), q.tx(),
                            fromEthtool == null ? q.rxPacketsTotal() : fromEthtool.rxPacketsTotal(),
                            fromEthtool == null ? q.txPacketsTotal() : fromEthtool.txPacketsTotal(),
                            Phrase.of("linux.counters.fromQstats", "{0}; per-queue packets from netdev qstats", why)));
                }
                qstatsWhy = q.notePhrase();
            } catch (LinuxParseException e) {
                qstatsWhy = Phrase.of("linux.counters.ynlUnreadable", "ynl printed something NetTune cannot read");
            }
        } else {
            qstatsWhy = qstats.failureReason("ynl qstats-get");
        }
        if (irqs.isKnown() && !irqs.orElse(List.of()).isEmpty()) {
            QueueCounters q = QueueIrqs.asCounters(irqs.orElse(List.of()));
            return Reading.known(new QueueCounters(q.source(), q.rx(), q.tx(),
                    fromEthtool == null ? q.rxPacketsTotal() : fromEthtool.rxPacketsTotal(),
                    fromEthtool == null ? q.txPacketsTotal() : fromEthtool.txPacketsTotal(),
                    Phrase.of("linux.counters.countingIrqs", "{0}; netdev qstats unavailable ({1}); counting {2}", why, qstatsWhy,
                            q.notePhrase())));
        }
        if (fromEthtool != null) {
            return Reading.known(QueueCounters.totalsOnly(fromEthtool.rxPacketsTotal(), fromEthtool.txPacketsTotal(),
                    Phrase.of("linux.counters.totalsOnly", "{0}; netdev qstats unavailable ({1}); no per-queue interrupts either", why,
                            qstatsWhy)));
        }
        return Reading.unknown(why);
    }

    private static Reading<SortedMap<Integer, Reading<CpuSet>>> xps(Map<String, Section> s) {
        SortedMap<Integer, Reading<CpuSet>> map = new TreeMap<>();
        for (Section sec : s.values()) {
            if (!sec.probe().startsWith("xps-tx-")) {
                continue;
            }
            int q = DriverStatsParser.queueIndex(sec.probe(), "xps-tx-", "");
            if (q < 0) {
                continue;
            }
            map.put(q, parseSection(sec, "cat /sys/class/net/" + sec.nic() + "/queues/tx-" + q + "/xps_cpus", CpuSet::parseMask));
        }
        if (map.isEmpty()) {
            return Reading.unknown(Phrase.of("linux.state.noTxQueues", "sysfs lists no TX queues for this NIC"));
        }
        return Reading.known(map);
    }

    private static <T> Reading<T> section(Map<String, Section> s, String probe, String what, Function<String, T> parser) {
        Section sec = s.get(probe);
        if (sec == null) {
            return Reading.unknown(Phrase.of("linux.state.notRun", "{0} was not run", what));
        }
        return parseSection(sec, what, parser);
    }

    private static <T> Reading<T> parseSection(Section sec, String what, Function<String, T> parser) {
        return read(sec.asProbe(), what, parser);
    }

    /** Parses a probe's stdout, or explains why not. */
    static <T> Reading<T> read(ProbeOutput p, String what, Function<String, T> parser) {
        if (!p.ok()) {
            return Reading.unknown(p.failureReason(what));
        }
        try {
            return Reading.known(parser.apply(p.stdout()));
        } catch (RuntimeException e) {
            // The parser's complaint is a phrase (LinuxParseException, a CpuSet's InputException): said in the reader's language.
            return Reading.unknown(Phrase.of("linux.state.unreadable", "{0} printed something NetTune cannot read ({1})", what, Phrase.from(e)));
        }
    }

    private static Map<Integer, CpuSet> parseAffinity(String grepOutput) {
        Map<Integer, CpuSet> map = new HashMap<>();
        for (String line : grepOutput.split("\n")) {
            // /proc/irq/25/smp_affinity_list:0-3
            if (!line.startsWith("/proc/irq/")) {
                continue;
            }
            int slash = line.indexOf('/', "/proc/irq/".length());
            int colon = line.indexOf(':');
            if (slash < 0 || colon < 0 || !line.substring(slash, colon).equals("/smp_affinity_list")) {
                continue;
            }
            String irq = line.substring("/proc/irq/".length(), slash);
            if (irq.chars().allMatch(Character::isDigit)) {
                map.put(Integer.parseInt(irq), CpuSet.parseList(line.substring(colon + 1)));
            }
        }
        return map;
    }

    private static Map<String, Reading<String>> sysctls(ProbeOutput p, List<String> names) {
        Map<String, Reading<String>> map = new LinkedHashMap<>();
        String text = p.stdout() + "\n" + p.stderr();
        boolean ran = p.exitCode() != 127 && !text.contains("not found");
        SysctlOutput parsed = SysctlOutput.parse(text);
        for (String n : names) {
            map.put(n, ran ? parsed.reading(n) : Reading.unknown(p.failureReason("sysctl")));
        }
        return map;
    }

    private static Reading<Map<String, String>> smcSysctls(ProbeOutput p) {
        SysctlOutput parsed = SysctlOutput.parse(p.stdout() + "\n" + p.stderr());
        if (p.ok() && !parsed.values().isEmpty()) {
            return Reading.known(new TreeMap<>(parsed.values()));
        }
        if (parsed.errors().containsKey("net.smc")) {
            return Reading.unknown(Phrase.of("linux.state.noSmc",
                    "net.smc does not exist: the smc module is not loaded (modprobe smc) or the kernel has no SMC"));
        }
        return Reading.unknown(p.failureReason("sysctl net.smc"));
    }

    private static Map<String, Reading<String>> services(ProbeOutput p) {
        Map<String, Reading<String>> map = new LinkedHashMap<>();
        try {
            Map<String, String> states = ServiceStates.parseIsActive(HostState.SERVICES, p.stdout());
            states.forEach((k, v) -> map.put(k, Reading.known(v)));
        } catch (LinuxParseException e) {
            Phrase reason = p.failureReason("systemctl is-active");
            for (String s : HostState.SERVICES) {
                map.put(s, Reading.unknown(reason));
            }
        }
        return map;
    }
}
