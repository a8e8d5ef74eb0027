package dev.nettune.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a journaled {@link CloudCall} back into the {@link CloudAction} it came from, so a plan
 * stopped in one process can be resumed or undone in another.
 */
public final class CloudActionCodec {
    private CloudActionCodec() {
    }

    public static CloudAction decode(CloudCall call) {
        RegionId region = RegionId.of(req(call, "RegionId"));
        switch (call.action()) {
            case "CreateNetworkInterface": {
                List<SecurityGroupId> groups = new ArrayList<>();
                for (int i = 1; call.get("SecurityGroupIds." + i).isPresent(); i++) {
                    groups.add(SecurityGroupId.of(call.get("SecurityGroupIds." + i).get()));
                }
                Optional<ConnectionTrackingTimeouts> t = call.get("ConnectionTrackingConfiguration.TcpEstablishedTimeout")
                        .map(x -> new ConnectionTrackingTimeouts(Integer.parseInt(x),
                                Integer.parseInt(req(call, "ConnectionTrackingConfiguration.TcpClosedAndTimeWaitTimeout")),
                                Integer.parseInt(req(call, "ConnectionTrackingConfiguration.UdpTimeout"))));
                EniSpec spec = new EniSpec(VSwitchId.of(req(call, "VSwitchId")), groups, call.get("QueueNumber").map(Integer::valueOf), t,
                        call.get("EnhancedNetwork.EnableRss").map(Boolean::valueOf), call.get("NetworkInterfaceName"),
                        new ClientToken(req(call, "ClientToken")));
                return new CloudAction.CreateNetworkInterface(region, spec);
            }
            case "DeleteNetworkInterface":
                return new CloudAction.DeleteNetworkInterface(region, eni(call, "NetworkInterfaceId"));
            case "AttachNetworkInterface":
                return new CloudAction.AttachNetworkInterface(region, eni(call, "NetworkInterfaceId"), InstanceId.of(req(call, "InstanceId")),
                        call.get("DeviceIndex").map(DeviceIndex::parse));
            case "DetachNetworkInterface":
                return new CloudAction.DetachNetworkInterface(region, eni(call, "NetworkInterfaceId"), InstanceId.of(req(call, "InstanceId")));
            case "ModifyNetworkInterfaceAttribute":
                if (call.get("EnhancedNetwork.EnableRss").isPresent()) {
                    return new CloudAction.ModifyCustomRss(region, eni(call, "NetworkInterfaceId"),
                            Boolean.parseBoolean(req(call, "EnhancedNetwork.EnableRss")));
                }
                return new CloudAction.ModifyConnectionTracking(region, eni(call, "NetworkInterfaceId"), new ConnectionTrackingTimeouts(
                        Integer.parseInt(req(call, "ConnectionTrackingConfiguration.TcpEstablishedTimeout")),
                        Integer.parseInt(req(call, "ConnectionTrackingConfiguration.TcpClosedAndTimeWaitTimeout")),
                        Integer.parseInt(req(call, "ConnectionTrackingConfiguration.UdpTimeout"))),
                        call.get("NetTune.Previous").map(ConnectionTrackingTimeouts::decode));
            case "DescribeNetworkInterfaceAttribute":
                return new CloudAction.VerifyCustomRss(region, eni(call, "NetworkInterfaceId"), Boolean.parseBoolean(req(call, "NetTune.Expected")));
            case "AuthorizeSecurityGroup":
                return new CloudAction.AuthorizeSecurityGroup(region, SecurityGroupId.of(req(call, "SecurityGroupId")), rule(call));
            case "RevokeSecurityGroup":
                return new CloudAction.RevokeSecurityGroup(region, SecurityGroupId.of(req(call, "SecurityGroupId")), rule(call));
            case "AssociateEipAddress":
                return new CloudAction.AssociateEip(region, binding(call, EipMode.parse(req(call, "Mode"))));
            case "UnassociateEipAddress":
                return new CloudAction.UnassociateEip(region, binding(call, EipMode.parse(call.get("Mode").orElse("NAT"))));
            case "RebootInstance":
                return new CloudAction.RebootInstance(region, InstanceId.of(req(call, "InstanceId")));
            default:
                throw new CloudInputException("The journal holds an action NetTune does not know: " + call.action() + ".");
        }
    }

    private static EipBinding binding(CloudCall call, EipMode mode) {
        EipTarget target = "NetworkInterface".equals(call.get("InstanceType").orElse("EcsInstance"))
                ? new EipTarget.Eni(eni(call, "InstanceId"), call.get("PrivateIpAddress"))
                : new EipTarget.Instance(InstanceId.of(req(call, "InstanceId")));
        return new EipBinding(EipAllocationId.of(req(call, "AllocationId")), target, mode);
    }

    private static SecurityGroupRule rule(CloudCall call) {
        String source = call.get("SourceCidrIp").or(() -> call.get("Ipv6SourceCidrIp")).orElseThrow(
                () -> new CloudInputException(call.action() + " in the journal has no SourceCidrIp."));
        return new SecurityGroupRule(IpProtocol.parse(req(call, "IpProtocol")), PortRange.parse(req(call, "PortRange")), Cidr.parse(source),
                Integer.parseInt(call.get("Priority").orElse("1")), call.get("Description").orElse(""));
    }

    private static NetworkInterfaceRef eni(CloudCall call, String name) {
        CloudCall.Param p = call.param(name).orElseThrow(() -> new CloudInputException(call.action() + " in the journal has no " + name + "."));
        if (p.variable()) {
            return new NetworkInterfaceRef.Created(new ClientToken(req(call, name + ".ClientToken")));
        }
        return new NetworkInterfaceRef.Existing(NetworkInterfaceId.of(p.value()));
    }

    private static String req(CloudCall call, String name) {
        return call.get(name).orElseThrow(() -> new CloudInputException(call.action() + " in the journal has no " + name + "."));
    }
}
