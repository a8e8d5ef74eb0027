package dev.nettune.fleet;

import dev.nettune.tuning.Journal;
import java.util.List;

/**
 * What a screen or the CLI hears while a fleet run goes: per-instance start, step progress, messages and
 * the result, then the run's end. Called on the run's worker threads (several at once when instances run
 * in parallel): implementations hand over to their own thread (the FX thread) and never block.
 */
public interface FleetListener {
    FleetListener NONE = new FleetListener() { };

    default void runStarted(String runId, List<FleetInstance> instances) {
    }

    default void instanceStarted(FleetInstance instance, boolean canary) {
    }

    /** A step of the instance's plan started: {@code seq} of {@code total}, applied or rolled back. */
    default void instanceStep(FleetInstance instance, int seq, int total, String title, Journal.Phase phase) {
    }

    /** A step started, its title as a phrase: a listener that shows text in the user's language overrides this one. */
    default void instanceStep(FleetInstance instance, int seq, int total, dev.nettune.Phrase title, Journal.Phase phase) {
        instanceStep(instance, seq, total, title.toString(), phase);
    }

    default void instanceMessage(FleetInstance instance, String text) {
    }

    /** A sentence about the instance (armed, waiting, reverting, how it ended); the String one hears its English. */
    default void instanceMessage(FleetInstance instance, dev.nettune.Phrase text) {
        instanceMessage(instance, text.toString());
    }

    default void instanceFinished(FleetInstanceResult result) {
    }

    default void runFinished(FleetRun run) {
    }
}
