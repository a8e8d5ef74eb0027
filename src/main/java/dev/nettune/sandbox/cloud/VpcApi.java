package dev.nettune.sandbox.cloud;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The VPC (2016-04-28) actions of the simulated region: elastic IP addresses, allocated, associated
 * with an instance or an ENI (Mode NAT, MULTI_BINDED or BINDED), unassociated, described, released.
 */
final class VpcApi {
    private static final Set<String> MODES = Set.of("NAT", "MULTI_BINDED", "BINDED");

    private final SimulatedCloud cloud;

    VpcApi(SimulatedCloud cloud) {
        this.cloud = cloud;
    }

    Map<String, ApiHandler> handlers() {
        Map<String, ApiHandler> handlers = new LinkedHashMap<>();
        handlers.put("AllocateEipAddress", this::allocateEipAddress);
        handlers.put("AssociateEipAddress", this::associateEipAddress);
        handlers.put("UnassociateEipAddress", this::unassociateEipAddress);
        handlers.put("DescribeEipAddresses", this::describeEipAddresses);
        handlers.put("ReleaseEipAddress", this::releaseEipAddress);
        handlers.put("DescribeVpcs", this::describeVpcs);
        handlers.put("DescribeVSwitches", this::describeVSwitches);
        return handlers;
    }

    private CloudModel.Eip eip(ApiRequest request) {
        String id = request.required("AllocationId");
        return cloud.findEip(request.regionId(), id)
                .orElseThrow(() -> new OpenApiException(404, "InvalidAllocationId.NotFound", "Specified allocation ID \"" + id + "\" is not found."));
    }

    private static OpenApiException incorrectEipStatus(CloudModel.Eip eip, String expected) {
        return new OpenApiException(400, "IncorrectEipStatus",
                "The current status of the resource does not support this operation. The EIP " + eip.allocationId + " is "
                        + eip.status + "; this operation needs it " + expected + ".");
    }

    private void allocateEipAddress(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> token = request.optional("ClientToken");
        String tokenKey = token.map(t -> "AllocateEipAddress/" + regionId + "/" + t).orElse(null);
        if (tokenKey != null && cloud.clientTokens.containsKey(tokenKey)) {
            CloudModel.Eip existing = cloud.eips.get(cloud.clientTokens.get(tokenKey));
            if (existing != null) {
                renderAllocated(response, existing);
                return;
            }
        }
        int bandwidth = request.optionalInt("Bandwidth", 1, 500).orElse(5);
        String chargeType = request.optional("InternetChargeType").orElse("PayByTraffic");
        if (!Set.of("PayByTraffic", "PayByBandwidth").contains(chargeType)) {
            throw OpenApiException.invalidParameter("InternetChargeType", chargeType, "Allowed values: PayByTraffic, PayByBandwidth.");
        }
        CloudModel.Eip eip = new CloudModel.Eip();
        eip.allocationId = cloud.newId("eip", regionId);
        eip.regionId = regionId;
        eip.bandwidthMbps = bandwidth;
        eip.allocated = cloud.clock().instant();
        eip.name = request.optional("Name").orElse("");
        eip.description = request.optional("Description").orElse("");
        eip.ipAddress = newPublicIp();
        cloud.eips.put(eip.allocationId, eip);
        if (tokenKey != null) {
            cloud.clientTokens.put(tokenKey, eip.allocationId);
        }
        renderAllocated(response, eip);
    }

    private String newPublicIp() {
        for (int n = 0; ; n++) {
            String ip = "47.242." + (10 + n / 200) + "." + (20 + n % 200);
            if (cloud.eips.values().stream().noneMatch(e -> e.ipAddress.equals(ip))) {
                return ip;
            }
        }
    }

    private static void renderAllocated(ObjectNode response, CloudModel.Eip eip) {
        response.put("AllocationId", eip.allocationId);
        response.put("EipAddress", eip.ipAddress);
        response.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
        response.put("OrderId", "");
    }

    private void associateEipAddress(ApiRequest request, ObjectNode response) {
        CloudModel.Eip eip = eip(request);
        String instanceId = request.required("InstanceId");
        String instanceType = request.optional("InstanceType").orElse("EcsInstance");
        if (!Set.of("EcsInstance", "NetworkInterface").contains(instanceType)) {
            throw OpenApiException.invalidParameter("InstanceType", instanceType,
                    "The sandbox associates EIPs with EcsInstance or NetworkInterface (the real API also knows SlbInstance, Nat, HaVip, IpAddress).");
        }
        String mode = request.optional("Mode").orElse("NAT");
        if (!MODES.contains(mode)) {
            throw OpenApiException.invalidParameter("Mode", mode, "Allowed values: NAT (default), MULTI_BINDED, BINDED.");
        }
        if (!"NAT".equals(mode) && !"NetworkInterface".equals(instanceType)) {
            throw OpenApiException.invalidParameter("Mode", mode,
                    "MULTI_BINDED and BINDED apply only when InstanceType is NetworkInterface; an EcsInstance is associated in NAT mode.");
        }
        if (!"Available".equals(eip.status)) {
            throw incorrectEipStatus(eip, "Available");
        }
        String regionId = request.regionId();
        String privateIp;
        if ("EcsInstance".equals(instanceType)) {
            CloudModel.Instance instance = cloud.findInstance(regionId, instanceId)
                    .orElseThrow(() -> new OpenApiException(404, "InvalidInstanceId.NotFound", "The specified InstanceId \"" + instanceId + "\" does not exist."));
            if (!"Running".equals(instance.status) && !"Stopped".equals(instance.status)) {
                throw new OpenApiException(400, "IncorrectInstanceStatus",
                        "The current status of the resource does not support this operation. The instance " + instance.id + " is " + instance.status + ".");
            }
            boolean hasEip = cloud.eips.values().stream().anyMatch(e -> instance.id.equals(e.instanceId));
            if (hasEip) {
                throw new OpenApiException(400, "InvalidAssociation.Duplicated",
                        "The instance " + instance.id + " already has an EIP associated in NAT mode; unassociate it first.");
            }
            privateIp = cloud.networkInterfaces.get(instance.primaryEniId).privateIp;
        } else {
            CloudModel.NetworkInterface eni = cloud.findEni(regionId, instanceId)
                    .orElseThrow(() -> new OpenApiException(404, "InvalidInstanceId.NotFound", "The specified ENI \"" + instanceId + "\" does not exist."));
            List<CloudModel.Eip> onEni = cloud.eips.values().stream().filter(e -> eni.id.equals(e.instanceId)).toList();
            if ("BINDED".equals(mode)) {
                if (eni.primary) {
                    throw OpenApiException.invalidParameter("Mode", mode, "BINDED (cut-through) mode needs a secondary ENI; " + eni.id + " is a primary ENI.");
                }
                if (!"Available".equals(eni.status)) {
                    throw new OpenApiException(400, "IncorrectStatus.NetworkInterface",
                            "BINDED (cut-through) mode needs the ENI detached (Available); " + eni.id + " is " + eni.status + ".");
                }
            }
            boolean allMulti = onEni.stream().allMatch(e -> "MULTI_BINDED".equals(e.mode));
            if (!onEni.isEmpty() && !("MULTI_BINDED".equals(mode) && allMulti)) {
                throw new OpenApiException(400, "InvalidAssociation.Duplicated",
                        "The ENI " + eni.id + " already has an EIP associated; only MULTI_BINDED mode lets several EIPs share one ENI.");
            }
            privateIp = eni.privateIp;
        }
        eip.status = "Associating";
        eip.instanceId = instanceId;
        eip.instanceType = instanceType;
        eip.mode = mode;
        eip.privateIpAddress = request.optional("PrivateIpAddress").orElse(privateIp);
        cloud.schedule(() -> eip.status = "InUse");
    }

    private void unassociateEipAddress(ApiRequest request, ObjectNode response) {
        CloudModel.Eip eip = eip(request);
        String instanceId = request.required("InstanceId");
        if (!"InUse".equals(eip.status)) {
            throw incorrectEipStatus(eip, "InUse");
        }
        if (!instanceId.equals(eip.instanceId)) {
            throw new OpenApiException(400, "InvalidInstanceId.MismatchEip",
                    "The EIP " + eip.allocationId + " is associated with " + eip.instanceId + ", not with " + instanceId + ".");
        }
        eip.status = "Unassociating";
        cloud.schedule(() -> {
            eip.status = "Available";
            eip.instanceId = "";
            eip.instanceType = "";
            eip.mode = "";
            eip.privateIpAddress = "";
        });
    }

    private void releaseEipAddress(ApiRequest request, ObjectNode response) {
        CloudModel.Eip eip = eip(request);
        if (!"Available".equals(eip.status)) {
            throw incorrectEipStatus(eip, "Available");
        }
        cloud.eips.remove(eip.allocationId);
    }

    private void describeEipAddresses(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> id = request.optional("AllocationId");
        Optional<String> address = request.optional("EipAddress");
        Optional<String> instance = request.optional("AssociatedInstanceId");
        Optional<String> instanceType = request.optional("AssociatedInstanceType");
        Optional<String> status = request.optional("Status");
        List<CloudModel.Eip> matches = cloud.eips.values().stream()
                .filter(e -> e.regionId.equals(regionId))
                .filter(e -> id.map(e.allocationId::equals).orElse(true))
                .filter(e -> address.map(e.ipAddress::equals).orElse(true))
                .filter(e -> instance.map(e.instanceId::equals).orElse(true))
                .filter(e -> instanceType.map(e.instanceType::equals).orElse(true))
                .filter(e -> status.map(e.status::equals).orElse(true))
                .toList();
        ArrayNode out = Json.list(response, "EipAddresses", "EipAddress");
        for (CloudModel.Eip eip : EcsApi.page(request, response, matches, 100)) {
            ObjectNode e = out.addObject();
            e.put("AllocationId", eip.allocationId);
            e.put("IpAddress", eip.ipAddress);
            e.put("RegionId", eip.regionId);
            e.put("Status", eip.status);
            e.put("InstanceId", eip.instanceId);
            e.put("InstanceType", eip.instanceType);
            e.put("InstanceRegionId", eip.instanceId.isEmpty() ? "" : eip.regionId);
            e.put("Mode", eip.mode);
            e.put("PrivateIpAddress", eip.privateIpAddress);
            e.put("Bandwidth", String.valueOf(eip.bandwidthMbps));
            e.put("EipBandwidth", String.valueOf(eip.bandwidthMbps));
            e.put("InternetChargeType", "PayByTraffic");
            e.put("ChargeType", "PostPaid");
            e.put("AllocationTime", Json.seconds(eip.allocated));
            e.put("ExpiredTime", "");
            e.put("Name", eip.name);
            e.put("Description", eip.description);
            e.put("ISP", "BGP");
            e.put("Netmode", "public");
            e.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
            e.put("DeletionProtection", false);
            e.put("SecondLimited", false);
            e.put("ServiceManaged", 0);
            Json.list(e, "OperationLocks", "LockReason");
            Json.list(e, "Tags", "Tag");
            Json.list(e, "AvailableRegions", "AvailableRegion").add(eip.regionId);
        }
    }

    void describeVpcs(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> id = request.optional("VpcId");
        Optional<String> name = request.optional("VpcName");
        List<CloudModel.Vpc> matches = cloud.vpcs.values().stream()
                .filter(v -> v.regionId().equals(regionId))
                .filter(v -> id.map(i -> List.of(i.split(",")).contains(v.id())).orElse(true))
                .filter(v -> name.map(v.name()::equals).orElse(true))
                .toList();
        ArrayNode out = Json.list(response, "Vpcs", "Vpc");
        for (CloudModel.Vpc vpc : EcsApi.page(request, response, matches, 50)) {
            ObjectNode v = out.addObject();
            v.put("VpcId", vpc.id());
            v.put("RegionId", vpc.regionId());
            v.put("Status", "Available");
            v.put("VpcName", vpc.name());
            v.put("CidrBlock", vpc.cidr());
            v.put("Description", "");
            v.put("IsDefault", false);
            v.put("OwnerId", Long.parseLong(EcsApi.OWNER_ID));
            v.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
            v.put("VRouterId", "vrt-" + vpc.id().substring(4));
            v.put("CreationTime", "2026-11-01T08:00:00Z");
            Json.strings(v, "VSwitchIds", "VSwitchId", cloud.vSwitches.values().stream()
                    .filter(s -> s.vpcId().equals(vpc.id())).map(CloudModel.VSwitch::id).toList());
            Json.list(v, "RouterTableIds", "RouterTableIds");
            Json.list(v, "NatGatewayIds", "NatGatewayIds");
            Json.list(v, "UserCidrs", "UserCidr");
            Json.list(v, "SecondaryCidrBlocks", "SecondaryCidrBlock");
            Json.list(v, "Tags", "Tag");
        }
    }

    void describeVSwitches(ApiRequest request, ObjectNode response) {
        String regionId = request.regionId();
        cloud.region(regionId);
        Optional<String> vpcId = request.optional("VpcId");
        Optional<String> id = request.optional("VSwitchId");
        Optional<String> zoneId = request.optional("ZoneId");
        List<CloudModel.VSwitch> matches = cloud.vSwitches.values().stream()
                .filter(v -> v.regionId().equals(regionId))
                .filter(v -> vpcId.map(v.vpcId()::equals).orElse(true))
                .filter(v -> id.map(v.id()::equals).orElse(true))
                .filter(v -> zoneId.map(v.zoneId()::equals).orElse(true))
                .toList();
        ArrayNode out = Json.list(response, "VSwitches", "VSwitch");
        for (CloudModel.VSwitch vSwitch : EcsApi.page(request, response, matches, 50)) {
            ObjectNode v = out.addObject();
            v.put("VSwitchId", vSwitch.id());
            v.put("VpcId", vSwitch.vpcId());
            v.put("Status", "Available");
            v.put("CidrBlock", vSwitch.cidr());
            v.put("ZoneId", vSwitch.zoneId());
            v.put("VSwitchName", vSwitch.name());
            v.put("Description", "");
            v.put("IsDefault", false);
            v.put("OwnerId", Long.parseLong(EcsApi.OWNER_ID));
            v.put("ResourceGroupId", EcsApi.RESOURCE_GROUP);
            v.put("CreationTime", "2026-11-01T08:00:00Z");
            long used = cloud.networkInterfaces.values().stream().filter(n -> n.vSwitchId.equals(vSwitch.id())).count();
            int prefix = Integer.parseInt(vSwitch.cidr().substring(vSwitch.cidr().indexOf('/') + 1));
            // Alibaba Cloud reserves the first three and the last address of every VSwitch block.
            v.put("AvailableIpAddressCount", (1L << (32 - prefix)) - 4 - used);
            Json.list(v, "Tags", "Tag");
        }
    }
}
