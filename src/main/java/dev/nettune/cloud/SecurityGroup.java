package dev.nettune.cloud;

/** A security group as DescribeSecurityGroups reports it. */
public record SecurityGroup(SecurityGroupId id, String name, String vpcId, String description) {
    public SecurityGroup {
        name = name == null ? "" : name;
        vpcId = vpcId == null ? "" : vpcId;
        description = description == null ? "" : description;
    }

    @Override
    public String toString() {
        return id + (name.isEmpty() ? "" : " (" + name + ")");
    }
}
