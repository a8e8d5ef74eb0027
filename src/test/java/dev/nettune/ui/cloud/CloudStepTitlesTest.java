package dev.nettune.ui.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nettune.cloud.ClientToken;
import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.DeviceIndex;
import dev.nettune.cloud.EipAllocationId;
import dev.nettune.cloud.EipBinding;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.EipTarget;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.NetworkInterfaceRef;
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.SecurityGroupRule;
import dev.nettune.cloud.VSwitchId;
import dev.nettune.ui.common.Messages;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each kind of cloud step titled on the review pages: as the domain says it in English, in Chinese from the bundles. */
class CloudStepTitlesTest {
    private static final RegionId REGION = RegionId.of("cn-hangzhou");
    private static final ClientToken TOKEN = ClientToken.random();
    private static final NetworkInterfaceRef ENI = new NetworkInterfaceRef.Existing(NetworkInterfaceId.of("eni-bp1abc"));
    private static final NetworkInterfaceRef NEW_ENI = new NetworkInterfaceRef.Created(TOKEN);
    private static final InstanceId INSTANCE = InstanceId.of("i-bp1xyz");
    private static final SecurityGroupId GROUP = new SecurityGroupId("sg-bp1web");
    private static final SecurityGroupRule RULE = new SecurityGroupRule(IpProtocol.parse("tcp"), PortRange.parse("8000/9000"),
            Cidr.parse("10.0.0.0/8"), 1, "app");
    private static final ConnectionTrackingTimeouts NLB = ConnectionTrackingTimeouts.BEHIND_LOAD_BALANCER_DEFAULTS;

    /** One step of every kind the plans make, with the optional parts present. */
    static List<CloudAction> everyKind() {
        EniSpec spec = new EniSpec(new VSwitchId("vsw-bp1one"), List.of(GROUP), Optional.of(8), Optional.of(NLB), Optional.of(true),
                Optional.empty(), TOKEN);
        EipAllocationId eip = EipAllocationId.of("eip-bp1ip");
        return List.of(new CloudAction.CreateNetworkInterface(REGION, spec),
                new CloudAction.DeleteNetworkInterface(REGION, ENI),
                new CloudAction.AttachNetworkInterface(REGION, NEW_ENI, INSTANCE, Optional.of(DeviceIndex.of(1))),
                new CloudAction.DetachNetworkInterface(REGION, ENI, INSTANCE),
                new CloudAction.ModifyConnectionTracking(REGION, ENI, NLB, Optional.of(ConnectionTrackingTimeouts.DEFAULTS)),
                new CloudAction.ModifyCustomRss(REGION, ENI, true),
                new CloudAction.ModifyCustomRss(REGION, ENI, false),
                new CloudAction.VerifyCustomRss(REGION, ENI, true),
                new CloudAction.AuthorizeSecurityGroup(REGION, GROUP, RULE),
                new CloudAction.RevokeSecurityGroup(REGION, GROUP, RULE),
                new CloudAction.AssociateEip(REGION, new EipBinding(eip, new EipTarget.Instance(INSTANCE), EipMode.NAT)),
                new CloudAction.AssociateEip(REGION, new EipBinding(eip, new EipTarget.Eni(ENI, Optional.empty()), EipMode.NAT)),
                new CloudAction.UnassociateEip(REGION, new EipBinding(eip, new EipTarget.Eni(ENI, Optional.empty()), EipMode.NAT)),
                new CloudAction.RebootInstance(REGION, INSTANCE));
    }

    @AfterEach
    void english() {
        Messages.use(Messages.ENGLISH);
    }

    @Test
    void inEnglishEveryStepReadsAsTheDomainDescribesIt() {
        Messages.use(Messages.ENGLISH);
        for (CloudAction step : everyKind()) {
            assertThat(CloudStepTitles.of(step)).isEqualTo(step.describe());
        }
    }

    @Test
    void inChineseEveryStepIsTitledInChineseWithItsIdsKept() {
        Messages.use(Messages.CHINESE);
        for (CloudAction step : everyKind()) {
            String title = CloudStepTitles.of(step);
            assertThat(title).as(step.describe()).matches(".*\\p{IsHan}.*")
                    .doesNotContainPattern("\\b[A-Za-z][a-z]+ [a-z]{2,} [a-z]{2,}\\b");
        }
        assertThat(CloudStepTitles.of(everyKind().get(0))).isEqualTo("在交换机 vsw-bp1one 中创建弹性网卡，安全组 [sg-bp1web]，8 个队列，"
                + "连接超时 TCP 已建立连接 910 秒，TCP TIME_WAIT/CLOSED 15 秒，UDP 100 秒，开启自定义RSS（幂等令牌 ClientToken " + TOKEN + "）");
        assertThat(CloudStepTitles.of(everyKind().get(8))).isEqualTo(
                "在安全组 sg-bp1web 中添加规则：允许来自 10.0.0.0/8 的 tcp 8000/9000（优先级 1）“app”（已有相同规则时跳过）");
    }

    @Test
    void theReviewTextTitlesItsStepsInChinese() {
        Messages.use(Messages.CHINESE);
        var plan = new dev.nettune.cloud.CloudPlan("p-1", "cloud plan", List.of(new CloudAction.RebootInstance(REGION, INSTANCE)), List.of());

        assertThat(PlanRunModel.reviewText(plan)).startsWith("1. 重启实例 i-bp1xyz，等待状态变为 Running\n");
    }

    @Test
    void theTimeoutsNotesReadAsTheDomainsInEnglishAndInChineseAreChinese() {
        Messages.use(Messages.ENGLISH);
        assertThat(CloudStepTitles.timeoutsNotes("\n")).isEqualTo(ConnectionTrackingTimeouts.NEW_CONNECTIONS_ONLY + "\n"
                + ConnectionTrackingTimeouts.LOAD_BALANCER_NOTE);

        Messages.use(Messages.CHINESE);
        assertThat(CloudStepTitles.timeoutsNotes("\n")).startsWith("新的超时值只对新连接生效").contains("NLB 或 CLB");
    }
}
