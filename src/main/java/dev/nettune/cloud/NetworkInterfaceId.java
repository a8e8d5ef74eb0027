package dev.nettune.cloud;

import dev.nettune.Phrase;

/** The id of an elastic network interface, shape-checked ({@code eni-...}) before it reaches the API. */
public record NetworkInterfaceId(String value) {
    public NetworkInterfaceId {
        value = ResourceIdShape.check(Phrase.of("cloud.id.eni", "ENI"), Phrase.of("cloud.id.anEni", "an ENI"), "eni-", value);
    }

    public static NetworkInterfaceId of(String value) {
        return new NetworkInterfaceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
