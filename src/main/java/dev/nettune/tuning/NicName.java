package dev.nettune.tuning;

/** Checks network interface names (by {@link dev.nettune.linux.NicName}'s rule) before they reach a command or a path. */
public final class NicName {
    private NicName() {
    }

    /** The name if it is a Linux interface name: 1-15 of letters, digits and {@code _.:-}, not "." or "..". */
    public static String check(String nic) {
        if (!dev.nettune.linux.NicName.isValid(nic)) {
            throw new TuningInputException("'" + nic + "' is not a network interface name: 1-15 characters of"
                    + " letters, digits and _.:- (for example eth1).");
        }
        return nic;
    }
}
