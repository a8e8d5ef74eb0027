package dev.nettune.tuning;

import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One writer per host: a lock directory on the host ({@link #DIR}, created atomically by {@code mkdir},
 * holding who took it, their pid, plan and start time) and a row in the local journal. Both are held
 * for the whole plan; a second run is refused naming the holder and since when. A lock older than its
 * stale timeout, or one left by the very plan being finished or reverted, may be taken over.
 */
public final class HostLock {
    /** Where the lock lives on the host: /run is a tmpfs, so a reboot (which ends every run) clears it. */
    public static final String DIR = "/run/nettune/tuning.lock";

    /**
     * Takes the lock: $1 the lock directory, $2 the owner lines, $3 seconds after which a lock is stale,
     * $4 the plan whose own lock may be taken over ({@code -} for none). Prints ACQUIRED, TAKEN_OVER
     * or HELD followed by the holder's owner lines and its age in seconds.
     */
    public static final String ACQUIRE_SCRIPT = "d=\"$1\"; mkdir -p \"${d%/*}\" || exit 3; now=$(date +%s); "
            + "if mkdir \"$d\" 2>/dev/null; then printf '%s\\nsince_epoch=%s\\n' \"$2\" \"$now\" > \"$d/owner\""
            + " && echo ACQUIRED && exit 0; rm -rf \"$d\"; exit 3; fi; "
            + "since=$(sed -n 's/^since_epoch=//p' \"$d/owner\" 2>/dev/null); "
            + "[ -n \"$since\" ] || since=$(stat -c %Y \"$d\" 2>/dev/null || echo \"$now\"); "
            + "plan=$(sed -n 's/^plan=//p' \"$d/owner\" 2>/dev/null); "
            + "resumes=$(sed -n 's/^resumes=//p' \"$d/owner\" 2>/dev/null); "
            + "if [ $((now - since)) -ge \"$3\" ] || { [ \"$4\" != - ] && { [ \"$plan\" = \"$4\" ] || [ \"$resumes\" = \"$4\" ]; }; };"
            + " then printf '%s\\nsince_epoch=%s\\n' \"$2\" \"$now\" > \"$d/owner\" && echo TAKEN_OVER && exit 0; exit 3; fi; "
            + "echo HELD; cat \"$d/owner\" 2>/dev/null; echo \"age=$((now - since))\"; exit 1";

    /** Releases the lock if this plan holds it: $1 the lock directory, $2 the plan id. */
    public static final String RELEASE_SCRIPT = "d=\"$1\"; [ -d \"$d\" ] || exit 0; "
            + "plan=$(sed -n 's/^plan=//p' \"$d/owner\" 2>/dev/null); "
            + "if [ \"$plan\" = \"$2\" ] || [ -z \"$plan\" ]; then rm -rf \"$d\"; fi";

    /** Who holds (or asks for) a lock: the user and machine, the process, the plan and since when. */
    public record Holder(String owner, long pid, String plan, Optional<String> resumes, Instant since) {
        /** The holder of this process for {@code plan}, which resumes {@code resumes} (a finish or revert) if given. */
        public static Holder of(String plan, Optional<String> resumes) {
            return new Holder(System.getProperty("user.name", "?") + "@" + machine(), ProcessHandle.current().pid(),
                    plan, resumes, Instant.now());
        }

        /** Whether the run of {@code other} may take over this lock: it finishes or reverts the plan that left it. */
        public boolean leftFor(Optional<String> other) {
            return other.isPresent() && (other.get().equals(plan) || resumes.map(other.get()::equals).orElse(false));
        }

        String lines() {
            return "owner=" + owner + "\npid=" + pid + "\nplan=" + plan + "\nresumes=" + resumes.orElse("-")
                    + "\nstarted=" + since;
        }

        /** "root@laptop (pid 4242, plan 2026...-1a2b) since 2026-12-02T19:20:00Z". */
        public String describe() {
            return owner + " (pid " + pid + ", plan " + plan + ") since " + since;
        }
    }

    private final Journal journal;
    private final String hostName;
    private final Holder me;
    private Host host;
    private boolean onHost;
    private boolean local;

    private HostLock(Journal journal, String hostName, Holder me) {
        this.journal = journal;
        this.hostName = hostName;
        this.me = me;
    }

    /**
     * Takes the local lock (NetTune's journal on this machine) for {@code plan}, or throws
     * {@link TuningLockedException} naming who holds it. Then {@link #takeOnHost} takes the host's.
     */
    public static HostLock takeLocal(Journal journal, String hostName, String planId, Optional<String> resumes,
                                     Duration staleAfter) {
        HostLock lock = new HostLock(journal, hostName, Holder.of(planId, resumes));
        Optional<Holder> held = journal.lockHost(hostName, lock.me, staleAfter);
        if (held.isPresent()) {
            Holder h = held.get();
            throw new TuningLockedException(dev.nettune.Phrase.of("tuning.lock.heldHere", "{0} is being tuned by {1} (pid {2},"
                    + " plan {3}) since {4} (NetTune's journal on this machine). Wait for that run to end, or finish or revert"
                    + " its plan: nettune tune finish {0} --plan {3} [--revert].", hostName, h.owner(), h.pid(), h.plan(), h.since()));
        }
        lock.local = true;
        return lock;
    }

    /**
     * Takes the lock directory on the host, or throws {@link TuningLockedException} naming who holds it;
     * nothing on the host is changed but the lock directory.
     */
    public void takeOnHost(Host h, Duration staleAfter) throws HostException, InterruptedException {
        CommandResult r = tryOnHost(h, staleAfter, me.resumes().orElse("-"));
        Map<String, String> kv = holderLines(r);
        String leftBy = kv.getOrDefault("plan", "");
        if (held(r) && !leftBy.isEmpty() && journal.plan(leftBy).map(p -> p.status() != Journal.PlanStatus.RUNNING
                && p.status() != Journal.PlanStatus.REVERTING_ON_HOST).orElse(false)) {
            // This machine's journal says that plan ended (it was killed after its last step): a leftover lock.
            r = tryOnHost(h, staleAfter, leftBy);
            kv = holderLines(r);
        }
        String first = r.stdout().lines().findFirst().orElse("").strip();
        if (r.ok() && (first.equals("ACQUIRED") || first.equals("TAKEN_OVER"))) {
            host = h;
            onHost = true;
            return;
        }
        if (held(r)) {
            String age = kv.getOrDefault("age", "?");
            Object owner = kv.containsKey("owner") ? kv.get("owner") : dev.nettune.Phrase.of("tuning.lock.unknownRun", "an unknown run");
            Object started = kv.containsKey("started") ? kv.get("started") : dev.nettune.Phrase.of("tuning.lock.unknownTime", "an unknown time");
            throw new TuningLockedException(dev.nettune.Phrase.of("tuning.lock.heldOnHost", "{0} is being tuned by {1} (pid {2},"
                    + " plan {3}) since {4} ({5} s ago; lock {6} on the host, stale after {7} min). Wait for that run to end,"
                    + " or finish or revert its plan from the machine that started it.", hostName, owner, kv.getOrDefault("pid", "?"),
                    kv.getOrDefault("plan", "?"), started, age, DIR, staleAfter.toMinutes()));
        }
        throw new HostException(r.stderr().isBlank()
                ? dev.nettune.Phrase.of("tuning.lock.cannotTakeExit", "Cannot take the tuning lock {0} on {1}: exit code {2}", DIR, hostName, r.exitCode())
                : dev.nettune.Phrase.of("tuning.lock.cannotTake", "Cannot take the tuning lock {0} on {1}: {2}", DIR, hostName, r.stderr().strip()));
    }

    private CommandResult tryOnHost(Host h, Duration staleAfter, String mayTakeOver)
            throws HostException, InterruptedException {
        return h.run(Command.of("sh", "-c", ACQUIRE_SCRIPT, "sh", DIR, me.lines(), Long.toString(staleAfter.toSeconds()),
                mayTakeOver).asRoot(), Planner.READ_TIMEOUT);
    }

    private static boolean held(CommandResult r) {
        return r.stdout().lines().findFirst().orElse("").strip().equals("HELD");
    }

    private static Map<String, String> holderLines(CommandResult r) {
        Map<String, String> kv = new LinkedHashMap<>();
        r.stdout().lines().skip(1).forEach(l -> {
            int eq = l.indexOf('=');
            if (eq > 0) {
                kv.put(l.substring(0, eq), l.substring(eq + 1));
            }
        });
        return kv;
    }

    /** Releases both locks if held; a host that cannot be reached keeps its lock until it goes stale. */
    public void release() {
        if (onHost) {
            onHost = false;
            try {
                host.run(Command.of("sh", "-c", RELEASE_SCRIPT, "sh", DIR, me.plan()).asRoot(), Planner.READ_TIMEOUT);
            } catch (HostException e) {
                // The connection is gone: the lock stays until it is stale or the plan is finished or reverted.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (local) {
            local = false;
            journal.unlockHost(hostName, me.plan());
        }
    }

    /** Uses {@code fresh} to release the host lock (the connection that took it may have dropped). */
    public void useConnection(Host fresh) {
        if (onHost) {
            host = fresh;
        }
    }

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
