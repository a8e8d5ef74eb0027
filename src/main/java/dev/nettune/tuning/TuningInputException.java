package dev.nettune.tuning;

/** A tuning value that fails validation; the message says what is wrong and what is allowed. Nothing is sent. */
public class TuningInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public TuningInputException(String message) {
        super(message);
    }
}
