package dev.nettune.linux;

/** Tool output that does not have the layout a parser expects; the message quotes what was seen. */
public class LinuxParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LinuxParseException(String message) {
        super(message);
    }
}
