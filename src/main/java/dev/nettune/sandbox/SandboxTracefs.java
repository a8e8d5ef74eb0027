package dev.nettune.sandbox;

import dev.nettune.rss.Flow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox kernel's tracefs ({@code /sys/kernel/tracing}, also under {@code /sys/kernel/debug/tracing})
 * with the two receive tracepoints NetTune arms, {@code net:napi_gro_receive_entry} and
 * {@code net:netif_receive_skb_entry}: each has {@code enable} and {@code filter} files; while one is
 * enabled (and {@code tracing_on} is 1) every packet the sandbox NIC receives adds a line to the ring
 * buffer in the kernel's own layout (the {@code net_dev_rx_verbose_template} print format):
 * {@code queue_mapping} is the RX queue + 1, {@code protocol} the EtherType, {@code len} the frame
 * length less its 14-byte Ethernet header, and {@code hash=0x00000000}, as virtio_net does not pass the
 * device's hash up (with {@link SandboxFaults#hashReported} the device's hash and {@code l4_hash=1}, as drivers that
 * do pass it). {@code trace} shows the buffer (with its header) and a write empties it;
 * {@code trace_pipe} hands out the lines and consumes them (it returns at once here, where the real one
 * blocks for more). Filters take {@code FIELD OP VALUE} terms joined by {@code &&} or {@code ||}
 * (fields {@code name}, {@code queue_mapping}, {@code len}, {@code protocol}, {@code hash},
 * {@code napi_id}); anything else is refused with {@code Invalid argument}; {@code 0} clears. The
 * buffer keeps the newest {@value #CAPACITY} lines. {@link SandboxFaults#tracefs} removes the whole
 * tree or makes it permission-denied. Not thread-safe: the instance's lock guards it.
 */
final class SandboxTracefs {
    static final String ROOT = "/sys/kernel/tracing";
    static final String DEBUG_ROOT = "/sys/kernel/debug/tracing";
    static final List<String> EVENTS = List.of("napi_gro_receive_entry", "netif_receive_skb_entry");
    static final int CAPACITY = 65_536;
    private static final Pattern TERM = Pattern.compile("\\s*(\\w+)\\s*(==|!=|<=|>=|<|>|~|&)\\s*(\"[^\"]*\"|'[^']*'|\\S+)\\s*");
    private static final List<String> NUMERIC_FIELDS = List.of("queue_mapping", "len", "protocol", "hash", "napi_id");

    /** One parsed filter: OR of ANDs of terms. */
    private record Term(String field, String op, String value) {
    }

    private static final class Event {
        boolean enabled;
        String filterText;
        List<List<Term>> filter;
    }

    private final SandboxKernel kernel;
    private final SandboxFaults faults;
    private final Map<String, Event> events = new LinkedHashMap<>();
    private final Deque<String> buffer = new ArrayDeque<>();
    private boolean tracingOn = true;
    private long written;
    private long lastMicros;
    private long skbSerial;

    SandboxTracefs(SandboxKernel kernel, SandboxFaults faults) {
        this.kernel = kernel;
        this.faults = faults;
        reset();
    }

    /** After a boot: nothing armed, an empty buffer, tracing on. */
    void reset() {
        events.clear();
        for (String e : EVENTS) {
            events.put(e, new Event());
        }
        buffer.clear();
        tracingOn = true;
        written = 0;
    }

    boolean owns(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/") || path.equals(DEBUG_ROOT) || path.startsWith(DEBUG_ROOT + "/");
    }

    private static String relative(String path) {
        String root = path.startsWith(DEBUG_ROOT) ? DEBUG_ROOT : ROOT;
        return path.length() <= root.length() ? "" : path.substring(root.length() + 1);
    }

    /** The names under a tracefs directory, or null if it is none (for ls). */
    List<String> list(String path, StringBuilder why) {
        if (!reachable(why)) {
            return null;
        }
        String rel = relative(path.replaceAll("/+$", ""));
        return switch (rel) {
            case "" -> List.of("events", "trace", "trace_pipe", "tracing_on");
            case "events" -> List.of("net");
            case "events/net" -> EVENTS;
            default -> {
                if (rel.startsWith("events/net/") && events.containsKey(rel.substring("events/net/".length()))) {
                    yield List.of("enable", "filter");
                }
                why.append("No such file or directory");
                yield null;
            }
        };
    }

    /** Whether a path exists (for {@code test -e}); reading it would consume trace_pipe. */
    boolean exists(String path) {
        if (faults.tracefs() == SandboxFaults.Tracefs.MISSING) {
            return false;
        }
        String rel = relative(path.replaceAll("/+$", ""));
        if (List.of("", "events", "events/net", "trace", "trace_pipe", "tracing_on").contains(rel)) {
            return true;
        }
        if (rel.startsWith("events/net/") && events.containsKey(rel.substring("events/net/".length()))) {
            return true;
        }
        return eventOf(rel) != null && (rel.endsWith("/enable") || rel.endsWith("/filter"));
    }

    /** Whether a path is one of tracefs's directories. */
    boolean isDirectory(String path) {
        String rel = relative(path.replaceAll("/+$", ""));
        return exists(path) && (List.of("", "events", "events/net").contains(rel)
                || rel.startsWith("events/net/") && events.containsKey(rel.substring("events/net/".length())));
    }

    private boolean reachable(StringBuilder why) {
        switch (faults.tracefs()) {
            case MISSING -> {
                why.append("No such file or directory");
                return false;
            }
            case NOT_PERMITTED -> {
                why.append("Permission denied");
                return false;
            }
            default -> {
                return true;
            }
        }
    }

    String read(String path, StringBuilder why) {
        if (!reachable(why)) {
            return null;
        }
        String rel = relative(path);
        switch (rel) {
            case "tracing_on" -> {
                return tracingOn ? "1\n" : "0\n";
            }
            case "trace" -> {
                return header() + String.join("", buffer);
            }
            case "trace_pipe" -> {
                String all = String.join("", buffer);
                buffer.clear();
                return all;
            }
            default -> {
                Event e = eventOf(rel);
                if (e != null && rel.endsWith("/enable")) {
                    return e.enabled ? "1\n" : "0\n";
                }
                if (e != null && rel.endsWith("/filter")) {
                    return e.filterText == null ? "none\n" : e.filterText + "\n";
                }
                why.append(rel.isEmpty() || rel.equals("events") || rel.equals("events/net") || e != null
                        ? "Is a directory" : "No such file or directory");
                return null;
            }
        }
    }

    /** Writes a tracefs file; null on success, else the errno text. */
    String write(String path, String content, boolean append) {
        StringBuilder why = new StringBuilder();
        if (!reachable(why)) {
            return why.toString();
        }
        String rel = relative(path);
        String v = content.strip();
        switch (rel) {
            case "tracing_on" -> {
                if (!v.matches("\\d+")) {
                    return "Invalid argument";
                }
                tracingOn = !v.equals("0");
                return null;
            }
            case "trace" -> {
                if (!append) {
                    buffer.clear();
                }
                return null;
            }
            case "trace_pipe" -> {
                return "Permission denied";
            }
            default -> {
                Event e = eventOf(rel);
                if (e != null && rel.endsWith("/enable")) {
                    if (!v.equals("0") && !v.equals("1")) {
                        return "Invalid argument";
                    }
                    e.enabled = v.equals("1");
                    return null;
                }
                if (e != null && rel.endsWith("/filter")) {
                    if (v.equals("0") || v.isEmpty()) {
                        e.filterText = null;
                        e.filter = null;
                        return null;
                    }
                    List<List<Term>> f = parse(v);
                    if (f == null) {
                        return "Invalid argument";
                    }
                    e.filterText = v;
                    e.filter = f;
                    return null;
                }
                return "No such file or directory";
            }
        }
    }

    private Event eventOf(String rel) {
        String[] p = rel.split("/");
        return p.length == 4 && p[0].equals("events") && p[1].equals("net") ? events.get(p[2]) : null;
    }

    private static List<List<Term>> parse(String text) {
        List<List<Term>> or = new ArrayList<>();
        for (String conj : text.split("\\|\\|")) {
            List<Term> and = new ArrayList<>();
            for (String t : conj.split("&&")) {
                Matcher m = TERM.matcher(t);
                if (!m.matches()) {
                    return null;
                }
                String field = m.group(1);
                String op = m.group(2);
                String value = m.group(3).replaceAll("^[\"']|[\"']$", "");
                if (field.equals("name") || field.equals("dev")) {
                    if (!List.of("==", "!=", "~").contains(op)) {
                        return null;
                    }
                } else if (!NUMERIC_FIELDS.contains(field) || op.equals("~") || parseNumber(value) == null) {
                    return null;
                }
                and.add(new Term(field.equals("dev") ? "name" : field, op, value));
            }
            or.add(and);
        }
        return or;
    }

    private static Long parseNumber(String v) {
        try {
            return v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean matches(List<List<Term>> filter, Map<String, Object> fields) {
        if (filter == null) {
            return true;
        }
        for (List<Term> and : filter) {
            boolean all = true;
            for (Term t : and) {
                all &= holds(t, fields.get(t.field()));
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Term t, Object actual) {
        if (actual instanceof String s) {
            return switch (t.op()) {
                case "==" -> s.equals(t.value());
                case "!=" -> !s.equals(t.value());
                default -> s.matches(t.value().replace(".", "\\.").replace("*", ".*").replace("?", "."));
            };
        }
        long a = ((Number) actual).longValue();
        long b = parseNumber(t.value());
        return switch (t.op()) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            case "<=" -> a <= b;
            case ">" -> a > b;
            case ">=" -> a >= b;
            default -> (a & b) != 0;
        };
    }

    /**
     * The NIC took {@code packets} packets of a flow into RX queue {@code queue}, handled on {@code cpu}; {@code hash}
     * is what the driver passed up with them (0: none, as virtio_net).
     */
    void received(SandboxNic nic, int queue, Flow flow, long packets, int frameBytes, int cpu, long hash) {
        if (!tracingOn || faults.tracefs() != SandboxFaults.Tracefs.AVAILABLE) {
            return;
        }
        for (Map.Entry<String, Event> ev : events.entrySet()) {
            Event e = ev.getValue();
            if (!e.enabled) {
                continue;
            }
            boolean gro = ev.getKey().equals("napi_gro_receive_entry");
            int protocol = flow.isIpv4() ? 0x0800 : 0x86dd;
            int len = Math.max(0, frameBytes - 14);
            // The skb's napi_id is marked after napi_gro_receive_entry fires, before netif_receive_skb.
            int napiId = gro ? 0 : 0x2001 + queue;
            Map<String, Object> fields = Map.of("name", nic.name, "queue_mapping", queue + 1, "len", len,
                    "protocol", protocol, "hash", hash, "napi_id", napiId);
            if (!matches(e.filter, fields)) {
                continue;
            }
            for (long i = 0; i < packets; i++) {
                add(line(ev.getKey(), cpu, nic.name, napiId, queue + 1, protocol, len, hash));
            }
        }
    }

    private String line(String event, int cpu, String dev, int napiId, int queueMapping, int protocol, int len, long hash) {
        long micros = Math.max(lastMicros + 1, (long) (kernel.uptime() * 1e6));
        lastMicros = micros;
        long skbaddr = Integer.toUnsignedLong(Long.hashCode(++skbSerial * 0x9E3779B97F4A7C15L));
        return String.format(Locale.ROOT, "%16s-%-7d [%03d] ..s1. %5d.%06d: %s: dev=%s napi_id=%s queue_mapping=%d "
                        + "skbaddr=%016x vlan_tagged=0 vlan_proto=0x0000 vlan_tci=0x0000 protocol=0x%04x ip_summed=0 "
                        + "hash=0x%08x l4_hash=%d len=%d data_len=0 truesize=768 mac_header_valid=1 mac_header=-14 "
                        + "nr_frags=0 gso_size=0 gso_type=0x0\n",
                "<idle>", 0, cpu, micros / 1_000_000, micros % 1_000_000, event, dev, "0x" + Integer.toHexString(napiId),
                queueMapping, skbaddr, protocol, hash, hash == 0 ? 0 : 1, len);
    }

    private void add(String line) {
        if (buffer.size() >= CAPACITY) {
            buffer.removeFirst();
        }
        buffer.addLast(line);
        written++;
    }

    private String header() {
        return "# tracer: nop\n#\n# entries-in-buffer/entries-written: " + buffer.size() + "/" + written + "   #P:" + kernel.cpus + "\n"
                + "#\n"
                + "#                                _-----=> irqs-off/BH-disabled\n"
                + "#                               / _----=> need-resched\n"
                + "#                              | / _---=> hardirq/softirq\n"
                + "#                              || / _--=> preempt-depth\n"
                + "#                              ||| / _-=> migrate-disable\n"
                + "#                              |||| /     delay\n"
                + "#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION\n"
                + "#              | |         |   |||||     |         |\n";
    }
}
