package dev.nettune.cloud;

import dev.nettune.Phrase;

/** The id of an ECS instance, shape-checked ({@code i-...}) before it reaches the API. */
public record InstanceId(String value) {
    public InstanceId {
        value = ResourceIdShape.check(Phrase.of("cloud.id.instance", "instance"), Phrase.of("cloud.id.anInstance", "an instance"), "i-", value);
    }

    public static InstanceId of(String value) {
        return new InstanceId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
