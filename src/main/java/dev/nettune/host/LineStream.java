package dev.nettune.host;

/** A long-running command whose output lines arrive one by one, until it ends or is cancelled. */
public interface LineStream extends AutoCloseable {
    /** Receives lines and the end of the stream, on the adapter's own thread. */
    interface Sink {
        void line(String line);

        /** The stream ended: {@code error} is null on a normal exit or cancel. */
        void ended(int exitCode, Throwable error);
    }

    boolean isRunning();

    /** Stops the command on the host and ends the stream. */
    void cancel();

    @Override
    default void close() {
        cancel();
    }
}
