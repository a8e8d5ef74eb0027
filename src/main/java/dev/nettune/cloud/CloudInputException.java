package dev.nettune.cloud;

/** A cloud value that fails validation: it says what is wrong and what is allowed; no request is sent. */
public class CloudInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public CloudInputException(String message) {
        super(message);
    }
}
