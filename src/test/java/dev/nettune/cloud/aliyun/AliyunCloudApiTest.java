package dev.nettune.cloud.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nettune.cloud.Cidr;
import dev.nettune.cloud.ClientToken;
import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.CloudApiException;
import dev.nettune.cloud.CloudCall;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.EipAllocationId;
import dev.nettune.cloud.EipMode;
import dev.nettune.cloud.EipTarget;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.EniSpec;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.IpProtocol;
import dev.nettune.cloud.NetworkInterface;
import dev.nettune.cloud.NetworkInterfaceId;
import dev.nettune.cloud.NetworkInterfaceRef;
import dev.nettune.cloud.PlanNames;
import dev.nettune.cloud.PortRange;
import dev.nettune.cloud.ProgressListener;
import dev.nettune.cloud.SecurityGroupId;
import dev.nettune.cloud.SecurityGroupRule;
import dev.nettune.cloud.VSwitchId;
import dev.nettune.sandbox.cloud.DemoSeed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter through the real SDK against the local OpenAPI server (signatures verified, real error codes). */
class AliyunCloudApiTest {
    private final SandboxCloud sandbox = new SandboxCloud();
    private final AliyunCloudApi api = sandbox.api;
    private static final NetworkInterfaceId SECONDARY = NetworkInterfaceId.of(DemoSeed.SECONDARY_ENI);
    private static final InstanceId INSTANCE = InstanceId.of(DemoSeed.SANDBOX_INSTANCE);

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private EniSpec spec(ClientToken token) {
        return EniSpec.of(VSwitchId.of(DemoSeed.VSWITCH_B), List.of(SecurityGroupId.of(DemoSeed.SECURITY_GROUP))).withClientToken(token);
    }

    @Test
    void aRuleIsAuthorizedAndRevokedWithExactlyTheParametersItsPlanShowsDescriptionIncluded() {
        SecurityGroupId group = SecurityGroupId.of(DemoSeed.SECURITY_GROUP);
        SecurityGroupRule rule = new SecurityGroupRule(IpProtocol.UDP, PortRange.parse("4789/4789"), Cidr.parse("10.0.0.0/8"), 1, "vxlan");
        api.authorizeIngress(SandboxCloud.REGION, group, rule);
        api.revokeIngress(SandboxCloud.REGION, group, rule);
        assertThat(sandbox.server.received("AuthorizeSecurityGroup").get(0).parameters())
                .containsAllEntriesOf(sent(new CloudAction.AuthorizeSecurityGroup(SandboxCloud.REGION, group, rule)));
        assertThat(sandbox.server.received("RevokeSecurityGroup").get(0).parameters())
                .containsAllEntriesOf(sent(new CloudAction.RevokeSecurityGroup(SandboxCloud.REGION, group, rule)))
                .containsEntry("Description", "vxlan");
        assertThat(api.describeIngressRules(SandboxCloud.REGION, group)).noneMatch(r -> r.sameTrafficAs(rule));
    }

    @Test
    void aCreatedEniIsSentWithExactlyTheParametersItsPlanShows() {
        EniSpec spec = new EniSpec(VSwitchId.of(DemoSeed.VSWITCH_B), List.of(SecurityGroupId.of(DemoSeed.SECURITY_GROUP)), Optional.of(4),
                Optional.of(new ConnectionTrackingTimeouts(910, 3, 30)), Optional.of(true), Optional.of("rss-eni"),
                new ClientToken("nettune-test-sent-as-shown"));
        api.createNetworkInterface(SandboxCloud.REGION, spec);
        assertThat(sandbox.server.received("CreateNetworkInterface").get(0).parameters())
                .containsAllEntriesOf(sent(new CloudAction.CreateNetworkInterface(SandboxCloud.REGION, spec)));
    }

    private static Map<String, String> sent(CloudAction step) {
        return step.toCall(new PlanNames()).sent().stream().collect(Collectors.toMap(CloudCall.Param::name, CloudCall.Param::value));
    }

    @Test
    void describeInstancesShowsTheSandboxInstance() {
        CloudInstance i = api.describeInstance(SandboxCloud.REGION, INSTANCE).orElseThrow();
        assertThat(i.instanceType()).isEqualTo("ecs.g9i.xlarge");
        assertThat(i.networkInterfaces()).contains(NetworkInterfaceId.of(DemoSeed.SANDBOX_PRIMARY_ENI));
        assertThat(api.describeInstances(SandboxCloud.REGION)).extracting(CloudInstance::id).contains(INSTANCE);
    }

    @Test
    void aCreateRetriedWithTheSameClientTokenMakesOneEni() {
        ClientToken token = new ClientToken("nettune-test-create-once");
        int before = api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty()).size();
        NetworkInterfaceId first = api.createNetworkInterface(SandboxCloud.REGION, spec(token));
        NetworkInterfaceId second = api.createNetworkInterface(SandboxCloud.REGION, spec(token));
        assertThat(second).isEqualTo(first);
        assertThat(api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty())).hasSize(before + 1);
    }

    @Test
    void aDroppedCreateIsRetriedAndStillMakesOneEni() {
        sandbox.server.faults().dropNext(1, "CreateNetworkInterface");
        int before = api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty()).size();
        api.createNetworkInterface(SandboxCloud.REGION, spec(new ClientToken("nettune-test-dropped")));
        assertThat(sandbox.retries).hasSize(1);
        assertThat(api.describeNetworkInterfaces(SandboxCloud.REGION, Optional.empty())).hasSize(before + 1);
    }

    @Test
    void attachWaitsForInUseAndReportsTheDeviceIndex() {
        api.attachNetworkInterface(SandboxCloud.REGION, SECONDARY, INSTANCE);
        assertThat(api.describeNetworkInterface(SandboxCloud.REGION, SECONDARY).orElseThrow().status()).isEqualTo("Attaching");
        List<String> progress = new java.util.ArrayList<>();
        SandboxCloud.waiter().await(SECONDARY.value(), NetworkInterface.IN_USE,
                () -> api.describeNetworkInterface(SandboxCloud.REGION, SECONDARY).map(NetworkInterface::status), m -> progress.add(m.toString()));
        NetworkInterface eni = api.describeNetworkInterface(SandboxCloud.REGION, SECONDARY).orElseThrow();
        assertThat(eni.instanceId()).contains(INSTANCE);
        assertThat(eni.deviceIndex()).contains(1);
        assertThat(progress).anyMatch(p -> p.contains("Attaching")).last().asString().contains("is InUse");
    }

    @Test
    void timeoutsAreSetAndReadBack() {
        assertThat(api.describeConnectionTracking(SandboxCloud.REGION, SECONDARY)).isEqualTo(ConnectionTrackingTimeouts.DEFAULTS);
        ConnectionTrackingTimeouts t = new ConnectionTrackingTimeouts(300, 15, 100);
        api.modifyConnectionTracking(SandboxCloud.REGION, SECONDARY, t);
        assertThat(api.describeConnectionTracking(SandboxCloud.REGION, SECONDARY)).isEqualTo(t);
    }

    @Test
    void enableRssIsSentRawAndReadBackFromTheRawJson() {
        assertThat(api.describeCustomRss(SandboxCloud.REGION, SECONDARY)).as("never modified: not returned").isEmpty();
        api.modifyCustomRss(SandboxCloud.REGION, SECONDARY, true);
        assertThat(api.describeCustomRss(SandboxCloud.REGION, SECONDARY)).contains(true);
        api.modifyCustomRss(SandboxCloud.REGION, SECONDARY, false);
        assertThat(api.describeCustomRss(SandboxCloud.REGION, SECONDARY)).contains(false);
    }

    @Test
    void rssOutsideThePreviewGetsAnErrorThatSaysToSubmitATicket() {
        sandbox.server.cloud().setRssPreviewGranted(false);
        assertThatThrownBy(() -> api.modifyCustomRss(SandboxCloud.REGION, SECONDARY, true))
                .isInstanceOfSatisfying(CloudApiException.class, e -> {
                    assertThat(e.isInvitationalPreview()).isTrue();
                    assertThat(e.advice()).get().asString().contains("submitting a ticket");
                    assertThat(e.requestId()).isPresent();
                });
    }

    @Test
    void instanceTypeRssSupportComesFromTheRawAnswer() {
        assertThat(api.describeInstanceType(SandboxCloud.REGION, "ecs.g9i.xlarge").orElseThrow().rssSupport()).contains(true);
        assertThat(api.describeInstanceType(SandboxCloud.REGION, "ecs.g7.large").orElseThrow().rssSupport()).contains(false);
    }

    @Test
    void ingressRulesAreReadBackAfterAuthorize() {
        SecurityGroupId sg = SecurityGroupId.of(DemoSeed.SECURITY_GROUP);
        SecurityGroupRule rule = SecurityGroupRule.of(IpProtocol.TCP, PortRange.parse("8000/9000"), Cidr.parse("10.0.0.0/8"));
        assertThat(api.describeIngressRules(SandboxCloud.REGION, sg)).noneMatch(r -> r.sameTrafficAs(rule));
        api.authorizeIngress(SandboxCloud.REGION, sg, rule);
        assertThat(api.describeIngressRules(SandboxCloud.REGION, sg)).anyMatch(r -> r.sameTrafficAs(rule));
    }

    @Test
    void eipIsBoundToAnEniInTheGivenMode() {
        api.attachNetworkInterface(SandboxCloud.REGION, SECONDARY, INSTANCE);
        SandboxCloud.waiter().await("eni", "InUse", () -> api.describeNetworkInterface(SandboxCloud.REGION, SECONDARY).map(NetworkInterface::status),
                ProgressListener.NONE);
        EipAllocationId eip = EipAllocationId.of(DemoSeed.EIP);
        api.associateEip(SandboxCloud.REGION, eip, new EipTarget.Eni(NetworkInterfaceRef.of(SECONDARY), Optional.empty()), EipMode.MULTI_BINDED);
        SandboxCloud.waiter().await("eip", "InUse", () -> api.describeEips(SandboxCloud.REGION).stream()
                .filter(e -> e.allocationId().equals(eip)).findFirst().map(ElasticIp::status), ProgressListener.NONE);
        ElasticIp bound = api.describeEips(SandboxCloud.REGION).stream().filter(e -> e.allocationId().equals(eip)).findFirst().orElseThrow();
        assertThat(bound.instanceId()).contains(SECONDARY.value());
        assertThat(bound.mode()).contains(EipMode.MULTI_BINDED);
    }

    @Test
    void throttledCallsAreRetriedWithBackoff() {
        sandbox.server.faults().throttleNext(3, "DescribeNetworkInterfaceAttribute");
        assertThat(api.describeNetworkInterface(SandboxCloud.REGION, SECONDARY)).isPresent();
        assertThat(sandbox.retries).hasSize(3).allMatch(r -> r.contains("Throttling"));
    }

    @Test
    void throttlingBeyondTheBudgetSurfacesWithCodeAndRequestId() {
        sandbox.server.faults().throttleNext(10, "DescribeNetworkInterfaceAttribute");
        assertThatThrownBy(() -> api.describeNetworkInterface(SandboxCloud.REGION, SECONDARY))
                .isInstanceOfSatisfying(CloudApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("Throttling");
                    assertThat(e.getMessage()).contains("Throttling").contains("RequestId");
                });
        assertThat(sandbox.retries).hasSize(4);
    }

    @Test
    void anUnknownEniReadsAsAbsentAndOtherErrorsCarryTheirCode() {
        assertThat(api.describeNetworkInterface(SandboxCloud.REGION, NetworkInterfaceId.of("eni-doesnotexist0001"))).isEmpty();
        assertThatThrownBy(() -> api.attachNetworkInterface(SandboxCloud.REGION, NetworkInterfaceId.of("eni-doesnotexist0001"), INSTANCE))
                .isInstanceOfSatisfying(CloudApiException.class, e -> assertThat(e.code()).contains("NotFound"));
    }

    @Test
    void aWrongSecretIsRefusedWithTheRealSignatureError() {
        AliyunCloudApi wrong = new AliyunCloudApi(new CloudCredentials.AccessKey(SandboxCloud.KEYS.accessKeyId(), "not-the-secret"),
                Optional.of(sandbox.endpoint()));
        try {
            assertThatThrownBy(() -> wrong.describeInstances(SandboxCloud.REGION))
                    .isInstanceOfSatisfying(CloudApiException.class, e -> {
                        // The SDK recognises the server's SignatureDoesNotMatch and names it itself.
                        assertThat(e.code()).isIn("SignatureDoesNotMatch", "SDK.InvalidAccessKeySecret");
                        assertThat(e.getMessage()).doesNotContain("not-the-secret");
                        assertThat(e.advice()).isPresent();
                    });
        } finally {
            wrong.close();
        }
    }

    @Test
    void anUnreachableEndpointNamesOnlyTheLastFourCharactersOfTheAccessKeyId() throws Exception {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String id = "LTAI5tUnreachableKey9Z";
        AliyunCloudApi api = new AliyunCloudApi(new CloudCredentials.AccessKey(id, "secret-never-shown-0000"),
                Optional.of(ApiEndpoint.parse("http://127.0.0.1:" + closedPort)), new RetryPolicy(1, java.time.Duration.ZERO,
                java.time.Duration.ZERO), m -> { });
        try {
            assertThatThrownBy(() -> api.describeInstances(SandboxCloud.REGION)).isInstanceOfSatisfying(CloudApiException.class, e -> {
                String everything = e.getMessage() + " " + e.apiMessage() + " " + String.valueOf(e.getCause());
                assertThat(everything).doesNotContain(id).doesNotContain("secret-never-shown").doesNotContain("Signature=")
                        .contains("127.0.0.1:" + closedPort);
            });
        } finally {
            api.close();
        }
    }

    @Test
    void aRamRoleArnProfileAsksStsAtTheEndpointOverrideNotThePublicOne() {
        sandbox.server.addCredentials(new dev.nettune.sandbox.cloud.SandboxCredentials("LTAI5tRoleLongTerm0042", "role-secret-000000000000000"));
        AliyunCloudApi api = new AliyunCloudApi(new CloudCredentials.RamRoleArn("LTAI5tRoleLongTerm0042", "role-secret-000000000000000",
                "acs:ram::123456789:role/nettune", "ops"), Optional.of(sandbox.endpoint()),
                new RetryPolicy(1, java.time.Duration.ZERO, java.time.Duration.ZERO), m -> { });
        try {
            // The local server has no STS: the call fails, but it must have been asked, signed with the long-term key.
            assertThatThrownBy(() -> api.describeInstances(SandboxCloud.REGION)).isInstanceOf(CloudApiException.class);
            assertThat(sandbox.server.received("AssumeRole")).singleElement().satisfies(c -> {
                assertThat(c.parameter("RoleArn")).isEqualTo("acs:ram::123456789:role/nettune");
                assertThat(c.parameter("AccessKeyId")).isEqualTo("LTAI5tRoleLongTerm0042");
            });
        } finally {
            api.close();
        }
    }
}
