package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.Locale;

/** How an EIP is bound (AssociateEipAddress Mode); anything but NAT is allowed only for an ENI. */
public enum EipMode {
    /** The default: the EIP is translated to the private address, invisible inside the guest. */
    NAT,
    /** Several EIPs on one ENI, each visible on the NIC. */
    MULTI_BINDED,
    /** Cut-through: the EIP replaces the ENI's private address inside the guest. */
    BINDED;

    public static EipMode parse(String text) {
        if (text != null) {
            String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (EipMode m : values()) {
                if (m.name().equals(t)) {
                    return m;
                }
            }
        }
        throw new CloudInputException(Phrase.of("cloud.eipMode.bad",
                "'{0}' is not an EIP mode: use NAT (default), MULTI_BINDED or BINDED (the last two only for an ENI).", String.valueOf(text)));
    }
}
