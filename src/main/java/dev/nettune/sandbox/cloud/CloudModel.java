package dev.nettune.sandbox.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The simulated region's resources; mutable, guarded by the {@link SimulatedCloud}'s lock. */
final class CloudModel {
    private CloudModel() {
    }

    record Region(String id, String localName, boolean rssRolledOut) {
    }

    record Zone(String id, String regionId, String localName) {
    }

    record Vpc(String id, String regionId, String name, String cidr) {
    }

    record VSwitch(String id, String regionId, String vpcId, String zoneId, String name, String cidr) {
    }

    /** An instance type with the network limits the ENI calls check, and whether it supports custom RSS. */
    record InstanceType(String id, String family, int cpu, double memoryGiB, int eniQuantity,
                        int maximumQueueNumberPerEni, int primaryEniQueueNumber, int secondaryEniQueueNumber,
                        int totalEniQueueQuantity, boolean rssSupport, int bandwidthRxKbps, int ppsRx) {
    }

    record Image(String id, String osName, String osNameEn, String osType) {
    }

    static final class Instance {
        String id;
        String name;
        String regionId;
        String zoneId;
        String instanceType;
        String imageId;
        String osName;
        String osNameEn;
        String hostName;
        String vpcId;
        String vSwitchId;
        String status;
        String primaryEniId;
        String description = "";
        List<String> securityGroupIds = new ArrayList<>();
        /** Tags in the order they were set (DescribeInstances filters and lists them). */
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        Instant created;
        Instant started;
    }

    /** One RunCommand on one instance: its script's status, exit code and output once the agent ran it. */
    static final class Invocation {
        String invokeId;
        String commandId;
        String instanceId;
        String regionId;
        String status = "Running";
        Integer exitCode;
        String output = "";
        /** Bytes of output the agent dropped because the whole was over the 24 KB it keeps. */
        int dropped;
        String errorCode = "";
        String errorInfo = "";
        Instant start;
        Instant finished;
        int timeoutSeconds;
    }

    static final class NetworkInterface {
        String id;
        String name = "";
        String description = "";
        String regionId;
        String zoneId;
        String vpcId;
        String vSwitchId;
        String privateIp;
        String mac;
        boolean primary;
        String status;
        String instanceId;
        int deviceIndex = -1;
        List<String> securityGroupIds = new ArrayList<>();
        int queueNumber;
        int tcpEstablishedTimeout = 910;
        int tcpClosedAndTimeWaitTimeout = 3;
        int udpTimeout = 30;
        /** Null until EnableRss was ever set: the real API then omits EnableRss from enhancedNetwork. */
        Boolean rssConfigured;
        /** What the guest sees: the configured value takes effect on (re)attach or instance restart. */
        boolean rssEffective;
        String clientToken;
        Instant created;

        boolean rss() {
            return Boolean.TRUE.equals(rssConfigured);
        }
    }

    record Rule(String ruleId, String direction, String ipProtocol, String portRange, String sourceCidrIp,
                String destCidrIp, int priority, String policy, String nicType, String description, Instant created) {
        boolean sameAs(Rule other) {
            return direction.equals(other.direction) && ipProtocol.equalsIgnoreCase(other.ipProtocol)
                    && portRange.equals(other.portRange) && sourceCidrIp.equals(other.sourceCidrIp)
                    && destCidrIp.equals(other.destCidrIp) && priority == other.priority
                    && policy.equalsIgnoreCase(other.policy) && nicType.equals(other.nicType);
        }
    }

    static final class SecurityGroup {
        String id;
        String name;
        String description = "";
        String regionId;
        String vpcId;
        List<Rule> rules = new ArrayList<>();
        Instant created;
    }

    static final class Eip {
        String allocationId;
        String ipAddress;
        String regionId;
        String status = "Available";
        String instanceId = "";
        String instanceType = "";
        String mode = "";
        String privateIpAddress = "";
        String name = "";
        String description = "";
        int bandwidthMbps = 5;
        Instant allocated;
    }
}
