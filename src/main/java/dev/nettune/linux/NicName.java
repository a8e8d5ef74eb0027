package dev.nettune.linux;

import dev.nettune.Phrase;
import java.util.regex.Pattern;

/** A network interface name as the kernel allows it, safe to pass as one argument: 1-15 of [A-Za-z0-9_.:-]. */
public record NicName(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    public NicName {
        if (value == null || !VALID.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new dev.nettune.InputException(Phrase.of("linux.nic.invalid", "Not a network interface name: '{0}'."
                    + " A name is 1 to 15 characters of letters, digits, '_', '.', ':' or '-' (for example eth1).", value));
        }
    }

    public static NicName of(String value) {
        return new NicName(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches() && !value.equals(".") && !value.equals("..");
    }

    @Override
    public String toString() {
        return value;
    }
}
