package dev.nettune.cloud;

import dev.nettune.Phrase;

/**
 * Receives what long cloud work is doing now ("Waiting for eni-... to be InUse: Attaching (4 s)"), for a status line or a run
 * log, as a phrase the screen or the CLI says in the user's language (its English is what the CLI printed before).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = message -> { };

    void progress(Phrase message);
}
