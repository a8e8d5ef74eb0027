package dev.nettune.cli;

/** Bad input on the command line: reported on stderr with exit code 2. */
public class CliInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CliInputException(String message) {
        super(message);
    }
}
