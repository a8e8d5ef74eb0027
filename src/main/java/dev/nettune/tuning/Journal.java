package dev.nettune.tuning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The record of every change NetTune makes to a host, written before each command runs and after
 * its read-back, so that a crash leaves a trace to finish or revert from. The store package keeps
 * it in SQLite; every call commits before it returns.
 */
public interface Journal {
    /** What a journal row records: a step applied, rolled back after a failure, or undone later. */
    enum Phase { APPLY, ROLLBACK, UNDO }

    /** How one journaled step ended. PENDING: its "before" is written and the command may have run. */
    enum Outcome { PENDING, APPLIED, FAILED, MISMATCH, ROLLED_BACK, ROLLBACK_FAILED, UNCONFIRMED, REVERTED_BY_HOST }

    /**
     * Where a plan stands. RUNNING after a restart means NetTune died in the middle of it; REFUSED means it
     * never started (another run held the host, or the host changed since it was planned): nothing changed.
     */
    enum PlanStatus { RUNNING, APPLIED, ROLLED_BACK, ROLLBACK_FAILED, REVERTING_ON_HOST, REVERTED_BY_HOST, UNDONE,
        PARTLY_UNDONE, REFUSED }

    /** One plan as journaled: host, profile, what it is (an apply, or the undo of another plan). */
    record PlanRecord(String id, String host, String profile, String kind, Optional<String> undoes, Instant started,
                      Optional<Instant> finished, PlanStatus status, String detail) {
    }

    /** One planned step as journaled when the plan starts, to finish or revert it after a crash. */
    record PlannedStep(String planId, int seq, String changeJson, String title, String before, String after,
                       boolean commitConfirmed) {
        public Change change() {
            return ChangeCodec.json().fromJson(changeJson);
        }
    }

    /** One change made on a host: before, intended after, what was read back, the commands, the outcome. */
    record Entry(long id, String planId, int seq, Phase phase, String host, Instant time, String target, String title,
                 String changeJson, String before, String after, Optional<String> readBack, String commands,
                 Outcome outcome, String message) {
        public Change change() {
            return ChangeCodec.json().fromJson(changeJson);
        }
    }

    void planStarted(Plan plan, String kind, Optional<String> undoes);

    /** Journals a step's "before" (committed) and returns the entry id; call before running anything. */
    long stepStarted(String planId, int seq, Phase phase, String host, Change change, String before, String after,
                     String commands);

    void stepFinished(long entryId, Outcome outcome, Optional<String> readBack, String message);

    void planFinished(String planId, PlanStatus status, String detail);

    Optional<PlanRecord> plan(String planId);

    /** Plans, newest first; only those of {@code host} when given. */
    List<PlanRecord> plans(Optional<String> host);

    List<PlannedStep> plannedSteps(String planId);

    /** Entries, oldest first; of one plan when {@code planId} is given, of one host when {@code host} is. */
    List<Entry> entries(Optional<String> planId, Optional<String> host);

    Optional<Entry> entry(long id);

    /**
     * Records {@code me} as the one run tuning {@code host} and returns empty, or returns the holder that
     * keeps it: one whose process still runs on this machine and whose lock is younger than
     * {@code staleAfter}, unless it was left by the plan {@code me} finishes or reverts.
     */
    Optional<HostLock.Holder> lockHost(String host, HostLock.Holder me, java.time.Duration staleAfter);

    /** Removes the lock of {@code host} if plan {@code planId} holds it. */
    void unlockHost(String host, String planId);

    /** Records that a plan set (or re-pushed) a NIC's RSS key and/or table, with the host's boot id then. */
    void rssPushed(RssPush push);

    /** The RSS pushes of {@code nic} on {@code host}, oldest first. */
    List<RssPush> rssPushes(String host, String nic);

    /** Plans still RUNNING or REVERTING_ON_HOST or ROLLBACK_FAILED: NetTune stopped before it knew the host's state. */
    default List<PlanRecord> unfinished() {
        return plans(Optional.empty()).stream().filter(p -> p.status() == PlanStatus.RUNNING
                || p.status() == PlanStatus.ROLLBACK_FAILED || p.status() == PlanStatus.REVERTING_ON_HOST).toList();
    }
}
