package dev.nettune.cloud;

/** The id of an elastic network interface, shape-checked ({@code eni-...}) before it reaches the API. */
public record NetworkInterfaceId(String value) {
    public NetworkInterfaceId {
        value = ResourceIdShape.check("ENI", "eni-", value);
    }

    public static NetworkInterfaceId of(String value) {
        return new NetworkInterfaceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
