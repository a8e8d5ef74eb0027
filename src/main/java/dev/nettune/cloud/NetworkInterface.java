package dev.nettune.cloud;

import java.util.List;
import java.util.Optional;

/** An ENI as DescribeNetworkInterfaces / DescribeNetworkInterfaceAttribute report it. */
public record NetworkInterface(NetworkInterfaceId id, String name, String status, String type, Optional<InstanceId> instanceId,
        Optional<Integer> deviceIndex, String macAddress, String privateIpAddress, Optional<String> vSwitchId,
        List<SecurityGroupId> securityGroups, Optional<Integer> queueNumber) {
    /** Status after create or detach: ready to attach. */
    public static final String AVAILABLE = "Available";
    /** Status while attached. */
    public static final String IN_USE = "InUse";

    public NetworkInterface {
        securityGroups = List.copyOf(securityGroups);
        name = name == null ? "" : name;
        macAddress = macAddress == null ? "" : macAddress;
        privateIpAddress = privateIpAddress == null ? "" : privateIpAddress;
        type = type == null ? "" : type;
    }

    public boolean isPrimary() {
        return "Primary".equalsIgnoreCase(type) || deviceIndex.map(i -> i == 0).orElse(false);
    }

    @Override
    public String toString() {
        return id + " " + type + " " + status + instanceId.map(i -> " on " + i).orElse("")
                + (macAddress.isEmpty() ? "" : " " + macAddress) + (privateIpAddress.isEmpty() ? "" : " " + privateIpAddress);
    }
}
