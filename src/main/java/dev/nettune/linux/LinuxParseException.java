package dev.nettune.linux;

import dev.nettune.Phrase;
import dev.nettune.Phrased;

/**
 * Tool output that does not have the layout a parser expects; the message quotes what was seen. It carries its
 * sentence as a {@link Phrase} so that a host whose output cannot be read says so in the user's language (the
 * tool's own quoted output stays as it came).
 */
public class LinuxParseException extends RuntimeException implements Phrased {
    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public LinuxParseException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase == null ? Phrase.literal(getMessage()) : phrase;
    }
}
