package dev.nettune.cloud;

/** The id of a VPC vSwitch, shape-checked ({@code vsw-...}) before it reaches the API. */
public record VSwitchId(String value) {
    public VSwitchId {
        value = ResourceIdShape.check("vSwitch", "vsw-", value);
    }

    public static VSwitchId of(String value) {
        return new VSwitchId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
