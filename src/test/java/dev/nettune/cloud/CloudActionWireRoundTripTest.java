package dev.nettune.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of cloud step survives the journal: its wire call (the API parameter names it is sent
 * and journaled with) decodes back to the same step, for each permitted subclass of the sealed
 * {@link CloudAction} and for its variants (an ENI by id or created earlier in the plan, optional
 * parameters set or not).
 */
class CloudActionWireRoundTripTest {
    private static final RegionId REGION = RegionId.of("cn-hongkong");
    private static final InstanceId INSTANCE = InstanceId.of("i-bp67acfmxazb4p0001");
    private static final NetworkInterfaceRef EXISTING = NetworkInterfaceRef.of(NetworkInterfaceId.of("eni-bp17pdijfczax0001"));
    private static final NetworkInterfaceRef CREATED = new NetworkInterfaceRef.Created(new ClientToken("nettune-roundtrip-1"));
    private static final ConnectionTrackingTimeouts SEED_TIMEOUTS = new ConnectionTrackingTimeouts(910, 3, 30);
    private static final SecurityGroupId GROUP = SecurityGroupId.of("sg-bp67acfmxazb4p0001");
    private static final EipAllocationId EIP = EipAllocationId.of("eip-2zeerraiwb7ujsxdc0001");

    static List<CloudAction> samples() {
        EniSpec full = new EniSpec(VSwitchId.of("vsw-bp1s5fnvk4gn2tws00001"), List.of(GROUP, SecurityGroupId.of("sg-bp67acfmxazb4p0002")),
                Optional.of(8), Optional.of(SEED_TIMEOUTS), Optional.of(true), Optional.of("rss-eni"), new ClientToken("nettune-roundtrip-1"));
        EniSpec bare = new EniSpec(VSwitchId.of("vsw-bp1s5fnvk4gn2tws00001"), List.of(GROUP), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), new ClientToken("nettune-roundtrip-2"));
        SecurityGroupRule rule = new SecurityGroupRule(IpProtocol.UDP, PortRange.parse("4789/4789"), Cidr.parse("10.0.0.0/8"), 1, "vxlan");
        return List.of(
                new CloudAction.CreateNetworkInterface(REGION, full),
                new CloudAction.CreateNetworkInterface(REGION, bare),
                new CloudAction.DeleteNetworkInterface(REGION, EXISTING),
                new CloudAction.DeleteNetworkInterface(REGION, CREATED),
                new CloudAction.AttachNetworkInterface(REGION, CREATED, INSTANCE, Optional.of(DeviceIndex.of(1))),
                new CloudAction.AttachNetworkInterface(REGION, EXISTING, INSTANCE, Optional.empty()),
                new CloudAction.DetachNetworkInterface(REGION, EXISTING, INSTANCE),
                new CloudAction.ModifyConnectionTracking(REGION, EXISTING, SEED_TIMEOUTS, Optional.of(new ConnectionTrackingTimeouts(910, 3, 100))),
                new CloudAction.ModifyConnectionTracking(REGION, CREATED, SEED_TIMEOUTS, Optional.empty()),
                new CloudAction.ModifyCustomRss(REGION, EXISTING, true),
                new CloudAction.ModifyCustomRss(REGION, EXISTING, false),
                new CloudAction.VerifyCustomRss(REGION, EXISTING, true),
                new CloudAction.VerifyCustomRss(REGION, CREATED, false),
                new CloudAction.AuthorizeSecurityGroup(REGION, GROUP, rule),
                new CloudAction.AuthorizeSecurityGroup(REGION, GROUP,
                        new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("2408:4000::/32"), 7, "")),
                new CloudAction.RevokeSecurityGroup(REGION, GROUP, rule),
                new CloudAction.RevokeSecurityGroup(REGION, GROUP,
                        new SecurityGroupRule(IpProtocol.UDP, PortRange.parse("4789/4789"), Cidr.parse("10.0.0.0/8"), 1, "")),
                new CloudAction.AssociateEip(REGION, new EipBinding(EIP, new EipTarget.Instance(INSTANCE), EipMode.NAT)),
                new CloudAction.AssociateEip(REGION, new EipBinding(EIP,
                        new EipTarget.Eni(EXISTING, Optional.of("10.0.0.5")), EipMode.BINDED)),
                new CloudAction.UnassociateEip(REGION, new EipBinding(EIP, new EipTarget.Instance(INSTANCE), EipMode.NAT)),
                new CloudAction.UnassociateEip(REGION, new EipBinding(EIP, new EipTarget.Eni(CREATED, Optional.of("10.0.0.5")), EipMode.BINDED)),
                new CloudAction.RebootInstance(REGION, INSTANCE));
    }

    @Test
    void theSamplesCoverEveryPermittedSubclass() {
        Set<String> covered = samples().stream().map(a -> a.getClass().getName()).collect(Collectors.toSet());
        Set<String> permitted = Arrays.stream(CloudAction.class.getPermittedSubclasses()).map(Class::getName).collect(Collectors.toSet());
        assertThat(covered).as("add a sample for each new kind of cloud step").containsExactlyInAnyOrderElementsOf(permitted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void theJournaledCallDecodesToTheSameStep(CloudAction action) {
        CloudCall call = action.toCall(new PlanNames());
        assertThat(CloudActionWire.decode(call)).isEqualTo(action);
    }

    @Test
    void aRevokeReadBackFromTheJournalKeepsTheRulesDescription() {
        SecurityGroupRule described = new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"), 1,
                "seed high-throughput ports");
        CloudCall call = new CloudAction.RevokeSecurityGroup(REGION, GROUP, described).toCall(new PlanNames());
        assertThat(call.get("Description")).contains("seed high-throughput ports");
        assertThat(((CloudAction.RevokeSecurityGroup) CloudActionWire.decode(call)).rule().description()).isEqualTo("seed high-throughput ports");
    }

    @Test
    void aJournaledCallMissingARequiredParameterIsRefusedByName() {
        CloudCall call = CloudCall.builder("ecs", "RevokeSecurityGroup").put("RegionId", REGION).put("SecurityGroupId", GROUP)
                .put("IpProtocol", "tcp").put("SourceCidrIp", "10.0.0.0/8").build();
        assertThatThrownBy(() -> CloudActionWire.decode(call)).isInstanceOf(CloudInputException.class)
                .hasMessageContaining("RevokeSecurityGroup").hasMessageContaining("PortRange");
    }

    @Test
    void anUnknownActionInTheJournalIsRefused() {
        CloudCall call = CloudCall.builder("ecs", "DeleteInstance").put("RegionId", REGION).build();
        assertThatThrownBy(() -> CloudActionWire.decode(call)).hasMessageContaining("does not know: DeleteInstance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachStepIsSentWithItsRegion(CloudAction action) {
        assertThat(action.toCall(new PlanNames()).get("RegionId")).contains(REGION.toString());
        assertThat(Stream.of(action.getClass().getInterfaces())).contains(CloudAction.class);
    }
}
