package dev.nettune.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanRenderingTest {
    static final RegionId REGION = RegionId.of("cn-hongkong");
    static final InstanceId INSTANCE = InstanceId.of("i-bp67acfmxazb4p0001");
    static final NetworkInterfaceId ENI = NetworkInterfaceId.of("eni-bp17pdijfczax0001");
    static final SecurityGroupId SG = SecurityGroupId.of("sg-bp67acfmxazb4p0001");
    static final VSwitchId VSW = VSwitchId.of("vsw-bp1s5fnvk4gn2tws00001");
    static final EipAllocationId EIP = EipAllocationId.of("eip-2zeerraiwb7ujsxdc0001");

    static CloudPlan fullWorkflow() {
        EniSpec spec = EniSpec.of(VSW, List.of(SG)).withQueueNumber(4).withClientToken(new ClientToken("tok-1"));
        return CloudPlanner.secondaryEni(new CloudPlanner.SecondaryEniRequest(REGION, INSTANCE, Optional.of(spec), Optional.empty(),
                Optional.of(DeviceIndex.of(1)), Optional.of(new ConnectionTrackingTimeouts(300, 15, 100)), Optional.of(true),
                Optional.of(SG), Optional.of(SecurityGroupRule.of(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"))),
                Optional.of(EIP), EipMode.NAT, false));
    }

    @Test
    void attachRendersAsTheSeedsAliyunLineWithoutTheDeviceIndexTheApiLacks() {
        CloudPlan plan = CloudPlanner.attach(REGION, ENI, INSTANCE, Optional.of(DeviceIndex.of(1)));
        assertThat(AliyunCliScript.lines(plan)).containsExactly(
                "aliyun ecs AttachNetworkInterface --RegionId cn-hongkong --InstanceId i-bp67acfmxazb4p0001 --NetworkInterfaceId eni-bp17pdijfczax0001");
        assertThat(AliyunCliScript.script(plan)).contains("Expected device index 1: AttachNetworkInterface takes no DeviceIndex");
    }

    @Test
    void securityGroupRuleRendersAsTheSeedsLine() {
        CloudPlan plan = CloudPlanner.allow(REGION, SG, SecurityGroupRule.of(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8")));
        assertThat(AliyunCliScript.lines(plan).get(0)).isEqualTo("aliyun ecs AuthorizeSecurityGroup --RegionId cn-hongkong --SecurityGroupId "
                + "sg-bp67acfmxazb4p0001 --IpProtocol tcp --PortRange 8000/9000 --SourceCidrIp 10.0.0.0/8 --Policy accept --NicType intranet --Priority 1");
    }

    @Test
    void eipRendersWithModeNatThroughTheVpcProduct() {
        CloudPlan plan = CloudPlanner.associateEip(REGION, new EipBinding(EIP, new EipTarget.Instance(INSTANCE), EipMode.NAT));
        assertThat(AliyunCliScript.lines(plan).get(0)).isEqualTo("aliyun vpc AssociateEipAddress --RegionId cn-hongkong --AllocationId "
                + "eip-2zeerraiwb7ujsxdc0001 --InstanceId i-bp67acfmxazb4p0001 --InstanceType EcsInstance --Mode NAT");
    }

    @Test
    void descriptionsWithShellCharactersAreQuotedAsOneWord() {
        SecurityGroupRule rule = new SecurityGroupRule(IpProtocol.TCP, PortRange.parse("80/80"), Cidr.parse("10.0.0.0/8"), 1, "web; rm -rf / 'x'");
        String line = AliyunCliScript.lines(CloudPlanner.allow(REGION, SG, rule)).get(0);
        assertThat(line).endsWith("--Description 'web; rm -rf / '\"'\"'x'\"'\"''");
    }

    @Test
    void aCreatedEniIsCarriedInAShellVariable() {
        List<String> lines = AliyunCliScript.lines(fullWorkflow());
        assertThat(lines.get(0)).startsWith("ENI_ID=$(aliyun ecs CreateNetworkInterface --RegionId cn-hongkong --VSwitchId vsw-bp1s5fnvk4gn2tws00001 "
                + "--SecurityGroupIds.1 sg-bp67acfmxazb4p0001 --QueueNumber 4 --ConnectionTrackingConfiguration.TcpEstablishedTimeout 300 "
                + "--ConnectionTrackingConfiguration.TcpClosedAndTimeWaitTimeout 15 --ConnectionTrackingConfiguration.UdpTimeout 100 "
                + "--EnhancedNetwork.EnableRss true --ClientToken tok-1 --force").endsWith("| jq -r .NetworkInterfaceId)");
        assertThat(lines.get(1)).isEqualTo("aliyun ecs AttachNetworkInterface --RegionId cn-hongkong --InstanceId i-bp67acfmxazb4p0001 "
                + "--NetworkInterfaceId \"$ENI_ID\"");
    }

    @Test
    void theScriptWaitsForAsyncStatesAndCarriesTheNotes() {
        String script = AliyunCliScript.script(fullWorkflow());
        assertThat(script).startsWith("#!/bin/sh\n").contains("set -eu")
                .contains("--waiter expr='Status' to='InUse'")
                .contains("# Note: New timeout values apply to new connections only")
                .contains("# Note: If this instance sits behind an NLB or CLB")
                .contains("invitational preview");
    }

    @Test
    void customRssOnAnAttachedSecondaryEniDetachesAndReattachesAfterConfirmation() {
        NetworkInterface eni = new NetworkInterface(ENI, "", "InUse", "Secondary", Optional.of(INSTANCE), Optional.of(1), "00:16:3e:00:00:01",
                "10.0.0.5", Optional.of("vsw-bp1s5fnvk4gn2tws00001"), List.of(SG), Optional.of(4));
        CloudPlan plan = CloudPlanner.customRss(REGION, eni, true);
        assertThat(plan.steps()).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("ModifyCustomRss", "DetachNetworkInterface", "AttachNetworkInterface", "VerifyCustomRss");
        assertThat(plan.interruptions()).singleElement().asString().contains("stops until it is attached again");
        assertThat(AliyunCliScript.lines(plan).get(0)).isEqualTo("aliyun ecs ModifyNetworkInterfaceAttribute --RegionId cn-hongkong "
                + "--NetworkInterfaceId eni-bp17pdijfczax0001 --EnhancedNetwork.EnableRss true --force");
        assertThat(AliyunCliScript.lines(plan).get(3)).isEqualTo("aliyun ecs DescribeNetworkInterfaceAttribute --RegionId cn-hongkong "
                + "--NetworkInterfaceId eni-bp17pdijfczax0001 --Attribute enhancedNetwork");
    }

    @Test
    void customRssOnThePrimaryEniRestartsTheInstance() {
        NetworkInterface eni = new NetworkInterface(ENI, "", "InUse", "Primary", Optional.of(INSTANCE), Optional.of(0), "", "",
                Optional.empty(), List.of(SG), Optional.empty());
        CloudPlan plan = CloudPlanner.customRss(REGION, eni, true);
        assertThat(plan.steps()).extracting(s -> s.getClass().getSimpleName()).containsExactly("ModifyCustomRss", "RebootInstance", "VerifyCustomRss");
        assertThat(plan.interruptions()).singleElement().asString().contains("restarts");
    }

    @Test
    void timeoutsAlreadyInPlaceMakeAnEmptyPlanThatSaysSo() {
        CloudPlan plan = CloudPlanner.timeouts(REGION, ENI, ConnectionTrackingTimeouts.DEFAULTS, Optional.of(ConnectionTrackingTimeouts.DEFAULTS));
        assertThat(plan.isEmpty()).isTrue();
        assertThat(plan.notes()).anyMatch(n -> n.contains("nothing to change"));
    }

    @Test
    void terraformHasTheFourResourcesAndNamesWhatItCannotExpress() {
        TerraformExport.Result tf = TerraformExport.render(fullWorkflow());
        assertThat(tf.hcl()).contains("resource \"alicloud_ecs_network_interface\" \"eni\"", "queue_number       = 4",
                "resource \"alicloud_ecs_network_interface_attachment\" \"attach\"",
                "network_interface_id = alicloud_ecs_network_interface.eni.id",
                "resource \"alicloud_security_group_rule\" \"ingress\"", "port_range        = \"8000/9000\"", "cidr_ip           = \"10.0.0.0/8\"",
                "resource \"alicloud_eip_association\" \"eip\"", "mode          = \"NAT\"", "region = \"cn-hongkong\"");
        assertThat(tf.notExpressible()).anyMatch(m -> m.contains("Connection-tracking timeouts"))
                .anyMatch(m -> m.contains("EnhancedNetwork.EnableRss=true"))
                .anyMatch(m -> m.contains("DescribeNetworkInterfaceAttribute"));
    }

    @Test
    void terraformStringsEscapeInterpolation() {
        assertThat(TerraformExport.str("a\"b${c}")).isEqualTo("\"a\\\"b$${c}\"");
    }

    @Test
    void everyActionDecodesBackFromItsJournaledCall() {
        CloudPlan plan = fullWorkflow();
        List<CloudCall> calls = plan.calls();
        for (int i = 0; i < calls.size(); i++) {
            assertThat(CloudActionWire.decode(calls.get(i))).as(calls.get(i).action()).isEqualTo(plan.steps().get(i));
        }
        NetworkInterface eni = new NetworkInterface(ENI, "", "InUse", "Primary", Optional.of(INSTANCE), Optional.of(0), "", "",
                Optional.empty(), List.of(SG), Optional.empty());
        CloudPlan rss = CloudPlanner.customRss(REGION, eni, false);
        List<CloudCall> rssCalls = rss.calls();
        for (int i = 0; i < rssCalls.size(); i++) {
            assertThat(CloudActionWire.decode(rssCalls.get(i))).isEqualTo(rss.steps().get(i));
        }
    }

    @Test
    void undoReversesEachKindOfStep() {
        CloudPlan plan = fullWorkflow();
        assertThat(plan.steps().get(0).undo("eni-bp17pdijfczax0009")).get().isInstanceOf(CloudAction.DeleteNetworkInterface.class);
        assertThat(plan.steps().get(1).undo("device 1")).get().isInstanceOf(CloudAction.DetachNetworkInterface.class);
        CloudAction authorize = plan.steps().get(3);
        assertThat(authorize.undo(CloudAction.AuthorizeSecurityGroup.ADDED)).get().isInstanceOf(CloudAction.RevokeSecurityGroup.class);
        assertThat(authorize.undo(CloudAction.AuthorizeSecurityGroup.EXISTED)).as("a rule that was there before stays").isEmpty();
        assertThat(plan.steps().get(4).undo("47.1.2.3")).get().isInstanceOf(CloudAction.UnassociateEip.class);
        CloudAction timeouts = new CloudAction.ModifyConnectionTracking(REGION, NetworkInterfaceRef.of(ENI), new ConnectionTrackingTimeouts(60, 3, 30),
                Optional.empty());
        assertThat(timeouts.undo("910,3,30")).get().isEqualTo(new CloudAction.ModifyConnectionTracking(REGION, NetworkInterfaceRef.of(ENI),
                ConnectionTrackingTimeouts.DEFAULTS, Optional.of(new ConnectionTrackingTimeouts(60, 3, 30))));
    }

    @Test
    void aCloudPlansNotesAreSaidInChinese() {
        NetworkInterface eni = new NetworkInterface(ENI, "", "InUse", "Primary", Optional.of(INSTANCE), Optional.of(0), "", "",
                Optional.empty(), List.of(SG), Optional.empty());
        CloudPlan plan = CloudPlanner.customRss(REGION, eni, true);

        assertThat(plan.notePhrases()).extracting(n -> n.in(java.util.Locale.SIMPLIFIED_CHINESE))
                .contains("主网卡只在实例重启后才会应用这一变更。", "弹性网卡的自定义RSS处于邀测阶段：如果 API 拒绝，请向阿里云提交工单申请该功能。");
        assertThat(plan.notes()).contains("The primary ENI picks up the change only when the instance restarts.", RssPreflight.PREVIEW_NOTE);
    }
}
