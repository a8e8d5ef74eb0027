package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.Objects;

/** One EIP bound to an instance or ENI in a mode (AssociateEipAddress of the VPC API). */
public record EipBinding(EipAllocationId allocationId, EipTarget target, EipMode mode) {
    public EipBinding {
        Objects.requireNonNull(allocationId, "allocationId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        if (mode != EipMode.NAT && !(target instanceof EipTarget.Eni)) {
            throw new CloudInputException(Phrase.of("cloud.eipMode.instance",
                    "Mode {0} is allowed only when binding the EIP to an ENI; an instance takes NAT (the default).", mode));
        }
    }
}
