package dev.nettune.cloud;

/** An asynchronous state was not reached in time, or the wait was cancelled. */
public class CloudWaitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CloudWaitException(String message) {
        super(message);
    }
}
