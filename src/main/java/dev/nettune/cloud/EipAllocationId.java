package dev.nettune.cloud;

import dev.nettune.Phrase;

/** The id of an elastic IP address (its AllocationId), shape-checked ({@code eip-...}) before it reaches the API. */
public record EipAllocationId(String value) {
    public EipAllocationId {
        value = ResourceIdShape.check(Phrase.of("cloud.id.eip", "EIP"), Phrase.of("cloud.id.anEip", "an EIP"), "eip-", value);
    }

    public static EipAllocationId of(String value) {
        return new EipAllocationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
