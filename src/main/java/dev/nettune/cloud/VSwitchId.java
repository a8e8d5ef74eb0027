package dev.nettune.cloud;

import dev.nettune.Phrase;

/** The id of a VPC vSwitch, shape-checked ({@code vsw-...}) before it reaches the API. */
public record VSwitchId(String value) {
    public VSwitchId {
        value = ResourceIdShape.check(Phrase.of("cloud.id.vSwitch", "vSwitch"), Phrase.of("cloud.id.aVSwitch", "a vSwitch"), "vsw-", value);
    }

    public static VSwitchId of(String value) {
        return new VSwitchId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
