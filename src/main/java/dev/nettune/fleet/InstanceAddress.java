package dev.nettune.fleet;

import java.util.Locale;

/**
 * Which address of an instance a fleet run dials over SSH: its first private IP (from inside the VPC or
 * through a bastion), or the EIP bound to it (DescribeEipAddresses: an EIP bound to the instance or to one
 * of its ENIs).
 */
public enum InstanceAddress {
    PRIVATE("private"),
    EIP("eip");

    private final String word;

    InstanceAddress(String word) {
        this.word = word;
    }

    /** The word {@code --address} takes. */
    public String word() {
        return word;
    }

    /** {@code private} or {@code eip}, as typed after {@code --address}. */
    public static InstanceAddress parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (InstanceAddress a : values()) {
            if (a.word.equals(t)) {
                return a;
            }
        }
        throw new FleetInputException(dev.nettune.Phrase.of("fleet.address.bad", "Not an instance address: '{0}'. Allowed: private (the"
                + " first private IP; through --bastion or a ProxyJump of ~/.ssh/config when NetTune is outside the VPC), eip (the EIP"
                + " bound to the instance or to one of its ENIs).", dev.nettune.host.Printable.clip(String.valueOf(text))));
    }

    @Override
    public String toString() {
        return word;
    }
}
