package dev.nettune.tuning;

import java.time.Duration;

/** What a screen or the CLI hears while a plan runs (on the engine's thread; no toolkit types). */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() { };

    default void stepStarted(Step step, int total, Journal.Phase phase) {
    }

    default void stepFinished(Step step, Journal.Phase phase, Journal.Outcome outcome, String message) {
    }

    /** An armed revert fires in {@code remaining} unless NetTune confirms a new connection. */
    default void countdown(Step step, Duration remaining) {
    }

    default void message(String text) {
    }
}
