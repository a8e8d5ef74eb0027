package dev.nettune.sandbox;

import dev.nettune.host.Command;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Faults a test (or the demo) can inject into a {@link SandboxInstance}: fail the next command whose
 * display text matches a pattern, drop the connection on the next call, delay every call, and the
 * traps a real virtio-net RSS NIC sets (see ../shared/rig/README.md):
 * <ul>
 * <li>{@link #rssInactiveUntilFirstSet}: after boot, and again after every {@code ethtool -L}, the device
 *     does not steer by the key and table {@code ethtool -x} shows until the next {@code ethtool -X};
 *     {@link #inactiveSteering} says what it does instead (default: another key, as the rig showed);</li>
 * <li>{@link #keyShiftedByOneByte}: the device hashes with {@code 00} + the first 39 key bytes (virtio_net
 *     on 6.12 under QEMU 7.2);</li>
 * <li>{@link #tracefs}: the receive tracepoints exist (default), are missing, or are not permitted.</li>
 * <li>{@link #hashReported}: the driver passes the device's hash up, so the tracepoints show it.</li>
 * </ul>
 * The boot id ({@code /proc/sys/kernel/random/boot_id}) changes on every {@link SandboxInstance#reboot()}
 * without a fault. Thread-safe.
 */
public final class SandboxFaults {
    /** What the NIC does with traffic while its RSS is not active (see {@link #rssInactiveUntilFirstSet}). */
    public enum InactiveSteering {
        /** Spread over the queues by the driver's default table, but hashed with a key other than the one shown (the rig). */
        ANOTHER_KEY,
        /** The key shown, but the driver's default round-robin table for the ring count, not the table shown. */
        DEFAULT_TABLE,
        /** Every packet on queue 0, as a device without RSS. */
        QUEUE_ZERO
    }

    /** Whether tracefs and its receive tracepoints can be used. */
    public enum Tracefs {
        /** {@code /sys/kernel/tracing} with {@code net:napi_gro_receive_entry} and {@code net:netif_receive_skb_entry}. */
        AVAILABLE,
        /** No tracefs mounted: every path under it is "No such file or directory". */
        MISSING,
        /** tracefs there but closed to this user: every read and write is "Permission denied". */
        NOT_PERMITTED
    }

    private record Failure(Pattern pattern, int exitCode, String stderr) {
    }

    private record Padding(Pattern pattern, int bytes) {
    }

    private final List<Failure> failures = new ArrayList<>();
    private final List<Padding> paddings = new ArrayList<>();
    private int dropsPending;
    private int refusalsPending;
    private long streamCuts;
    private Duration delay = Duration.ZERO;
    private volatile boolean rssInactiveUntilFirstSet;
    private volatile boolean keyShiftedByOneByte;
    private volatile InactiveSteering inactiveSteering = InactiveSteering.ANOTHER_KEY;
    private volatile Tracefs tracefs = Tracefs.AVAILABLE;
    private volatile boolean hashReported;

    /** The next command whose {@link Command#display()} contains a match of {@code regex} fails once with this exit code and stderr. */
    public synchronized SandboxFaults failNext(String regex, int exitCode, String stderr) {
        failures.add(new Failure(Pattern.compile(regex), exitCode, stderr));
        return this;
    }

    /**
     * The next command whose {@link Command#display()} contains a match of {@code regex} also prints {@code bytes}
     * bytes of warnings on stderr (a chatty program); its stdout and exit code are unchanged. Over Cloud
     * Assistant, enough of them push a script's output past the 24 KB the service keeps.
     */
    public synchronized SandboxFaults padNextOutput(String regex, int bytes) {
        paddings.add(new Padding(Pattern.compile(regex), bytes));
        return this;
    }

    /** The injected stderr padding for this command, consumed, or empty. */
    synchronized String takePadding(Command c) {
        String text = c.display();
        for (Iterator<Padding> it = paddings.iterator(); it.hasNext(); ) {
            Padding p = it.next();
            if (p.pattern.matcher(text).find()) {
                it.remove();
                StringBuilder sb = new StringBuilder(p.bytes);
                String line = "warning: a chatty program says this again and again\n";
                while (sb.length() + line.length() <= p.bytes) {
                    sb.append(line);
                }
                sb.append("x".repeat(p.bytes - sb.length()));
                return sb.toString();
            }
        }
        return "";
    }

    /** The next call ({@code run}, {@code runAll} or {@code stream}) fails as if the connection dropped. */
    public synchronized SandboxFaults dropConnectionOnNextCall() {
        dropsPending++;
        return this;
    }

    /** Ends every running stream now, as a dropped connection would (the sampler must start again). */
    public synchronized SandboxFaults cutStreams() {
        streamCuts++;
        return this;
    }

    synchronized long streamCuts() {
        return streamCuts;
    }

    /** The next {@code n} new connections ({@link SandboxInstance#connect()}) are refused, as after cutting the NIC. */
    public synchronized SandboxFaults refuseNextConnections(int n) {
        refusalsPending = n;
        return this;
    }

    synchronized boolean takeRefusal() {
        if (refusalsPending > 0) {
            refusalsPending--;
            return true;
        }
        return false;
    }

    /** Every call waits this long first (a slow link); a call whose timeout is shorter times out. */
    public synchronized SandboxFaults delayEveryCall(Duration d) {
        delay = d;
        return this;
    }

    /**
     * The rig's lesson: until the first {@code ethtool -X} (and again after {@code ethtool -L}) the
     * device hashes with a key and table other than what {@code ethtool -x} shows.
     */
    public SandboxFaults rssInactiveUntilFirstSet(boolean on) {
        rssInactiveUntilFirstSet = on;
        return this;
    }

    /**
     * The rig's other lesson (kernel 6.12 on QEMU 7.2): the device hashes with the key shifted by one
     * byte ({@code 00} + the first 39 bytes) while {@code ethtool -x} shows the right key; only traffic
     * reveals it.
     */
    public SandboxFaults keyShiftedByOneByte(boolean on) {
        keyShiftedByOneByte = on;
        return this;
    }

    boolean keyShiftedByOneByte() {
        return keyShiftedByOneByte;
    }

    /** What the device does with traffic while RSS is not active (only with {@link #rssInactiveUntilFirstSet}). */
    public SandboxFaults inactiveSteering(InactiveSteering how) {
        inactiveSteering = java.util.Objects.requireNonNull(how, "how");
        return this;
    }

    InactiveSteering inactiveSteering() {
        return inactiveSteering;
    }

    /**
     * Whether the NIC's driver passes the device's RSS hash up with each packet (as mlx5, ice, or virtio_net with
     * the hash-report feature do), so the receive tracepoints show it in {@code hash=}; the rig's virtio_net does not
     * (off by default).
     */
    public SandboxFaults hashReported(boolean on) {
        hashReported = on;
        return this;
    }

    boolean hashReported() {
        return hashReported;
    }

    /** Whether tracefs is there, missing, or not permitted (a host where NetTune must fall back to counters). */
    public SandboxFaults tracefs(Tracefs state) {
        tracefs = java.util.Objects.requireNonNull(state, "state");
        return this;
    }

    Tracefs tracefs() {
        return tracefs;
    }

    /** Takes every fault back: commands, connections and the NIC behave as configured at start. */
    public synchronized SandboxFaults clear() {
        failures.clear();
        paddings.clear();
        dropsPending = 0;
        refusalsPending = 0;
        delay = Duration.ZERO;
        rssInactiveUntilFirstSet = false;
        keyShiftedByOneByte = false;
        inactiveSteering = InactiveSteering.ANOTHER_KEY;
        tracefs = Tracefs.AVAILABLE;
        hashReported = false;
        return this;
    }

    boolean rssInactiveUntilFirstSet() {
        return rssInactiveUntilFirstSet;
    }

    synchronized Duration delay() {
        return delay;
    }

    synchronized boolean takeDrop() {
        if (dropsPending > 0) {
            dropsPending--;
            return true;
        }
        return false;
    }

    /** The injected failure for this command, consumed, or null. */
    synchronized int[] takeFailure(Command c, StringBuilder stderr) {
        String text = c.display();
        for (Iterator<Failure> it = failures.iterator(); it.hasNext(); ) {
            Failure f = it.next();
            if (f.pattern.matcher(text).find()) {
                it.remove();
                stderr.append(f.stderr);
                return new int[] {f.exitCode};
            }
        }
        return null;
    }
}
