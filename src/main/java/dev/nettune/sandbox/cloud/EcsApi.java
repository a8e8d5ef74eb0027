package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ECS (2014-05-26) actions of the simulated region: regions, zones, instance types, instances,
 * ENIs (create, attach, detach, delete, describe, modify with connection-tracking timeouts and custom
 * RSS), instance stop/start/reboot and security groups. Answers and error codes follow the real API.
 */
final class EcsApi {
    /** Allowed ConnectionTrackingConfiguration values (eni-connection-timeouts.txt). */
    static final Set<Integer> TCP_ESTABLISHED_TIMEOUTS = Set.of(30, 60, 80, 100, 200, 300, 500, 700, 910);
    static final Set<Integer> UDP_TIMEOUTS = Set.of(10, 20, 30, 60, 80, 100);
    static final String OWNER_ID = "1234567890123456";
    static final String RESOURCE_GROUP = "rg-acfmsandbox00000";

    private static final Pattern ENI_NAME = Pattern.compile("[A-Za-z\\u4e00-\\u9fa5][A-Za-z0-9\\u4e00-\\u9fa5:_.-]{1,127}");
    private static final Pattern CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?");
    private static final Set<String> ATTRIBUTES = Set.of("attachment", "connectionTrackingConfiguration", "enhancedNetwork",
            "networkInterfaceTrafficConfig");

    private final SimulatedCloud cloud;

    EcsApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("DescribeRegions", this::describeRegions);
        handlers.put("DescribeZones", this::describeZones);
        handlers.put("DescribeInstanceTypes", this::describeInstanceTypes);
        handlers.put("DescribeInstances", this::describeInstances);
        handlers.put("DescribeNetworkInterfaces", this::describeNetworkInterfaces);
        handlers.put("DescribeNetworkInterfaceAttribute", this::describeNetworkInterfaceAttribute);
        handlers.put("CreateNetworkInterface", this::createNetworkInterface);
        handlers.put("DeleteNetworkInterface", this::deleteNetworkInterface);
        handlers.put("AttachNetworkInterface", this::attachNetworkInterface);
        handlers.put("DetachNetworkInterface", this::detachNetworkInterface);
        handlers.put("ModifyNetworkInterfaceAttribute", this::modifyNetworkInterfaceAttribute);
        handlers.put("StopInstance", this::stopInstance);
        handlers.put("StartInstance", this::startInstance);
        handlers.put("RebootInstance", this::rebootInstance);
        handlers.put("DescribeSecurityGroups", this::describeSecurityGroups);
        handlers.put("DescribeSecurityGroupAttribute", this::describeSecurityGroupAttribute);
        handlers.put("AuthorizeSecurityGroup", this::authorizeSecurityGroup);
        handlers.put("RevokeSecurityGroup", this::revokeSecurityGroup);
        // The ECS API still answers these two VPC reads (deprecated there); same shapes as the VPC API.
        VpcApi vpc = new VpcApi(cloud);
        handlers.put("DescribeVpcs", vpc::describeVpcs);
        handlers.put("DescribeVSwitches", vpc::describeVSwitches);
        return handlers;
    }

    // ---- regions, zones, instance types -------------------------------------------------------------

    private void describeRegions(ApiRequest request, ObjectNode response) {
        ArrayNode regions = Json.list(response, "Regions", "Region");
        for (CloudModel.Region region : cloud.regions.values()) {
            ObjectNode r = regions.addObject();
            r.put("RegionId", region.id());
            r.put("LocalName", region.localName());
            r.put("RegionEndpoint", "ecs." + region.id() + ".aliyuncs.com");
            r.put("Status", "available");
        }
    }

    private void describeZones(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        ArrayNode zones = Json.list(response, "Zones", "Zone");
        for (CloudModel.Zone zone : cloud.zones.values()) {
            if (!zone.regionId().equals(regionId)) {
                continue;
            }
            ObjectNode z = zones.addObject();
            z.put("ZoneId", zone.id());
            z.put("LocalName", zone.localName());
            z.put("ZoneType", "AvailabilityZone");
            Json.strings(z, "AvailableResourceCreation", "ResourceTypes", List.of("VSwitch", "IoOptimized", "Instance", "Disk"));
            Json.strings(z, "AvailableInstanceTypes", "InstanceTypes", cloud.instanceTypes.keySet());
            Json.strings(z, "AvailableDiskCategories", "DiskCategories", List.of("cloud_essd", "cloud_auto"));
            Json.strings(z, "NetworkTypes", "NetworkType", List.of("vpc"));
        }
    }

    private void describeInstanceTypes(ApiRequest request, ObjectNode response) {
        List<String> wanted = request.list("InstanceTypes");
        Optional<String> family = request.optional("InstanceTypeFamily");
        ArrayNode types = Json.list(response, "InstanceTypes", "InstanceType");
        for (CloudModel.InstanceType type : cloud.instanceTypes.values()) {
            if (!wanted.isEmpty() && !wanted.contains(type.id())) {
                continue;
            }
            if (family.isPresent() && !family.get().equals(type.family())) {
                continue;
            }
            ObjectNode t = types.addObject();
            t.put("InstanceTypeId", type.id());
            t.put("InstanceTypeFamily", type.family());
            t.put("CpuCoreCount", type.cpu());
            t.put("MemorySize", type.memoryGiB());
            t.put("CpuArchitecture", "X86");
            t.put("InstanceCategory", type.family().contains(".r") ? "Memory-optimized" : "General-purpose");
            t.put("InstanceFamilyLevel", "EnterpriseLevel");
            t.put("PhysicalProcessorModel", type.rssSupport() ? "Intel Xeon (Granite Rapids)" : "Intel Xeon (Ice Lake) Platinum 8369B");
            t.put("EniQuantity", type.eniQuantity());
            t.put("EniTotalQuantity", type.eniQuantity() * 4);
            t.put("EniPrivateIpAddressQuantity", 15);
            t.put("EniIpv6AddressQuantity", 15);
            t.put("EniTrunkSupported", true);
            t.put("MaximumQueueNumberPerEni", type.maximumQueueNumberPerEni());
            t.put("PrimaryEniQueueNumber", type.primaryEniQueueNumber());
            t.put("SecondaryEniQueueNumber", type.secondaryEniQueueNumber());
            t.put("TotalEniQueueQuantity", type.totalEniQueueQuantity());
            t.put("InstanceBandwidthRx", type.bandwidthRxKbps());
            t.put("InstanceBandwidthTx", type.bandwidthRxKbps());
            t.put("InstancePpsRx", type.ppsRx());
            t.put("InstancePpsTx", type.ppsRx());
            t.put("NetworkCardQuantity", 1);
            Json.list(t, "NetworkCards", "NetworkCardInfo").addObject().put("NetworkCardIndex", 0);
            t.put("NvmeSupport", "required");
            // The seed names the flag RssSupport; no SDK version has it, so clients read it from the raw answer.
            t.put("RssSupport", type.rssSupport());
            ObjectNode enhanced = t.putObject("EnhancedNetwork");
            enhanced.put("SriovSupport", false);
            enhanced.put("VfQueueNumberPerEni", 0);
            enhanced.put("RssSupport", type.rssSupport());
        }
        response.put("NextToken", "");
    }

    // ---- instances ----------------------------------------------------------------------------------

    private void describeInstances(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        List<String> ids = request.jsonStringArray("InstanceIds");
        if (ids.size() > 100) {
            throw OpenApiException.invalidParameter("InstanceIds", ids.size() + " ids", "At most 100 instance ids are allowed.");
        }
        Optional<String> vpcId = request.optional("VpcId");
        Optional<String> vSwitchId = request.optional("VSwitchId");
        Optional<String> zoneId = request.optional("ZoneId");
        Optional<String> status = request.optional("Status");
        Optional<String> name = request.optional("InstanceName");
        Optional<String> type = request.optional("InstanceType");
        Optional<String> sg = request.optional("SecurityGroupId");
        List<CloudModel.Instance> matches = cloud.instances.values().stream()
                .filter(i -> i.regionId.equals(regionId))
                .filter(i -> ids.isEmpty() || ids.contains(i.id))
                .filter(i -> vpcId.map(i.vpcId::equals).orElse(true))
                .filter(i -> vSwitchId.map(i.vSwitchId::equals).orElse(true))
                .filter(i -> zoneId.map(i.zoneId::equals).orElse(true))
                .filter(i -> status.map(i.status::equals).orElse(true))
                .filter(i -> name.map(n -> matchesName(n, i.name)).orElse(true))
                .filter(i -> type.map(i.instanceType::equals).orElse(true))
                .filter(i -> sg.map(i.securityGroupIds::contains).orElse(true))
                .toList();
        ArrayNode out = Json.list(response, "Instances", "Instance");
        for (CloudModel.Instance instance : page(request, response, matches, 100)) {
            renderInstance(out.addObject(), instance);
        }
    }

    private static boolean matchesName(String pattern, String name) {
        // DescribeInstances accepts * as a fuzzy match in InstanceName.
        String regex = Pattern.quote(pattern).replace("*", "\\E.*\\Q");
        return name.matches(regex);
    }

    private void renderInstance(ObjectNode i, CloudModel.Instance instance) {
        CloudModel.InstanceType type = cloud.instanceTypes.get(instance.instanceType);
        i.put("InstanceId", instance.id);
        i.put("InstanceName", instance.name);
        i.put("Description", instance.description);
        i.put("HostName", instance.hostName);
        i.put("ImageId", instance.imageId);
        i.put("OSName", instance.osName);
        i.put("OSNameEn", instance.osNameEn);
        i.put("OSType", "linux");
        i.put("RegionId", instance.regionId);
        i.put("ZoneId", instance.zoneId);
        i.put("InstanceType", instance.instanceType);
        i.put("InstanceTypeFamily", type.family());
        i.put("Cpu", type.cpu());
        i.put("Memory", (int) (type.memoryGiB() * 1024));
        i.put("Status", instance.status);
        i.put("InstanceNetworkType", "vpc");
        i.put("InstanceChargeType", "PostPaid");
        i.put("InternetChargeType", "PayByTraffic");
        i.put("InternetMaxBandwidthIn", 0);
        i.put("InternetMaxBandwidthOut", 0);
        i.put("IoOptimized", true);
        i.put("DeletionProtection", false);
        i.put("DeviceAvailable", true);
        i.put("StoppedMode", "Stopped".equals(instance.status) ? "KeepCharging" : "Not-applicable");
        i.put("SerialNumber", "sandbox-" + instance.id.substring(2));
        i.put("CreationTime", Json.minutes(instance.created));
        i.put("StartTime", Json.minutes(instance.started));
        i.put("ExpiredTime", "2099-12-31T15:59Z");
        i.put("ResourceGroupId", RESOURCE_GROUP);
        CloudModel.NetworkInterface primary = cloud.networkInterfaces.get(instance.primaryEniId);
        ObjectNode vpc = i.putObject("VpcAttributes");
        vpc.put("VpcId", instance.vpcId);
        vpc.put("VSwitchId", instance.vSwitchId);
        vpc.put("NatIpAddress", "");
        Json.strings(vpc, "PrivateIpAddress", "IpAddress", List.of(primary.privateIp));
        Json.list(i, "PublicIpAddress", "IpAddress");
        Json.list(i, "InnerIpAddress", "IpAddress");
        Json.list(i, "RdmaIpAddress", "IpAddress");
        ObjectNode eip = i.putObject("EipAddress");
        cloud.eips.values().stream()
                .filter(e -> instance.id.equals(e.instanceId) && "EcsInstance".equals(e.instanceType))
                .findFirst()
                .ifPresentOrElse(e -> {
                    eip.put("AllocationId", e.allocationId);
                    eip.put("IpAddress", e.ipAddress);
                    eip.put("Bandwidth", e.bandwidthMbps);
                    eip.put("InternetChargeType", "PayByTraffic");
                    eip.put("IsSupportUnassociate", true);
                }, () -> {
                    eip.put("AllocationId", "");
                    eip.put("IpAddress", "");
                    eip.put("InternetChargeType", "");
                });
        Json.strings(i, "SecurityGroupIds", "SecurityGroupId", instance.securityGroupIds);
        ArrayNode nics = Json.list(i, "NetworkInterfaces", "NetworkInterface");
        for (CloudModel.NetworkInterface eni : cloud.enisOf(instance.id)) {
            if (!"InUse".equals(eni.status) && !"Detaching".equals(eni.status)) {
                continue;
            }
            ObjectNode n = nics.addObject();
            n.put("NetworkInterfaceId", eni.id);
            n.put("MacAddress", eni.mac);
            n.put("PrimaryIpAddress", eni.privateIp);
            n.put("Type", eni.primary ? "Primary" : "Secondary");
            ObjectNode set = Json.list(n, "PrivateIpSets", "PrivateIpSet").addObject();
            set.put("PrivateIpAddress", eni.privateIp);
            set.put("Primary", true);
        }
        Json.list(i, "OperationLocks", "LockReason");
        Json.list(i, "Tags", "Tag");
        ObjectNode cpu = i.putObject("CpuOptions");
        cpu.put("CoreCount", Math.max(1, type.cpu() / 2));
        cpu.put("ThreadsPerCore", 2);
        cpu.put("Numa", "ON");
    }

    private CloudModel.Instance instanceForAction(ApiRequest request) {
        String id = request.required("InstanceId");
        return cloud.findInstance(request.regionId(), id)
                .orElseThrow(() -> new OpenApiException(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist."));
    }

    private static OpenApiException incorrectInstanceStatus(CloudModel.Instance instance, String expected) {
        return new OpenApiException(403, "IncorrectInstanceStatus",
                "The current status of the resource does not support this operation. The instance " + instance.id
                        + " is " + instance.status + "; this operation needs it " + expected + ".");
    }

    private void stopInstance(ApiRequest request, ObjectNode response) {
        CloudModel.Instance instance = instanceForAction(request);
        if (!"Running".equals(instance.status)) {
            throw incorrectInstanceStatus(instance, "Running");
        }
        instance.status = "Stopping";
        cloud.schedule(() -> {
            instance.status = "Stopped";
            cloud.queueEvent(l -> l.instanceStopped(instance.id));
        });
    }

    private void startInstance(ApiRequest request, ObjectNode response) {
        CloudModel.Instance instance = instanceForAction(request);
        if (!"Stopped".equals(instance.status)) {
            throw incorrectInstanceStatus(instance, "Stopped");
        }
        instance.status = "Starting";
        cloud.schedule(() -> boot(instance));
    }

    private void rebootInstance(ApiRequest request, ObjectNode response) {
        CloudModel.Instance instance = instanceForAction(request);
        if (!"Running".equals(instance.status)) {
            throw incorrectInstanceStatus(instance, "Running");
        }
        instance.status = "Stopping";
        cloud.schedule(() -> {
            instance.status = "Starting";
            cloud.queueEvent(l -> l.instanceStopped(instance.id));
            cloud.schedule(() -> boot(instance));
        });
    }

    /** Running again: the primary ENI's RSS setting takes effect now (the seed's "restart the instance"). */
    private void boot(CloudModel.Instance instance) {
        instance.status = "Running";
        instance.started = cloud.clock().instant();
        CloudModel.NetworkInterface primary = cloud.networkInterfaces.get(instance.primaryEniId);
        primary.rssEffective = primary.rss();
        List<NicEvent> nics = cloud.nicsOf(instance.id);
        cloud.queueEvent(l -> l.instanceStarted(instance.id, nics));
    }

    // ---- network interfaces -------------------------------------------------------------------------

    private CloudModel.NetworkInterface eni(ApiRequest request) {
        String id = request.required("NetworkInterfaceId");
        return cloud.findEni(request.regionId(), id)
                .orElseThrow(() -> new OpenApiException(404, "InvalidEniId.NotFound", "The specified ENI \"" + id + "\" does not exist."));
    }

    private static OpenApiException invalidEniState(CloudModel.NetworkInterface eni, String expected) {
        return new OpenApiException(400, "InvalidOperation.InvalidEniState",
                "The operation is not allowed in the current ENI state. Expecting status is \"" + expected
                        + "\" while current status is \"" + eni.status + "\".");
    }

    private void describeNetworkInterfaces(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        List<String> ids = request.list("NetworkInterfaceId");
        Optional<String> instanceId = request.optional("InstanceId");
        Optional<String> vpcId = request.optional("VpcId");
        Optional<String> vSwitchId = request.optional("VSwitchId");
        Optional<String> sg = request.optional("SecurityGroupId");
        Optional<String> type = request.optional("Type");
        Optional<String> status = request.optional("Status");
        Optional<String> primaryIp = request.optional("PrimaryIpAddress");
        Optional<String> name = request.optional("NetworkInterfaceName");
        List<CloudModel.NetworkInterface> matches = cloud.networkInterfaces.values().stream()
                .filter(n -> n.regionId.equals(regionId))
                .filter(n -> ids.isEmpty() || ids.contains(n.id))
                .filter(n -> instanceId.map(id -> id.equals(n.instanceId)).orElse(true))
                .filter(n -> vpcId.map(n.vpcId::equals).orElse(true))
                .filter(n -> vSwitchId.map(n.vSwitchId::equals).orElse(true))
                .filter(n -> sg.map(n.securityGroupIds::contains).orElse(true))
                .filter(n -> type.map(t -> t.equals(n.primary ? "Primary" : "Secondary")).orElse(true))
                .filter(n -> status.map(n.status::equals).orElse(true))
                .filter(n -> primaryIp.map(n.privateIp::equals).orElse(true))
                .filter(n -> name.map(n.name::equals).orElse(true))
                .toList();
        ArrayNode out = Json.list(response, "NetworkInterfaceSets", "NetworkInterfaceSet");
        for (CloudModel.NetworkInterface eni : page(request, response, matches, 1000)) {
            renderEni(out.addObject(), eni);
        }
    }

    private void renderEni(ObjectNode n, CloudModel.NetworkInterface eni) {
        n.put("NetworkInterfaceId", eni.id);
        n.put("Status", eni.status);
        n.put("Type", eni.primary ? "Primary" : "Secondary");
        n.put("VpcId", eni.vpcId);
        n.put("VSwitchId", eni.vSwitchId);
        n.put("ZoneId", eni.zoneId);
        n.put("PrivateIpAddress", eni.privateIp);
        n.put("MacAddress", eni.mac);
        n.put("NetworkInterfaceName", eni.name);
        n.put("Description", eni.description);
        n.put("InstanceId", eni.instanceId == null ? "" : eni.instanceId);
        n.put("CreationTime", Json.seconds(eni.created));
        n.put("ResourceGroupId", RESOURCE_GROUP);
        n.put("ServiceManaged", false);
        n.put("OwnerId", OWNER_ID);
        n.put("DeleteOnRelease", eni.primary);
        n.put("NetworkInterfaceTrafficMode", "Standard");
        if (eni.queueNumber > 0) {
            n.put("QueueNumber", eni.queueNumber);
        }
        Json.strings(n, "SecurityGroupIds", "SecurityGroupId", eni.securityGroupIds);
        ObjectNode ip = Json.list(n, "PrivateIpSets", "PrivateIpSet").addObject();
        ip.put("PrivateIpAddress", eni.privateIp);
        ip.put("Primary", true);
        Json.list(n, "Ipv6Sets", "Ipv6Set");
        Json.list(n, "Ipv4PrefixSets", "Ipv4PrefixSet");
        Json.list(n, "Ipv6PrefixSets", "Ipv6PrefixSet");
        Json.list(n, "Tags", "Tag");
        ObjectNode publicIp = n.putObject("AssociatedPublicIp");
        cloud.eips.values().stream()
                .filter(e -> eni.id.equals(e.instanceId) && "NetworkInterface".equals(e.instanceType))
                .findFirst()
                .ifPresent(e -> {
                    publicIp.put("PublicIpAddress", e.ipAddress);
                    publicIp.put("AllocationId", e.allocationId);
                });
        if (eni.instanceId != null) {
            ObjectNode attachment = n.putObject("Attachment");
            attachment.put("InstanceId", eni.instanceId);
            attachment.put("DeviceIndex", eni.deviceIndex);
            attachment.put("NetworkCardIndex", 0);
            attachment.put("TrunkNetworkInterfaceId", "");
        }
    }

    private void describeNetworkInterfaceAttribute(ApiRequest request, ObjectNode response) {
        CloudModel.NetworkInterface eni = eni(request);
        Optional<String> attribute = request.optional("Attribute");
        if (attribute.isPresent() && !ATTRIBUTES.contains(attribute.get())) {
            throw OpenApiException.invalidParameter("Attribute", attribute.get(),
                    "Allowed values: " + String.join(", ", new TreeSet<>(ATTRIBUTES)) + ".");
        }
        renderEni(response, eni);
        ObjectNode traffic = response.putObject("NetworkInterfaceTrafficConfig");
        traffic.put("NetworkInterfaceTrafficMode", "Standard");
        if (eni.queueNumber > 0) {
            traffic.put("QueueNumber", eni.queueNumber);
        }
        if (attribute.filter("connectionTrackingConfiguration"::equals).isPresent()) {
            ObjectNode conntrack = response.putObject("ConnectionTrackingConfiguration");
            conntrack.put("TcpEstablishedTimeout", eni.tcpEstablishedTimeout);
            conntrack.put("TcpClosedAndTimeWaitTimeout", eni.tcpClosedAndTimeWaitTimeout);
            conntrack.put("UdpTimeout", eni.udpTimeout);
        }
        if (attribute.filter("enhancedNetwork"::equals).isPresent()) {
            ObjectNode enhanced = response.putObject("EnhancedNetwork");
            // The seed: "If RSS has not been modified for the ENI, this operation does not return the EnableRSS parameter".
            if (eni.rssConfigured != null) {
                enhanced.put("EnableRss", eni.rssConfigured);
            }
        }
    }

    /** The create-and-modify parameters of an ENI, validated before anything changes. */
    private record EniSettings(Optional<String> name, Optional<String> description, List<String> securityGroupIds,
                               Optional<Integer> queueNumber, Optional<Integer> tcpEstablished, Optional<Integer> tcpTimeWait,
                               Optional<Integer> udp, Optional<Boolean> enableRss) {
    }

    private EniSettings settings(ApiRequest request, List<String> securityGroupIds) {
        Optional<String> name = request.optional("NetworkInterfaceName");
        name.ifPresent(n -> {
            if (!ENI_NAME.matcher(n).matches() || n.startsWith("http://") || n.startsWith("https://")) {
                throw OpenApiException.invalidParameter("NetworkInterfaceName", n,
                        "The name must be 2 to 128 characters long, start with a letter, and may contain digits, colons (:), underscores (_), periods (.) and hyphens (-).");
            }
        });
        Optional<String> description = request.optional("Description");
        description.ifPresent(d -> {
            if (d.length() < 2 || d.length() > 256 || d.startsWith("http://") || d.startsWith("https://")) {
                throw OpenApiException.invalidParameter("Description", d,
                        "The description must be 2 to 256 characters long and must not start with http:// or https://.");
            }
        });
        if (securityGroupIds.size() > 5) {
            throw OpenApiException.invalidParameter("SecurityGroupIds", securityGroupIds.size() + " groups", "An ENI can join 1 to 5 security groups.");
        }
        Optional<Integer> queues = request.optionalInt("QueueNumber", 1, 2048);
        if (queues.isEmpty()) {
            queues = request.optionalInt("NetworkInterfaceTrafficConfig.QueueNumber", 1, 2048);
        }
        Optional<Integer> tcpEstablished = request.optionalIntIn("ConnectionTrackingConfiguration.TcpEstablishedTimeout",
                TCP_ESTABLISHED_TIMEOUTS, "30, 60, 80, 100, 200, 300, 500, 700, 910 (default 910)");
        Optional<Integer> tcpTimeWait = request.optionalInt("ConnectionTrackingConfiguration.TcpClosedAndTimeWaitTimeout", 3, 15);
        Optional<Integer> udp = request.optionalIntIn("ConnectionTrackingConfiguration.UdpTimeout",
                UDP_TIMEOUTS, "10, 20, 30, 60, 80, 100 (default 30)");
        Optional<Boolean> rss = request.optionalBoolean("EnhancedNetwork.EnableRss");
        return new EniSettings(name, description, securityGroupIds, queues, tcpEstablished, tcpTimeWait, udp, rss);
    }

    private List<CloudModel.SecurityGroup> securityGroups(String regionId, List<String> ids, String vpcId) {
        List<CloudModel.SecurityGroup> groups = new ArrayList<>();
        for (String id : ids) {
            CloudModel.SecurityGroup group = cloud.findSecurityGroup(regionId, id)
                    .orElseThrow(() -> OpenApiException.notFound("InvalidSecurityGroupId.NotFound", "security group", id));
            if (!group.vpcId.equals(vpcId)) {
                throw new OpenApiException(403, "InvalidOperation.VpcMismatch",
                        "The security group " + id + " belongs to " + group.vpcId + ", not to the ENI's VPC " + vpcId + ".");
            }
            groups.add(group);
        }
        return groups;
    }

    /** The custom-RSS gates: the region's roll-out, the invitational preview, the instance type. */
    private void checkRssAllowed(String regionId, String instanceTypeOrNull) {
        CloudModel.Region region = cloud.region(regionId);
        if (!region.rssRolledOut()) {
            String where = cloud.regions.values().stream().filter(CloudModel.Region::rssRolledOut)
                    .map(CloudModel.Region::id).collect(Collectors.joining(", "));
            throw new OpenApiException(400, "Forbidden.RegionId",
                    "The service is unavailable in the current region: custom RSS (EnhancedNetwork.EnableRss) is not available in "
                            + regionId + " yet; it is available in " + where + ".");
        }
        if (!cloud.rssPreviewGranted()) {
            throw new OpenApiException(403, SandboxErrorCodes.RSS_NOT_IN_PREVIEW,
                    "The custom RSS feature (EnhancedNetwork.EnableRss) is in invitational preview and this account is not in its white list; submit a ticket to apply for it.");
        }
        if (instanceTypeOrNull != null && !cloud.instanceTypes.get(instanceTypeOrNull).rssSupport()) {
            throw new OpenApiException(403, SandboxErrorCodes.INSTANCE_TYPE_NOT_SUPPORTED,
                    "The instance type " + instanceTypeOrNull + " does not support custom RSS (RssSupport=false in DescribeInstanceTypes); use e.g. ecs.g9i or ecs.r9i.");
        }
    }

    private void createNetworkInterface(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> token = request.optional("ClientToken");
        if (token.isPresent()) {
            if (token.get().length() > 64 || !token.get().chars().allMatch(c -> c > 32 && c < 127)) {
                throw OpenApiException.invalidParameter("ClientToken", token.get(), "It must be 1 to 64 printable ASCII characters.");
            }
            String key = "CreateNetworkInterface/" + regionId + "/" + token.get();
            String fingerprint = fingerprint(request);
            String known = cloud.clientTokens.get(key);
            if (known != null) {
                String[] idAndPrint = known.split("\n", 2);
                if (!idAndPrint[1].equals(fingerprint)) {
                    throw new OpenApiException(400, "IdempotenceParamNotMatch",
                            "Request uses a client token in a previous request but is not identical to that request.");
                }
                CloudModel.NetworkInterface existing = cloud.networkInterfaces.get(idAndPrint[0]);
                if (existing != null) {
                    renderCreated(response, existing);
                    return;
                }
            }
        }
        String vSwitchId = request.required("VSwitchId");
        CloudModel.VSwitch vSwitch = cloud.findVSwitch(regionId, vSwitchId)
                .orElseThrow(() -> OpenApiException.notFound("InvalidVSwitchId.NotFound", "VSwitch", vSwitchId));
        List<String> sgIds = new ArrayList<>(request.list("SecurityGroupIds"));
        request.optional("SecurityGroupId").ifPresent(id -> sgIds.add(0, id));
        if (sgIds.isEmpty()) {
            throw OpenApiException.missingParameter("SecurityGroupId");
        }
        EniSettings settings = settings(request, sgIds);
        securityGroups(regionId, sgIds, vSwitch.vpcId());
        Optional<String> primaryIp = request.optional("PrimaryIpAddress");
        primaryIp.ifPresent(ip -> {
            if (!inCidr(ip, vSwitch.cidr())) {
                throw OpenApiException.invalidParameter("PrimaryIpAddress", ip, "The address must lie in the VSwitch's CIDR block " + vSwitch.cidr() + ".");
            }
            if (cloud.ipInUse(ip, vSwitchId)) {
                throw new OpenApiException(403, "InvalidIp.IpRepeated", "The specified IP " + ip + " is already in use in " + vSwitchId + ".");
            }
        });
        if (settings.enableRss().orElse(false)) {
            checkRssAllowed(regionId, null);
        }
        CloudModel.NetworkInterface eni = new CloudModel.NetworkInterface();
        eni.id = cloud.newId("eni", regionId);
        eni.regionId = regionId;
        eni.zoneId = vSwitch.zoneId();
        eni.vpcId = vSwitch.vpcId();
        eni.vSwitchId = vSwitchId;
        eni.privateIp = primaryIp.orElseGet(() -> cloud.newPrivateIp(vSwitch));
        eni.mac = cloud.newMac();
        eni.primary = false;
        eni.status = "Available";
        eni.created = cloud.clock().instant();
        eni.securityGroupIds = new ArrayList<>(sgIds);
        apply(eni, settings);
        cloud.networkInterfaces.put(eni.id, eni);
        token.ifPresent(t -> cloud.clientTokens.put("CreateNetworkInterface/" + regionId + "/" + t, eni.id + "\n" + fingerprint(request)));
        renderCreated(response, eni);
    }

    private static String fingerprint(ApiRequest request) {
        Set<String> common = Set.of("Signature", "SignatureNonce", "Timestamp", "AccessKeyId", "SignatureMethod",
                "SignatureVersion", "Format", "Version", "SecurityToken", "SignatureType");
        return new TreeMap<>(request.parameters()).entrySet().stream()
                .filter(e -> !common.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
    }

    private void renderCreated(ObjectNode response, CloudModel.NetworkInterface eni) {
        response.put("NetworkInterfaceId", eni.id);
        response.put("Status", eni.status);
        response.put("Type", "Secondary");
        response.put("VpcId", eni.vpcId);
        response.put("VSwitchId", eni.vSwitchId);
        response.put("ZoneId", eni.zoneId);
        response.put("PrivateIpAddress", eni.privateIp);
        response.put("MacAddress", eni.mac);
        response.put("NetworkInterfaceName", eni.name);
        response.put("Description", eni.description);
        response.put("ResourceGroupId", RESOURCE_GROUP);
        response.put("ServiceManaged", false);
        response.put("OwnerId", OWNER_ID);
        Json.strings(response, "SecurityGroupIds", "SecurityGroupId", eni.securityGroupIds);
        ObjectNode ip = Json.list(response, "PrivateIpSets", "PrivateIpSet").addObject();
        ip.put("PrivateIpAddress", eni.privateIp);
        ip.put("Primary", true);
        Json.list(response, "Ipv6Sets", "Ipv6Set");
        Json.list(response, "Tags", "Tag");
    }

    private static void apply(CloudModel.NetworkInterface eni, EniSettings settings) {
        settings.name().ifPresent(n -> eni.name = n);
        settings.description().ifPresent(d -> eni.description = d);
        settings.queueNumber().ifPresent(q -> eni.queueNumber = q);
        settings.tcpEstablished().ifPresent(v -> eni.tcpEstablishedTimeout = v);
        settings.tcpTimeWait().ifPresent(v -> eni.tcpClosedAndTimeWaitTimeout = v);
        settings.udp().ifPresent(v -> eni.udpTimeout = v);
        settings.enableRss().ifPresent(v -> eni.rssConfigured = v);
    }

    private void modifyNetworkInterfaceAttribute(ApiRequest request, ObjectNode response) {
        CloudModel.NetworkInterface eni = eni(request);
        List<String> sgIds = request.list("SecurityGroupId");
        EniSettings settings = settings(request, sgIds);
        if (!sgIds.isEmpty()) {
            securityGroups(eni.regionId, sgIds, eni.vpcId);
        }
        CloudModel.Instance instance = eni.instanceId == null ? null : cloud.instances.get(eni.instanceId);
        if (settings.queueNumber().isPresent()) {
            if (eni.primary) {
                throw new OpenApiException(403, "InvalidOperation.InvalidEniType", "Only the queue number of a secondary ENI can be modified.");
            }
            if (instance != null) {
                if (!"Stopped".equals(instance.status)) {
                    throw new OpenApiException(400, "InvalidOperation.InvalidEcsState",
                            "The queue number of an attached ENI can be modified only while its instance is Stopped; " + instance.id + " is " + instance.status + ".");
                }
                int max = cloud.instanceTypes.get(instance.instanceType).maximumQueueNumberPerEni();
                if (settings.queueNumber().get() > max) {
                    throw OpenApiException.invalidParameter("QueueNumber", String.valueOf(settings.queueNumber().get()),
                            "The instance type " + instance.instanceType + " allows at most " + max + " queues per ENI (MaximumQueueNumberPerEni).");
                }
            } else if (!"Available".equals(eni.status)) {
                throw invalidEniState(eni, "Available");
            }
        }
        if (settings.enableRss().orElse(false)) {
            checkRssAllowed(eni.regionId, instance == null ? null : instance.instanceType);
        }
        apply(eni, settings);
        if (!sgIds.isEmpty()) {
            eni.securityGroupIds = new ArrayList<>(sgIds);
        }
        request.optionalBoolean("DeleteOnRelease");
    }

    private void deleteNetworkInterface(ApiRequest request, ObjectNode response) {
        CloudModel.NetworkInterface eni = eni(request);
        if (eni.primary) {
            throw new OpenApiException(403, "InvalidOperation.InvalidEniType", "The primary ENI of an instance cannot be deleted.");
        }
        if (!"Available".equals(eni.status)) {
            throw invalidEniState(eni, "Available");
        }
        boolean hasEip = cloud.eips.values().stream().anyMatch(e -> eni.id.equals(e.instanceId));
        if (hasEip) {
            throw new OpenApiException(403, "InvalidOperation.EipBound",
                    "The ENI " + eni.id + " still has an EIP associated; unassociate it first (UnassociateEipAddress).");
        }
        cloud.networkInterfaces.remove(eni.id);
    }

    private void attachNetworkInterface(ApiRequest request, ObjectNode response) {
        CloudModel.NetworkInterface eni = eni(request);
        String instanceId = request.required("InstanceId");
        CloudModel.Instance instance = cloud.findInstance(request.regionId(), instanceId)
                .orElseThrow(() -> new OpenApiException(404, "InvalidEcsId.NotFound", "The specified instance \"" + instanceId + "\" does not exist."));
        // DeviceIndex is not in aliyun-java-sdk-ecs 5.11.7's typed request; the seed's CLI line sends it, so it is read raw.
        Optional<Integer> deviceIndex = request.optionalInt("DeviceIndex");
        request.optionalInt("NetworkCardIndex", 0, 0);
        if (eni.primary) {
            throw new OpenApiException(403, "InvalidOperation.InvalidEniType", "A primary ENI cannot be attached to another instance.");
        }
        if (!"Available".equals(eni.status)) {
            throw invalidEniState(eni, "Available");
        }
        if (!"Running".equals(instance.status) && !"Stopped".equals(instance.status)) {
            throw new OpenApiException(400, "InvalidOperation.InvalidEcsState",
                    "The operation is not supported while the instance " + instance.id + " is " + instance.status + "; it must be Running or Stopped.");
        }
        if (!eni.zoneId.equals(instance.zoneId)) {
            throw new OpenApiException(403, "InvalidOperation.AvailabilityZoneMismatch",
                    "The ENI is in zone " + eni.zoneId + " but the instance is in zone " + instance.zoneId + ".");
        }
        if (!eni.vpcId.equals(instance.vpcId)) {
            throw new OpenApiException(403, "InvalidOperation.VpcMismatch",
                    "The ENI is in " + eni.vpcId + " but the instance is in " + instance.vpcId + ".");
        }
        CloudModel.InstanceType type = cloud.instanceTypes.get(instance.instanceType);
        List<CloudModel.NetworkInterface> attached = cloud.networkInterfaces.values().stream()
                .filter(n -> instance.id.equals(n.instanceId)).toList();
        if (attached.size() >= type.eniQuantity()) {
            throw new OpenApiException(403, "EniPerInstanceLimitExceeded",
                    "The instance type " + type.id() + " allows " + type.eniQuantity() + " ENIs; " + instance.id + " has " + attached.size() + ".");
        }
        Set<Integer> used = attached.stream().map(n -> n.deviceIndex).collect(Collectors.toSet());
        int index;
        if (deviceIndex.isPresent()) {
            index = deviceIndex.get();
            if (index < 1 || index >= type.eniQuantity()) {
                throw OpenApiException.invalidParameter("DeviceIndex", String.valueOf(index),
                        "Allowed values for " + type.id() + ": 1 to " + (type.eniQuantity() - 1) + " (0 is the primary ENI).");
            }
            if (used.contains(index)) {
                throw OpenApiException.invalidParameter("DeviceIndex", String.valueOf(index),
                        "Device index " + index + " is already taken on " + instance.id + ".");
            }
        } else {
            index = 1;
            while (used.contains(index)) {
                index++;
            }
        }
        int queues = eni.queueNumber > 0 ? eni.queueNumber : type.secondaryEniQueueNumber();
        if (queues > type.maximumQueueNumberPerEni()) {
            throw new OpenApiException(403, SandboxErrorCodes.QUEUE_NUMBER_EXCEEDED,
                    "The ENI has " + queues + " queues but " + type.id() + " allows at most " + type.maximumQueueNumberPerEni() + " per ENI.");
        }
        if (eni.rss() && !type.rssSupport()) {
            throw new OpenApiException(403, SandboxErrorCodes.INSTANCE_TYPE_NOT_SUPPORTED,
                    "The ENI has custom RSS enabled but the instance type " + type.id() + " does not support it (RssSupport=false).");
        }
        eni.status = "Attaching";
        eni.instanceId = instance.id;
        eni.deviceIndex = index;
        eni.queueNumber = queues;
        cloud.schedule(() -> {
            eni.status = "InUse";
            // The seed: custom RSS "takes effect after the ENI is attached to an instance".
            eni.rssEffective = eni.rss();
            if ("Running".equals(instance.status)) {
                NicEvent nic = SimulatedCloud.nicEvent(eni);
                cloud.queueEvent(l -> l.networkInterfaceAttached(nic));
            }
        });
    }

    private void detachNetworkInterface(ApiRequest request, ObjectNode response) {
        CloudModel.NetworkInterface eni = eni(request);
        String instanceId = request.required("InstanceId");
        CloudModel.Instance instance = cloud.findInstance(request.regionId(), instanceId)
                .orElseThrow(() -> new OpenApiException(404, "InvalidEcsId.NotFound", "The specified instance \"" + instanceId + "\" does not exist."));
        if (eni.primary) {
            throw new OpenApiException(400, "InvalidOperation.DetachPrimaryEniNotAllowed", "The primary ENI of an instance cannot be detached.");
        }
        if (!"InUse".equals(eni.status)) {
            throw invalidEniState(eni, "InUse");
        }
        if (!instance.id.equals(eni.instanceId)) {
            throw new OpenApiException(400, "InvalidParameter",
                    "The ENI " + eni.id + " is attached to " + eni.instanceId + ", not to " + instance.id + ".");
        }
        if (!"Running".equals(instance.status) && !"Stopped".equals(instance.status)) {
            throw new OpenApiException(400, "InvalidOperation.InvalidEcsState",
                    "The operation is not supported while the instance " + instance.id + " is " + instance.status + "; it must be Running or Stopped.");
        }
        NicEvent before = SimulatedCloud.nicEvent(eni);
        eni.status = "Detaching";
        cloud.schedule(() -> {
            eni.status = "Available";
            eni.instanceId = null;
            eni.deviceIndex = -1;
            eni.rssEffective = false;
            if ("Running".equals(instance.status)) {
                cloud.queueEvent(l -> l.networkInterfaceDetached(before));
            }
        });
    }

    // ---- security groups ----------------------------------------------------------------------------

    private CloudModel.SecurityGroup securityGroup(ApiRequest request) {
        String id = request.required("SecurityGroupId");
        return cloud.findSecurityGroup(request.regionId(), id)
                .orElseThrow(() -> OpenApiException.notFound("InvalidSecurityGroupId.NotFound", "security group", id));
    }

    private void describeSecurityGroups(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> vpcId = request.optional("VpcId");
        Optional<String> id = request.optional("SecurityGroupId");
        List<String> ids = request.jsonStringArray("SecurityGroupIds");
        Optional<String> name = request.optional("SecurityGroupName");
        List<CloudModel.SecurityGroup> matches = cloud.securityGroups.values().stream()
                .filter(g -> g.regionId.equals(regionId))
                .filter(g -> vpcId.map(g.vpcId::equals).orElse(true))
                .filter(g -> id.map(g.id::equals).orElse(true))
                .filter(g -> ids.isEmpty() || ids.contains(g.id))
                .filter(g -> name.map(g.name::equals).orElse(true))
                .toList();
        response.put("RegionId", regionId);
        ArrayNode out = Json.list(response, "SecurityGroups", "SecurityGroup");
        for (CloudModel.SecurityGroup group : page(request, response, matches, 100)) {
            ObjectNode g = out.addObject();
            g.put("SecurityGroupId", group.id);
            g.put("SecurityGroupName", group.name);
            g.put("Description", group.description);
            g.put("VpcId", group.vpcId);
            g.put("SecurityGroupType", "normal");
            g.put("CreationTime", Json.seconds(group.created));
            long ecsCount = cloud.instances.values().stream().filter(i -> i.securityGroupIds.contains(group.id)).count();
            g.put("EcsCount", ecsCount);
            g.put("AvailableInstanceAmount", 2000 - ecsCount);
            g.put("ResourceGroupId", RESOURCE_GROUP);
            g.put("ServiceManaged", false);
            Json.list(g, "Tags", "Tag");
        }
    }

    private void describeSecurityGroupAttribute(ApiRequest request, ObjectNode response) {
        CloudModel.SecurityGroup group = securityGroup(request);
        String direction = request.optional("Direction").orElse("all");
        if (!Set.of("ingress", "egress", "all").contains(direction)) {
            throw OpenApiException.invalidParameter("Direction", direction, "Allowed values: ingress, egress, all.");
        }
        response.put("RegionId", group.regionId);
        response.put("SecurityGroupId", group.id);
        response.put("SecurityGroupName", group.name);
        response.put("Description", group.description);
        response.put("VpcId", group.vpcId);
        response.put("InnerAccessPolicy", "Accept");
        ArrayNode permissions = Json.list(response, "Permissions", "Permission");
        group.rules.stream()
                .filter(r -> "all".equals(direction) || r.direction().equals(direction))
                .sorted(Comparator.comparing(CloudModel.Rule::created))
                .forEach(rule -> {
                    ObjectNode p = permissions.addObject();
                    p.put("SecurityGroupRuleId", rule.ruleId());
                    p.put("Direction", rule.direction());
                    // The real answers show protocol and policy capitalised (TCP, Accept).
                    p.put("IpProtocol", rule.ipProtocol().toUpperCase(Locale.ROOT));
                    p.put("PortRange", rule.portRange());
                    p.put("SourcePortRange", "");
                    p.put("SourceCidrIp", rule.sourceCidrIp());
                    p.put("SourceGroupId", "");
                    p.put("SourceGroupName", "");
                    p.put("SourceGroupOwnerAccount", "");
                    p.put("SourcePrefixListId", "");
                    p.put("DestCidrIp", rule.destCidrIp());
                    p.put("DestGroupId", "");
                    p.put("Ipv6SourceCidrIp", "");
                    p.put("Ipv6DestCidrIp", "");
                    p.put("Policy", "accept".equalsIgnoreCase(rule.policy()) ? "Accept" : "Drop");
                    p.put("Priority", String.valueOf(rule.priority()));
                    p.put("NicType", rule.nicType());
                    p.put("Description", rule.description());
                    p.put("CreateTime", Json.seconds(rule.created()));
                });
    }

    private void authorizeSecurityGroup(ApiRequest request, ObjectNode response) {
        CloudModel.SecurityGroup group = securityGroup(request);
        List<CloudModel.Rule> rules = new ArrayList<>();
        if (request.optional("Permissions.1.IpProtocol").isPresent()) {
            for (int n = 1; request.optional("Permissions." + n + ".IpProtocol").isPresent(); n++) {
                rules.add(rule(request, "Permissions." + n + "."));
            }
        } else {
            rules.add(rule(request, ""));
        }
        for (CloudModel.Rule rule : rules) {
            // The real API answers success and adds nothing when an identical rule exists.
            if (group.rules.stream().noneMatch(rule::sameAs)) {
                if (group.rules.size() >= 200) {
                    throw new OpenApiException(403, "AuthorizationLimitExceed", "The limit of authorization records in the security group reaches (200 rules).");
                }
                group.rules.add(rule);
            }
        }
    }

    private void revokeSecurityGroup(ApiRequest request, ObjectNode response) {
        CloudModel.SecurityGroup group = securityGroup(request);
        List<String> ruleIds = request.list("SecurityGroupRuleId");
        if (!ruleIds.isEmpty()) {
            for (String ruleId : ruleIds) {
                if (group.rules.stream().noneMatch(r -> r.ruleId().equals(ruleId))) {
                    throw new OpenApiException(400, "InvalidSecurityGroupRule.RuleNotExist",
                            "The security group rule " + ruleId + " does not exist in " + group.id + ".");
                }
            }
            group.rules.removeIf(r -> ruleIds.contains(r.ruleId()));
            return;
        }
        List<CloudModel.Rule> rules = new ArrayList<>();
        if (request.optional("Permissions.1.IpProtocol").isPresent()) {
            for (int n = 1; request.optional("Permissions." + n + ".IpProtocol").isPresent(); n++) {
                rules.add(rule(request, "Permissions." + n + "."));
            }
        } else {
            rules.add(rule(request, ""));
        }
        // Like the real API, revoking a rule that is not there succeeds and changes nothing.
        for (CloudModel.Rule rule : rules) {
            group.rules.removeIf(rule::sameAs);
        }
    }

    private CloudModel.Rule rule(ApiRequest request, String prefix) {
        String protocol = request.optional(prefix + "IpProtocol").orElseThrow(() -> OpenApiException.missingParameter(prefix + "IpProtocol"));
        String p = protocol.toLowerCase(Locale.ROOT);
        if (!Set.of("tcp", "udp", "icmp", "icmpv6", "gre", "all").contains(p)) {
            throw new OpenApiException(400, "InvalidIpProtocol.Malformed",
                    "The specified parameter \"IpProtocol\" is not valid: \"" + protocol + "\". Allowed values: TCP, UDP, ICMP, ICMPv6, GRE, ALL.");
        }
        String portRange = request.optional(prefix + "PortRange").orElseThrow(() -> OpenApiException.missingParameter(prefix + "PortRange"));
        checkPortRange(p, portRange);
        Optional<String> source = request.optional(prefix + "SourceCidrIp");
        if (source.isEmpty()) {
            throw OpenApiException.missingParameter(prefix + "SourceCidrIp");
        }
        if (!validCidr(source.get())) {
            throw new OpenApiException(400, "InvalidSourceCidrIp.Malformed",
                    "The specified parameter \"SourceCidrIp\" is not valid: \"" + source.get() + "\". Use an IPv4 address or CIDR block such as 10.0.0.0/8.");
        }
        String dest = request.optional(prefix + "DestCidrIp").orElse("");
        if (!dest.isEmpty() && !validCidr(dest)) {
            throw new OpenApiException(400, "InvalidDestCidrIp.Malformed",
                    "The specified parameter \"DestCidrIp\" is not valid: \"" + dest + "\". Use an IPv4 address or CIDR block.");
        }
        int priority = request.optionalInt(prefix + "Priority").orElse(1);
        if (priority < 1 || priority > 100) {
            throw new OpenApiException(400, "InvalidPriority.Malformed",
                    "The specified parameter \"Priority\" is not valid: " + priority + ". Allowed values: 1 to 100 (1 is the highest).");
        }
        String policy = request.optional(prefix + "Policy").orElse("accept");
        if (!"accept".equalsIgnoreCase(policy) && !"drop".equalsIgnoreCase(policy)) {
            throw new OpenApiException(400, "InvalidPolicy.Malformed",
                    "The specified parameter \"Policy\" is not valid: \"" + policy + "\". Allowed values: accept, drop.");
        }
        String nicType = request.optional(prefix + "NicType").orElse("intranet");
        if (!"intranet".equals(nicType)) {
            throw new OpenApiException(400, "InvalidNicType.ValueNotSupported",
                    "The specified parameter \"NicType\" is not valid: \"" + nicType + "\". A VPC security group accepts only intranet.");
        }
        String description = request.optional(prefix + "Description").orElse("");
        if (description.length() > 512 || description.startsWith("http://") || description.startsWith("https://")) {
            throw new OpenApiException(400, "InvalidDescription.Malformed",
                    "The specified parameter \"Description\" is not valid: it must be at most 512 characters and must not start with http:// or https://.");
        }
        return new CloudModel.Rule(cloud.newId("sgr", request.regionId()), "ingress", p, portRange, source.get(), dest,
                priority, policy.toLowerCase(Locale.ROOT), nicType, description, cloud.clock().instant());
    }

    private static void checkPortRange(String protocol, String portRange) {
        String[] parts = portRange.split("/", -1);
        boolean any = "-1/-1".equals(portRange);
        boolean ok;
        if (Set.of("icmp", "icmpv6", "gre", "all").contains(protocol)) {
            ok = any;
        } else {
            ok = false;
            if (parts.length == 2) {
                try {
                    int from = Integer.parseInt(parts[0]);
                    int to = Integer.parseInt(parts[1]);
                    ok = from >= 1 && to <= 65535 && from <= to;
                } catch (NumberFormatException e) {
                    ok = false;
                }
            }
        }
        if (!ok) {
            throw new OpenApiException(400, "InvalidPortRange.Malformed",
                    "The specified parameter \"PortRange\" is not valid: \"" + portRange + "\". For TCP and UDP use from/to with 1 <= from <= to <= 65535 (e.g. 8000/9000); for ICMP, GRE and ALL use -1/-1.");
        }
    }

    static boolean validCidr(String text) {
        var m = CIDR.matcher(text);
        if (!m.matches()) {
            return false;
        }
        for (int g = 1; g <= 4; g++) {
            if (Integer.parseInt(m.group(g)) > 255) {
                return false;
            }
        }
        return m.group(6) == null || Integer.parseInt(m.group(6)) <= 32;
    }

    static boolean inCidr(String ip, String cidr) {
        if (!validCidr(ip) || ip.contains("/")) {
            return false;
        }
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = value << 8 | Integer.parseInt(octet);
        }
        return value;
    }

    // ---- paging -------------------------------------------------------------------------------------

    /** PageNumber/PageSize paging as the Describe calls do it, writing TotalCount, PageNumber, PageSize. */
    static <T> List<T> page(ApiRequest request, ObjectNode response, List<T> all, int maxPageSize) {
        if (request.optional("NextToken").isPresent() || request.optional("MaxResults").isPresent()) {
            int max = request.optionalInt("MaxResults", 1, maxPageSize).orElse(Math.min(100, maxPageSize));
            int start = request.optional("NextToken").map(t -> {
                try {
                    return Integer.parseInt(t);
                } catch (NumberFormatException e) {
                    throw OpenApiException.invalidParameter("NextToken", t, "Pass the NextToken of the previous answer unchanged.");
                }
            }).orElse(0);
            int end = Math.min(all.size(), start + max);
            response.put("NextToken", end < all.size() ? String.valueOf(end) : "");
            response.put("TotalCount", all.size());
            return start >= all.size() ? List.of() : all.subList(start, end);
        }
        int pageNumber = request.optionalInt("PageNumber", 1, Integer.MAX_VALUE).orElse(1);
        int pageSize = request.optionalInt("PageSize", 1, maxPageSize).orElse(10);
        response.put("TotalCount", all.size());
        response.put("PageNumber", pageNumber);
        response.put("PageSize", pageSize);
        int start = (pageNumber - 1) * pageSize;
        if (start >= all.size()) {
            return List.of();
        }
        return all.subList(start, Math.min(all.size(), start + pageSize));
    }
}
