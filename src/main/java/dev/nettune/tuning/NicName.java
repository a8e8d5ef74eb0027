package dev.nettune.tuning;

import java.util.regex.Pattern;

/** Checks network interface names before they reach a command or a file path. */
public final class NicName {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1,15}");

    private NicName() {
    }

    /** The name if it is a Linux interface name: 1-15 of letters, digits and {@code _.:-}, not "." or "..". */
    public static String check(String nic) {
        if (nic == null || !NAME.matcher(nic).matches() || nic.equals(".") || nic.equals("..")) {
            throw new TuningInputException("'" + nic + "' is not a network interface name: 1-15 characters of"
                    + " letters, digits and _.:- (for example eth1).");
        }
        return nic;
    }
}
