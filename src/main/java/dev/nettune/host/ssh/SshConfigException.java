package dev.nettune.host.ssh;

import dev.nettune.Phrase;
import dev.nettune.Phrased;
import java.io.IOException;

/** An ssh configuration NetTune cannot use (a bad line, an Include loop); said in the user's language, the file's words as written. */
public class SshConfigException extends IOException implements Phrased {
    private static final long serialVersionUID = 1L;

    private final transient Phrase phrase;

    public SshConfigException(Phrase phrase) {
        super(phrase.toString());
        this.phrase = phrase;
    }

    @Override
    public Phrase phrase() {
        return phrase == null ? Phrase.literal(getMessage()) : phrase;
    }
}
