package dev.nettune.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CloudValuesTest {

    @Test
    void idsAcceptTheirOwnPrefix() {
        assertThat(InstanceId.of("i-bp67acfmxazb4p0001").value()).isEqualTo("i-bp67acfmxazb4p0001");
        assertThat(NetworkInterfaceId.of(" eni-bp17pdijfczax0001 ").value()).isEqualTo("eni-bp17pdijfczax0001");
        assertThat(SecurityGroupId.of("sg-bp67acfmxazb4p0001").value()).startsWith("sg-");
        assertThat(EipAllocationId.of("eip-2zeerraiwb7ujsxdc0001").value()).startsWith("eip-");
        assertThat(VSwitchId.of("vsw-bp1s5fnvk4gn2tws00001").value()).startsWith("vsw-");
    }

    @Test
    void anIdWithTheWrongPrefixSaysWhatTheShapeIs() {
        assertThatThrownBy(() -> InstanceId.of("eni-bp17pdijfczax0001"))
                .isInstanceOf(CloudInputException.class).hasMessageContaining("must start with 'i-'");
        assertThatThrownBy(() -> NetworkInterfaceId.of("eni-BAD_ID")).hasMessageContaining("lower-case letters or digits");
        assertThatThrownBy(() -> SecurityGroupId.of("")).hasMessageContaining("empty");
    }

    @Test
    void regionIdsFollowTheCloudsShape() {
        assertThat(RegionId.of("cn-hongkong").value()).isEqualTo("cn-hongkong");
        assertThat(RegionId.of("ap-southeast-1").value()).isEqualTo("ap-southeast-1");
        assertThat(RegionId.of("sandbox").isSandbox()).isTrue();
        assertThatThrownBy(() -> RegionId.of("CN Hongkong")).hasMessageContaining("not a region id");
    }

    @Test
    void portRangeParsesFromSlashTo() {
        assertThat(PortRange.parse("8000/9000")).isEqualTo(new PortRange(8000, 9000));
        assertThat(PortRange.parse("22")).isEqualTo(new PortRange(22, 22));
        assertThat(PortRange.parse("-1/-1").isAny()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0/10", "9000/8000", "1/65536", "a/b", "1-2", "-1/5"})
    void portRangeRejectsWhatTheApiRejects(String text) {
        assertThatThrownBy(() -> PortRange.parse(text)).isInstanceOf(CloudInputException.class).hasMessageContaining("1-65535");
    }

    @Test
    void anyPortIsOnlyForProtocolsWithoutPorts() {
        Cidr any = Cidr.parse("0.0.0.0/0");
        assertThat(SecurityGroupRule.of(IpProtocol.ICMP, PortRange.ANY, any).ports().isAny()).isTrue();
        assertThatThrownBy(() -> SecurityGroupRule.of(IpProtocol.TCP, PortRange.ANY, any)).hasMessageContaining("needs real ports");
        assertThatThrownBy(() -> SecurityGroupRule.of(IpProtocol.ICMP, PortRange.parse("80/80"), any)).hasMessageContaining("-1/-1");
    }

    @Test
    void cidrRejectsHostBitsAndNamesTheNetwork() {
        assertThat(Cidr.parse("10.0.0.0/8").apiValue()).isEqualTo("10.0.0.0/8");
        assertThat(Cidr.parse("192.168.1.7").apiValue()).isEqualTo("192.168.1.7/32");
        assertThatThrownBy(() -> Cidr.parse("10.1.0.0/8")).hasMessageContaining("the network is 10.0.0.0/8");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("/0 to /32");
        assertThatThrownBy(() -> Cidr.parse("example.com/8")).hasMessageContaining("not a CIDR");
    }

    @Test
    void ruleChecksPriorityAndDescription() {
        Cidr src = Cidr.parse("10.0.0.0/8");
        assertThatThrownBy(() -> new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("80/80"), src, 0, ""))
                .hasMessageContaining("1 (highest) to 100");
        assertThatThrownBy(() -> new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("80/80"), src, 1, "https://x"))
                .hasMessageContaining("http://");
    }

    @Test
    void equalRulesAreTheSameTrafficWhateverTheirPriorityOrDescription() {
        SecurityGroupRule a = new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"), 1, "a");
        SecurityGroupRule b = new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"), 5, "b");
        SecurityGroupRule c = new SecurityGroupRule(IpProtocol.UDP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"), 1, "a");
        assertThat(a.sameTrafficAs(b)).isTrue();
        assertThat(a.sameTrafficAs(c)).isFalse();
    }

    @Test
    void deviceIndexRange() {
        assertThat(DeviceIndex.parse("1").value()).isEqualTo(1);
        assertThatThrownBy(() -> DeviceIndex.of(32)).hasMessageContaining("1-31");
        assertThatThrownBy(() -> DeviceIndex.parse("one")).hasMessageContaining("whole number");
    }

    @Test
    void eipModesOtherThanNatNeedAnEni() {
        EipAllocationId eip = EipAllocationId.of("eip-2zeerraiwb7ujsxdc0001");
        EipTarget instance = new EipTarget.Instance(InstanceId.of("i-bp67acfmxazb4p0001"));
        EipTarget eni = new EipTarget.Eni(NetworkInterfaceRef.of(NetworkInterfaceId.of("eni-bp17pdijfczax0001")), java.util.Optional.empty());
        assertThat(new EipBinding(eip, instance, EipMode.NAT).mode()).isEqualTo(EipMode.NAT);
        assertThat(new EipBinding(eip, eni, EipMode.BINDED).mode()).isEqualTo(EipMode.BINDED);
        assertThatThrownBy(() -> new EipBinding(eip, instance, EipMode.MULTI_BINDED)).hasMessageContaining("only when binding the EIP to an ENI");
        assertThat(EipMode.parse("multi-binded")).isEqualTo(EipMode.MULTI_BINDED);
        assertThatThrownBy(() -> EipMode.parse("bridge")).hasMessageContaining("NAT (default), MULTI_BINDED or BINDED");
    }

    @Test
    void eniSpecNeedsOneToFiveDistinctGroupsAndSaneQueues() {
        VSwitchId vsw = VSwitchId.of("vsw-bp1s5fnvk4gn2tws00001");
        SecurityGroupId sg = SecurityGroupId.of("sg-bp67acfmxazb4p0001");
        assertThatThrownBy(() -> EniSpec.of(vsw, java.util.List.of())).hasMessageContaining("1 to 5 security groups");
        assertThatThrownBy(() -> EniSpec.of(vsw, java.util.List.of(sg, sg))).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> EniSpec.of(vsw, java.util.List.of(sg)).withQueueNumber(0)).hasMessageContaining("1-64");
        assertThatThrownBy(() -> EniSpec.of(vsw, java.util.List.of(sg)).withName("1bad")).hasMessageContaining("starting with a letter");
    }

    @Test
    void clientTokensAreShortPrintableAscii() {
        assertThat(ClientToken.random().value()).startsWith("nettune-").hasSizeLessThanOrEqualTo(64);
        assertThatThrownBy(() -> new ClientToken("has space")).hasMessageContaining("printable ASCII");
    }
}
