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
    enum Phase {
        APPLY, ROLLBACK, UNDO;

        /** The phase's name in the user's language; its English is the name itself (a switch, so that every key is written out). */
        public dev.nettune.Phrase phrase() {
            return switch (this) {
                case APPLY -> dev.nettune.Phrase.of("tuning.phase.apply", "APPLY");
                case ROLLBACK -> dev.nettune.Phrase.of("tuning.phase.rollback", "ROLLBACK");
                case UNDO -> dev.nettune.Phrase.of("tuning.phase.undo", "UNDO");
            };
        }
    }

    /** How one journaled step ended. PENDING: its "before" is written and the command may have run. */
    enum Outcome {
        PENDING, APPLIED, FAILED, MISMATCH, ROLLED_BACK, ROLLBACK_FAILED, UNCONFIRMED, REVERTED_BY_HOST;

        /** The outcome's name in the user's language; its English is the name itself (a switch, so that every key is written out). */
        public dev.nettune.Phrase phrase() {
            return switch (this) {
                case PENDING -> dev.nettune.Phrase.of("tuning.outcome.pending", "PENDING");
                case APPLIED -> dev.nettune.Phrase.of("tuning.outcome.applied", "APPLIED");
                case FAILED -> dev.nettune.Phrase.of("tuning.outcome.failed", "FAILED");
                case MISMATCH -> dev.nettune.Phrase.of("tuning.outcome.mismatch", "MISMATCH");
                case ROLLED_BACK -> dev.nettune.Phrase.of("tuning.outcome.rolledBack", "ROLLED_BACK");
                case ROLLBACK_FAILED -> dev.nettune.Phrase.of("tuning.outcome.rollbackFailed", "ROLLBACK_FAILED");
                case UNCONFIRMED -> dev.nettune.Phrase.of("tuning.outcome.unconfirmed", "UNCONFIRMED");
                case REVERTED_BY_HOST -> dev.nettune.Phrase.of("tuning.outcome.revertedByHost", "REVERTED_BY_HOST");
            };
        }
    }

    /**
     * Where a plan stands. RUNNING after a restart means NetTune died in the middle of it; REFUSED means it
     * never started (another run held the host, or the host changed since it was planned): nothing changed.
     */
    enum PlanStatus {
        RUNNING, APPLIED, ROLLED_BACK, ROLLBACK_FAILED, REVERTING_ON_HOST, REVERTED_BY_HOST, UNDONE, PARTLY_UNDONE, REFUSED;

        /** The status's name in the user's language; its English is the name itself (a switch, so that every key is written out). */
        public dev.nettune.Phrase phrase() {
            return switch (this) {
                case RUNNING -> dev.nettune.Phrase.of("tuning.planStatus.running", "RUNNING");
                case APPLIED -> dev.nettune.Phrase.of("tuning.planStatus.applied", "APPLIED");
                case ROLLED_BACK -> dev.nettune.Phrase.of("tuning.planStatus.rolledBack", "ROLLED_BACK");
                case ROLLBACK_FAILED -> dev.nettune.Phrase.of("tuning.planStatus.rollbackFailed", "ROLLBACK_FAILED");
                case REVERTING_ON_HOST -> dev.nettune.Phrase.of("tuning.planStatus.revertingOnHost", "REVERTING_ON_HOST");
                case REVERTED_BY_HOST -> dev.nettune.Phrase.of("tuning.planStatus.revertedByHost", "REVERTED_BY_HOST");
                case UNDONE -> dev.nettune.Phrase.of("tuning.planStatus.undone", "UNDONE");
                case PARTLY_UNDONE -> dev.nettune.Phrase.of("tuning.planStatus.partlyUndone", "PARTLY_UNDONE");
                case REFUSED -> dev.nettune.Phrase.of("tuning.planStatus.refused", "REFUSED");
            };
        }
    }

    /** One plan as journaled: host, profile, what it is (an apply, or the undo of another plan). */
    record PlanRecord(String id, String host, String profile, String kind, Optional<String> undoes, Instant started,
                      Optional<Instant> finished, PlanStatus status, dev.nettune.Phrase detailPhrase) {
        /** How the plan ended, in English (as {@code --json} prints it). */
        public String detail() {
            return detailPhrase.toString();
        }
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
                 Outcome outcome, dev.nettune.Phrase messagePhrase) {
        public Change change() {
            return ChangeCodec.json().fromJson(changeJson);
        }

        /** Why the step ended as it did, in English (as {@code --json} prints it); empty when it went as planned. */
        public String message() {
            return messagePhrase.toString();
        }
    }

    void planStarted(Plan plan, String kind, Optional<String> undoes);

    /** Journals a step's "before" (committed) and returns the entry id; call before running anything. */
    long stepStarted(String planId, int seq, Phase phase, String host, Change change, String before, String after,
                     String commands);

    /** Journals how a step ended; the message is kept as a phrase, so that it is read back in the user's language. */
    void stepFinished(long entryId, Outcome outcome, Optional<String> readBack, dev.nettune.Phrase message);

    default void stepFinished(long entryId, Outcome outcome, Optional<String> readBack, String message) {
        stepFinished(entryId, outcome, readBack, dev.nettune.Phrase.literal(message));
    }

    /** Journals where a plan stands; the detail is kept as a phrase, so that it is read back in the user's language. */
    void planFinished(String planId, PlanStatus status, dev.nettune.Phrase detail);

    default void planFinished(String planId, PlanStatus status, String detail) {
        planFinished(planId, status, dev.nettune.Phrase.literal(detail));
    }

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
