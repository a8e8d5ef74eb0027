package dev.nettune.cloud;

import java.util.List;
import java.util.Optional;

/** An ECS instance as DescribeInstances reports it: what the wizards and the RSS preflight need. */
public record CloudInstance(InstanceId id, String name, String instanceType, String status, String zoneId,
        Optional<String> vpcId, Optional<String> vSwitchId, String imageId, String osName,
        List<String> privateIpAddresses, List<NetworkInterfaceId> networkInterfaces, List<SecurityGroupId> securityGroups) {
    public CloudInstance {
        networkInterfaces = List.copyOf(networkInterfaces);
        securityGroups = List.copyOf(securityGroups);
        privateIpAddresses = List.copyOf(privateIpAddresses);
        name = name == null ? "" : name;
        osName = osName == null ? "" : osName;
        imageId = imageId == null ? "" : imageId;
        zoneId = zoneId == null ? "" : zoneId;
    }

    public boolean isRunning() {
        return "Running".equals(status);
    }

    @Override
    public String toString() {
        return id + (name.isEmpty() ? "" : " (" + name + ")") + " " + instanceType + " " + status;
    }
}
