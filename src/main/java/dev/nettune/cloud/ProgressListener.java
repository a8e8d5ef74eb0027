package dev.nettune.cloud;

/** Receives what long cloud work is doing now ("waiting for eni-... to be InUse, 4 s"), for a status line. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = message -> { };

    void progress(String message);
}
