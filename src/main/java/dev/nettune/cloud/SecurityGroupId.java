package dev.nettune.cloud;

/** The id of a security group, shape-checked ({@code sg-...}) before it reaches the API. */
public record SecurityGroupId(String value) {
    public SecurityGroupId {
        value = ResourceIdShape.check("security group", "sg-", value);
    }

    public static SecurityGroupId of(String value) {
        return new SecurityGroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
