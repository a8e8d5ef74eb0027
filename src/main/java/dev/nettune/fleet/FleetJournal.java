package dev.nettune.fleet;

import java.util.List;
import java.util.Optional;

/**
 * The record of fleet runs (the port; the store keeps it in the same SQLite file as the tuning journal).
 * A run row, one row per instance with how it was reached, and per instance the id of the tuning plan
 * whose journal entries hold every change made there. Every call commits before it returns.
 */
public interface FleetJournal {
    /** Journals a new run and its instances (PENDING), before anything is changed. */
    void runStarted(String runId, String kind, String profile, Optional<String> undoes, RolloutPolicy policy,
                    List<FleetInstance> instances, int canaries);

    /** Links the tuning plan that runs on instance {@code position}: its journal entries are that instance's. */
    void instancePlanned(String runId, int position, String planId);

    void instanceFinished(String runId, int position, InstanceStatus status, String reason);

    void runFinished(String runId, RunStatus status, String detail);

    Optional<FleetRun> run(String runId);

    /** Runs, newest first. */
    List<FleetRun> runs();
}
