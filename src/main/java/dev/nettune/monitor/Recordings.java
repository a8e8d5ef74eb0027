package dev.nettune.monitor;

import java.util.List;
import java.util.Optional;

/** The port to stored recordings of a monitor session (SQLite: {@code store.RecordingStore}). */
public interface Recordings {
    /** A recording being written; closing it ends the recording. */
    interface Session extends RecordingSink {
        /** The id the recording is listed and loaded by. */
        long id();
    }

    /** Starts a recording of {@code nic} on {@code host}, sampled every {@code intervalMillis}. */
    Session start(String host, String nic, long intervalMillis, String note, long nowMillis);

    /** Every recording, newest first. */
    List<Recording> list();

    Optional<Recording> find(long id);

    /** A recording's samples and gaps. */
    RecordedSeries load(long id);

    void delete(long id);
}
