package dev.nettune.monitor;

/** Where a running recording keeps samples and gaps (the store implements it); closing ends the recording. */
public interface RecordingSink extends AutoCloseable {
    void sample(RateSample sample);

    void gap(long timeMillis, String reason);

    @Override
    void close();
}
