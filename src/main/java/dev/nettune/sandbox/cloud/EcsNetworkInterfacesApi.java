package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The ECS ENI actions: create, attach, detach, delete, describe, and modify with connection-tracking timeouts and custom RSS.
 */
final class EcsNetworkInterfacesApi {
    /** Allowed ConnectionTrackingConfiguration values (eni-connection-timeouts.txt). */
    static final Set<Integer> TCP_ESTABLISHED_TIMEOUTS = Set.of(30, 60, 80, 100, 200, 300, 500, 700, 910);
    static final Set<Integer> UDP_TIMEOUTS = Set.of(10, 20, 30, 60, 80, 100);
    private static final Pattern ENI_NAME = Pattern.compile("[A-Za-z\\u4e00-\\u9fa5][A-Za-z0-9\\u4e00-\\u9fa5:_.-]{1,127}");
    private static final Set<String> ATTRIBUTES = Set.of("attachment", "connectionTrackingConfiguration", "enhancedNetwork",
            "networkInterfaceTrafficConfig");

    private final SimulatedCloud cloud;

    EcsNetworkInterfacesApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("DescribeNetworkInterfaces", this::describeNetworkInterfaces);
        handlers.put("DescribeNetworkInterfaceAttribute", this::describeNetworkInterfaceAttribute);
        handlers.put("CreateNetworkInterface", this::createNetworkInterface);
        handlers.put("DeleteNetworkInterface", this::deleteNetworkInterface);
        handlers.put("AttachNetworkInterface", this::attachNetworkInterface);
        handlers.put("DetachNetworkInterface", this::detachNetworkInterface);
        handlers.put("ModifyNetworkInterfaceAttribute", this::modifyNetworkInterfaceAttribute);
        return handlers;
    }

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
        for (CloudModel.NetworkInterface eni : EcsApi.page(request, response, matches, 1000)) {
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
        n.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
        n.put("ServiceManaged", false);
        n.put("OwnerId", EcsApi.OWNER_ID);
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
            if (!EcsSecurityGroupsApi.inCidr(ip, vSwitch.cidr())) {
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
        response.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
        response.put("ServiceManaged", false);
        response.put("OwnerId", EcsApi.OWNER_ID);
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
}
