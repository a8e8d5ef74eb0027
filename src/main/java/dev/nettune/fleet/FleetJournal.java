package dev.nettune.fleet;

import dev.nettune.tuning.Profile;
import java.util.List;
import java.util.Optional;

/**
 * The record of fleet runs (the port; the store keeps it in the same SQLite file as the tuning journal).
 * A run row, one row per instance with how it was reached, and per instance the id of the tuning plan
 * whose journal entries hold every change made there. Every call commits before it returns.
 * A run belongs to the process that started (or resumed) it; when that process is gone, or left it, the run
 * reads {@link RunStatus#UNFINISHED}, never as finished.
 */
public interface FleetJournal {
    /** Journals a new run and its instances (PENDING), before anything is changed. */
    void runStarted(String runId, String kind, String profile, Optional<String> undoes, RolloutPolicy policy,
                    List<FleetInstance> instances, int canaries);

    /** Keeps the profile the run applies, as it was, so that a resumed run applies the very same one. */
    void profileKept(String runId, Profile profile);

    /** The profile kept for the run; empty for a run journaled before NetTune kept it. */
    Optional<Profile> keptProfile(String runId);

    /** Instance {@code position} has started (IN_FLIGHT): if NetTune stops now, resuming reads it again. */
    void instanceStarted(String runId, int position);

    /** Links the tuning plan that runs on instance {@code position}: its journal entries are that instance's. */
    void instancePlanned(String runId, int position, String planId);

    /** Instance {@code position} ended {@code status}, for the reason given (kept as a phrase: read back, it is said in the language in use). */
    void instanceFinished(String runId, int position, InstanceStatus status, dev.nettune.Phrase reason);

    /** The run ended {@code status}; the detail is kept as a phrase (read back, it is said in the language in use). */
    void runFinished(String runId, RunStatus status, dev.nettune.Phrase detail);

    /** As {@link #runFinished(String, RunStatus, dev.nettune.Phrase)}, with a detail that has no translation. */
    default void runFinished(String runId, RunStatus status, String detail) {
        runFinished(runId, status, dev.nettune.Phrase.literal(detail));
    }

    /** This process stopped running the run before it ended (it failed unexpectedly): the run reads UNFINISHED. */
    void runLeft(String runId);

    /** This process takes over an unfinished or cancelled run to continue it: it reads RUNNING again, not finished. */
    void runResumed(String runId, dev.nettune.Phrase detail);

    /** As {@link #runResumed(String, dev.nettune.Phrase)}, with a detail that has no translation. */
    default void runResumed(String runId, String detail) {
        runResumed(runId, dev.nettune.Phrase.literal(detail));
    }

    Optional<FleetRun> run(String runId);

    /** Runs, newest first. */
    List<FleetRun> runs();
}
