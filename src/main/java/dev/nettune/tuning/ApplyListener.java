package dev.nettune.tuning;

import dev.nettune.Phrase;
import java.time.Duration;

/**
 * What a screen or the CLI hears while a plan runs (on the engine's thread; no toolkit types). The engine calls the
 * {@link Phrase} methods; a listener that shows text in the user's language overrides those, one that only wants
 * English may keep the {@code String} ones.
 */
public interface ApplyListener {
    ApplyListener NONE = new ApplyListener() { };

    default void stepStarted(Step step, int total, Journal.Phase phase) {
    }

    default void stepFinished(Step step, Journal.Phase phase, Journal.Outcome outcome, String message) {
    }

    /** How a step ended; {@code message} is empty when it went as planned. */
    default void stepFinished(Step step, Journal.Phase phase, Journal.Outcome outcome, Phrase message) {
        stepFinished(step, phase, outcome, message.toString());
    }

    /** An armed revert fires in {@code remaining} unless NetTune confirms a new connection. */
    default void countdown(Step step, Duration remaining) {
    }

    default void message(String text) {
    }

    /** A sentence about the run (armed, reconnected, rolling back, how it ended). */
    default void message(Phrase text) {
        message(text.toString());
    }
}
