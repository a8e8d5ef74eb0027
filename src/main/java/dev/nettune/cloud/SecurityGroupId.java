package dev.nettune.cloud;

import dev.nettune.Phrase;

/** The id of a security group, shape-checked ({@code sg-...}) before it reaches the API. */
public record SecurityGroupId(String value) {
    public SecurityGroupId {
        value = ResourceIdShape.check(Phrase.of("cloud.id.securityGroup", "security group"), Phrase.of("cloud.id.aSecurityGroup", "a security group"), "sg-", value);
    }

    public static SecurityGroupId of(String value) {
        return new SecurityGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
