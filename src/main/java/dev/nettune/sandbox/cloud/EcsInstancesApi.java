package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ECS instance actions: describe, stop, start and reboot (a reboot makes the primary ENI's RSS setting take effect).
 */
final class EcsInstancesApi {

    private final SimulatedCloud cloud;

    EcsInstancesApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("DescribeInstances", this::describeInstances);
        handlers.put("StopInstance", this::stopInstance);
        handlers.put("StartInstance", this::startInstance);
        handlers.put("RebootInstance", this::rebootInstance);
        return handlers;
    }

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
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>();
        for (int n = 1; request.optional("Tag." + n + ".Key").isPresent(); n++) {
            tags.put(request.required("Tag." + n + ".Key"), request.optional("Tag." + n + ".Value").orElse(""));
        }
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
                .filter(i -> tags.entrySet().stream().allMatch(t -> t.getValue().equals(i.tags.get(t.getKey()))))
                .toList();
        ArrayNode out = Json.list(response, "Instances", "Instance");
        for (CloudModel.Instance instance : EcsApi.page(request, response, matches, 100)) {
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
        i.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
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
        ArrayNode tagList = Json.list(i, "Tags", "Tag");
        instance.tags.forEach((k, v) -> {
            ObjectNode t = tagList.addObject();
            t.put("TagKey", k);
            t.put("TagValue", v);
        });
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
}
