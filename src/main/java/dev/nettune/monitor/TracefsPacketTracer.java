package dev.nettune.monitor;

import dev.nettune.Phrase;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.RxTraceLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link PacketTracer} over tracefs, with nothing to install: arms the kernel's receive tracepoints
 * {@code net:napi_gro_receive_entry} (drivers that receive through GRO, virtio_net among them) and
 * {@code net:netif_receive_skb_entry} (the others) with a filter on the NIC and the designed flows' lengths,
 * reads the {@code trace} file after each burst and empties it, and puts every file back as it found it.
 * A tracepoint someone else has enabled is left alone (then this host is not traced). Where tracefs is
 * not mounted but its mount point exists, it is mounted for the run and unmounted after.
 */
public final class TracefsPacketTracer implements PacketTracer {
    /** Where tracefs is found: its own mount point, then the one under debugfs of older systems. */
    public static final List<String> ROOTS = List.of("/sys/kernel/tracing", "/sys/kernel/debug/tracing");
    /** The receive tracepoints of the kernel's net_dev_rx_verbose_template, in the order they are preferred. */
    public static final List<String> EVENTS = List.of("napi_gro_receive_entry", "netif_receive_skb_entry");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final Host host;
    private final String nic;
    private String root;
    private boolean mounted;
    private String tracingOnBefore = "1";
    private final List<String> armed = new ArrayList<>();
    private String lastEvent = EVENTS.get(0);

    public TracefsPacketTracer(Host host, String nic) {
        this.host = host;
        this.nic = SamplerScript.checkNic(nic);
    }

    /**
     * Arms the tracepoints in at most four round trips (each a batch of commands): where tracefs is and what its files
     * hold; mounting it where only its mount point exists; the filters; the enables. One command a round trip took 13
     * of them, some 8 s on the rig's emulated guest under load.
     */
    @Override
    public Optional<Phrase> arm(List<DesignedFlow> flows) throws HostException, InterruptedException {
        if (!armed.isEmpty()) {
            throw new IllegalStateException("The trace on " + nic + " is armed already.");
        }
        List<Command> probes = new ArrayList<>();
        ROOTS.forEach(r -> probes.add(Command.of("test", "-e", r + "/events/net/" + EVENTS.get(0) + "/enable").asRoot()));
        probes.add(Command.of("test", "-d", ROOTS.get(0)));
        // The usual place's files are read in the same round trip; the older one under debugfs costs one more.
        probes.addAll(state(ROOTS.get(0)));
        List<CommandResult> r = host.runAll(probes, TIMEOUT);
        List<CommandResult> now = null;
        for (int i = 0; i < ROOTS.size() && now == null; i++) {
            if (r.get(i).ok()) {
                root = ROOTS.get(i);
                now = i == 0 ? r.subList(ROOTS.size() + 1, r.size()) : host.runAll(state(root), TIMEOUT);
            }
        }
        if (now == null) {
            Phrase looked = Phrase.of("monitor.trace.noTracefs", "no tracefs with net:{0} under {1} or {2}", EVENTS.get(0),
                    ROOTS.get(0), ROOTS.get(1));
            if (!r.get(ROOTS.size()).ok()) {
                return Optional.of(looked);
            }
            // Mounted for the run (and unmounted after), read in the same round trip.
            List<Command> mount = new ArrayList<>(List.of(Command.of("mount", "-t", "tracefs", "nodev", ROOTS.get(0)).asRoot(),
                    Command.of("test", "-e", ROOTS.get(0) + "/events/net/" + EVENTS.get(0) + "/enable").asRoot()));
            mount.addAll(state(ROOTS.get(0)));
            List<CommandResult> m = host.runAll(mount, TIMEOUT);
            if (!m.get(0).ok()) {
                return Optional.of(Phrase.of("monitor.trace.mountFailed", "{0}, and mounting it failed: {1}", looked,
                        Phrase.literal(why(m.get(0)))));
            }
            root = ROOTS.get(0);
            mounted = true;
            if (!m.get(1).ok()) {
                unmount();
                return Optional.of(Phrase.of("monitor.trace.noTracepoint", "{0} (this kernel has no such tracepoint)", looked));
            }
            now = m.subList(2, m.size());
        }
        if (!now.get(0).ok()) {
            return refuse(Phrase.of("monitor.trace.readFailed", "reading {0}/tracing_on: {1}", root, Phrase.literal(why(now.get(0)))));
        }
        tracingOnBefore = now.get(0).stdout().strip();
        List<String> present = new ArrayList<>();
        for (int i = 0; i < EVENTS.size(); i++) {
            CommandResult e = now.get(i + 1);
            if (e.ok() && e.stdout().strip().equals("1")) {
                return refuse(Phrase.of("monitor.trace.busy", "net:{0} is already enabled on {1} (someone else is tracing):"
                        + " NetTune leaves it alone", EVENTS.get(i), host.name()));
            }
            if (e.ok()) {
                present.add(EVENTS.get(i));
            }
        }
        if (present.isEmpty()) {
            return refuse(Phrase.of("monitor.trace.unreadable", "neither net:{0} nor net:{1} can be read under {2}: {3}",
                    EVENTS.get(0), EVENTS.get(1), root, Phrase.literal(why(now.get(1)))));
        }
        int shortest = flows.stream().mapToInt(DesignedFlow::ipLength).min().orElse(0);
        int longest = flows.stream().mapToInt(DesignedFlow::ipLength).max().orElse(65_535);
        String filter = String.format(Locale.ROOT, "name == \"%s\" && len >= %d && len <= %d", nic, shortest, longest);
        armed.addAll(present);
        List<Optional<Phrase>> failed = writeAll(present.stream().map(e -> new String[] {event(e) + "/filter", filter}).toList());
        if (failed.stream().anyMatch(Optional::isPresent)) {
            // A kernel that cannot filter on the device name still filters on length; the name is checked here.
            String lengths = filter.substring(filter.indexOf("len >="));
            List<String[]> retry = new ArrayList<>();
            for (int i = 0; i < present.size(); i++) {
                if (failed.get(i).isPresent()) {
                    retry.add(new String[] {event(present.get(i)) + "/filter", lengths});
                }
            }
            Optional<Phrase> still = writeAll(retry).stream().flatMap(Optional::stream).findFirst();
            if (still.isPresent()) {
                return refuse(still.get());
            }
        }
        List<String[]> on = new ArrayList<>();
        present.forEach(e -> on.add(new String[] {event(e) + "/enable", "1"}));
        on.add(new String[] {root + "/tracing_on", "1"});
        on.add(new String[] {root + "/trace", ""});
        Optional<Phrase> off = writeAll(on).stream().flatMap(Optional::stream).findFirst();
        return off.isPresent() ? refuse(off.get()) : Optional.empty();
    }

    /** Reads of {@code tracing_on} and each tracepoint's {@code enable} under a tracefs root. */
    private static List<Command> state(String root) {
        List<Command> c = new ArrayList<>(List.of(Command.of("cat", root + "/tracing_on").asRoot()));
        EVENTS.forEach(e -> c.add(Command.of("cat", root + "/events/net/" + e + "/enable").asRoot()));
        return c;
    }

    /** Writes each {file, value} in one round trip; for each, why it failed, if it did. */
    private List<Optional<Phrase>> writeAll(List<String[]> writes) throws HostException, InterruptedException {
        List<CommandResult> r = host.runAll(writes.stream().map(w -> Command.of("tee", w[0])
                .withStdin(w[1].isEmpty() ? "" : w[1] + "\n").asRoot()).toList(), TIMEOUT);
        List<Optional<Phrase>> why = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            why.add(r.get(i).ok() ? Optional.empty() : Optional.of(Phrase.of("monitor.trace.writeFailed", "writing {0}: {1}",
                    writes.get(i)[0], Phrase.literal(why(r.get(i))))));
        }
        return why;
    }

    private Optional<Phrase> refuse(Phrase why) throws HostException, InterruptedException {
        disarm();
        return Optional.of(why);
    }

    private static String why(CommandResult r) {
        String e = r.stderr().strip();
        return e.isEmpty() ? "exit code " + r.exitCode() : e.lines().reduce((a, b) -> b).orElse(e);
    }

    private String event(String e) {
        return root + "/events/net/" + e;
    }

    @Override
    public TracedBurst read(List<DesignedFlow> flows, int queues) throws HostException, InterruptedException {
        if (armed.isEmpty()) {
            throw new IllegalStateException("The trace on " + nic + " is not armed.");
        }
        List<CommandResult> r = host.runAll(List.of(Command.of("cat", root + "/trace").asRoot(),
                Command.of("tee", root + "/trace").withStdin("").asRoot()), TIMEOUT);
        String trace = r.get(0).stdoutOrThrow();
        TracedBurst t = attribute(RxTraceLine.parseAll(trace), RxTraceLine.overwritten(trace), nic, flows, queues);
        t.event().ifPresent(e -> lastEvent = e);
        return t;
    }

    /**
     * Attributes traced packets to the designed flows by length, per tracepoint, and keeps the tracepoint that saw
     * most of them (a driver receives through one of the two). Lines of other NICs, non-IP packets, lengths of no
     * designed flow and packets without a recorded queue are not counted.
     */
    static TracedBurst attribute(List<RxTraceLine> lines, long overwritten, String nic, List<DesignedFlow> flows, int queues) {
        Map<Integer, Integer> byLength = new HashMap<>();
        for (int i = 0; i < flows.size(); i++) {
            byLength.put(flows.get(i).ipLength(), i);
        }
        Map<String, long[][]> counts = new LinkedHashMap<>();
        Map<String, OptionalLong[]> hashes = new LinkedHashMap<>();
        for (RxTraceLine l : lines) {
            Integer flow = byLength.get(l.length());
            if (!l.device().equals(nic) || !l.ip() || flow == null || l.queue() < 0) {
                continue;
            }
            long[][] c = counts.computeIfAbsent(l.event(), e -> new long[flows.size()][Math.max(queues, l.queue() + 1)]);
            if (l.queue() >= c[flow].length) {
                c[flow] = Arrays.copyOf(c[flow], l.queue() + 1);
            }
            c[flow][l.queue()]++;
            OptionalLong[] h = hashes.computeIfAbsent(l.event(), e -> emptyHashes(flows.size()));
            if (h[flow].isEmpty() && l.reportedHash().isPresent()) {
                h[flow] = l.reportedHash();
            }
        }
        String best = null;
        long bestTotal = -1;
        for (Map.Entry<String, long[][]> e : counts.entrySet()) {
            long t = 0;
            for (long[] f : e.getValue()) {
                for (long v : f) {
                    t += v;
                }
            }
            if (t > bestTotal) {
                best = e.getKey();
                bestTotal = t;
            }
        }
        if (best == null) {
            return new TracedBurst(Optional.empty(), java.util.Collections.nCopies(flows.size(), new long[queues]),
                    Arrays.asList(emptyHashes(flows.size())), overwritten);
        }
        return new TracedBurst(Optional.of(best), Arrays.asList(counts.get(best)), Arrays.asList(hashes.get(best)), overwritten);
    }

    private static OptionalLong[] emptyHashes(int n) {
        OptionalLong[] h = new OptionalLong[n];
        Arrays.fill(h, OptionalLong.empty());
        return h;
    }

    @Override
    public void disarm() throws HostException, InterruptedException {
        if (root == null) {
            return;
        }
        List<Command> put = new ArrayList<>();
        for (String e : armed) {
            put.add(Command.of("tee", event(e) + "/enable").withStdin("0\n").asRoot());
            put.add(Command.of("tee", event(e) + "/filter").withStdin("0\n").asRoot());
        }
        if (!armed.isEmpty()) {
            put.add(Command.of("tee", root + "/tracing_on").withStdin(tracingOnBefore + "\n").asRoot());
            put.add(Command.of("tee", root + "/trace").withStdin("").asRoot());
        }
        if (mounted) {
            put.add(Command.of("umount", ROOTS.get(0)).asRoot()); // last, in the same round trip
        }
        if (!put.isEmpty()) {
            host.runAll(put, TIMEOUT);
        }
        armed.clear();
        mounted = false;
    }

    private void unmount() throws HostException, InterruptedException {
        host.run(Command.of("umount", ROOTS.get(0)).asRoot(), TIMEOUT);
        mounted = false;
    }

    @Override
    public Phrase describe() {
        return root == null ? Phrase.of("monitor.verify.source.tracefs", "tracefs net:{0} on {1}", lastEvent, nic)
                : Phrase.of("monitor.verify.source.tracefsAt", "tracefs net:{0} on {1} ({2})", lastEvent, nic, root);
    }
}
