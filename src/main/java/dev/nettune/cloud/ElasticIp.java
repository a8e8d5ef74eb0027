package dev.nettune.cloud;

import java.util.Optional;

/** An EIP as DescribeEipAddresses reports it: where it is bound, if anywhere, and how. */
public record ElasticIp(EipAllocationId allocationId, String ipAddress, String status, Optional<String> instanceId,
        Optional<String> instanceType, Optional<EipMode> mode) {
    public static final String AVAILABLE = "Available";
    public static final String IN_USE = "InUse";

    @Override
    public String toString() {
        return allocationId + " " + ipAddress + " " + status + instanceId.map(i -> " -> " + i).orElse("")
                + mode.map(m -> " (" + m + ")").orElse("");
    }
}
