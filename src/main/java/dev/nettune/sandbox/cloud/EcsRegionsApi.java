package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECS actions that describe the simulated cloud itself: regions, zones and instance types.
 */
final class EcsRegionsApi {

    private final SimulatedCloud cloud;

    EcsRegionsApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("DescribeRegions", this::describeRegions);
        handlers.put("DescribeZones", this::describeZones);
        handlers.put("DescribeInstanceTypes", this::describeInstanceTypes);
        return handlers;
    }

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
}
