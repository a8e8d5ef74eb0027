package dev.nettune.tuning;

import dev.nettune.Phrase;

/** A tuning value that fails validation; the message says what is wrong and what is allowed. Nothing is sent. */
public class TuningInputException extends dev.nettune.InputException {
    private static final long serialVersionUID = 1L;

    public TuningInputException(String message) {
        super(message);
    }

    /** An error the GUI and the CLI say in the user's language. */
    public TuningInputException(dev.nettune.Phrase phrase) {
        super(phrase);
    }

    /**
     * The name if it is a Linux interface name ({@link dev.nettune.linux.NicName}'s rule: 1-15 of
     * letters, digits and {@code _.:-}, not "." or ".."), checked before it reaches a command or a path.
     */
    public static String checkNic(String nic) {
        if (!dev.nettune.linux.NicName.isValid(nic)) {
            throw new TuningInputException(Phrase.of("tuning.nic.invalid",
                    "'{0}' is not a network interface name: 1-15 characters of letters, digits and _.:- (for example eth1).", nic));
        }
        return nic;
    }
}
