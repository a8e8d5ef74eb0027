package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.ecs.model.v20140526.AttachNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceTypesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstanceTypesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DetachNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.ModifyNetworkInterfaceAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.RebootInstanceRequest;
import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Custom RSS (eni-custom-rss.txt): EnhancedNetwork.EnableRss sent raw, read back from the raw answer,
 * gated by region, invitational preview and RssSupport, taking effect on re-attach or restart.
 */
class CustomRssThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();
    private final ObjectMapper json = new ObjectMapper();
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void describeInstanceTypesReportsRssSupportInTheRawAnswer() throws Exception {
        CommonRequest request = sdk.ecs("DescribeInstanceTypes");
        request.putQueryParameter("InstanceTypes.1", "ecs.g9i.xlarge");
        request.putQueryParameter("InstanceTypes.2", "ecs.g7.large");

        JsonNode types = json.readTree(sdk.common(request).getData()).path("InstanceTypes").path("InstanceType");

        assertThat(types).hasSize(2);
        assertThat(types.get(0).path("InstanceTypeId").asText()).isEqualTo("ecs.g9i.xlarge");
        assertThat(types.get(0).path("RssSupport").asBoolean()).isTrue();
        assertThat(types.get(1).path("RssSupport").asBoolean()).isFalse();
    }

    @Test
    void describeInstanceTypesParsesIntoTheTypedResponse() throws ClientException {
        DescribeInstanceTypesRequest request = new DescribeInstanceTypesRequest();
        request.setInstanceTypess(List.of("ecs.r9i.16xlarge"));

        DescribeInstanceTypesResponse.InstanceType type = sdk.call(request).getInstanceTypes().get(0);

        assertThat(type.getCpuCoreCount()).isEqualTo(64);
        assertThat(type.getMaximumQueueNumberPerEni()).isEqualTo(64);
    }

    @Test
    void anEniNeverModifiedHasNoEnableRssInItsEnhancedNetwork() throws Exception {
        JsonNode enhanced = enhancedNetwork(DemoSeed.SECONDARY_ENI);

        assertThat(enhanced.isObject()).isTrue();
        assertThat(enhanced.has("EnableRss")).isFalse();
    }

    @Test
    void enableRssSetThroughACommonRequestIsReadBackFromTheRawAnswer() throws Exception {
        CommonRequest modify = sdk.ecs("ModifyNetworkInterfaceAttribute");
        modify.putQueryParameter("NetworkInterfaceId", DemoSeed.SECONDARY_ENI);
        modify.putQueryParameter("EnhancedNetwork.EnableRss", "true");

        sdk.common(modify);

        assertThat(enhancedNetwork(DemoSeed.SECONDARY_ENI).path("EnableRss").asBoolean()).isTrue();
    }

    @Test
    void enableRssSetAsARawParameterOnTheTypedRequestIsAccepted() throws Exception {
        ModifyNetworkInterfaceAttributeRequest modify = new ModifyNetworkInterfaceAttributeRequest();
        modify.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        modify.putQueryParameter("EnhancedNetwork.EnableRss", true);

        sdk.call(modify);

        assertThat(enhancedNetwork(DemoSeed.SECONDARY_ENI).path("EnableRss").asBoolean()).isTrue();
    }

    @Test
    void enableRssInARegionWithoutTheRollOutAnswersForbiddenRegionId() {
        CreateNetworkInterfaceRequest create = new CreateNetworkInterfaceRequest();
        create.setSysRegionId(DemoSeed.NO_RSS_REGION);
        create.setVSwitchId(DemoSeed.NO_RSS_VSWITCH);
        create.setSecurityGroupId(DemoSeed.NO_RSS_SECURITY_GROUP);
        create.putQueryParameter("EnhancedNetwork.EnableRss", true);

        assertThatThrownBy(() -> sdk.call(create))
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo("Forbidden.RegionId");
                    assertThat(((ClientException) e).getErrMsg()).contains("cn-hongkong");
                });
    }

    @Test
    void enableRssWithoutThePreviewAnswersTheInvitationalPreviewCode() {
        sdk.server.cloud().setRssPreviewGranted(false);

        assertThatThrownBy(() -> sdk.call(enableRss(DemoSeed.SECONDARY_ENI)))
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo(SandboxErrorCodes.RSS_NOT_IN_PREVIEW);
                    assertThat(((ClientException) e).getErrMsg()).contains("invitational preview").contains("ticket");
                });
    }

    @Test
    void enableRssOnAnEniOfAnInstanceTypeWithoutRssSupportIsRefused() {
        assertThatThrownBy(() -> sdk.call(enableRss(DemoSeed.SENDER_PRIMARY_ENI)))
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo(SandboxErrorCodes.INSTANCE_TYPE_NOT_SUPPORTED);
                    assertThat(((ClientException) e).getErrMsg()).contains("ecs.g7.large");
                });
    }

    @Test
    void rssOnAnAttachedSecondaryEniTakesEffectOnlyAfterDetachAndReattach() throws ClientException {
        listen();
        sdk.call(attach(DemoSeed.SECONDARY_ENI));
        sdk.server.cloud().settle();
        sdk.call(enableRss(DemoSeed.SECONDARY_ENI));
        assertThat(sdk.server.cloud().nicsOf(DemoSeed.SANDBOX_INSTANCE))
                .filteredOn(n -> n.networkInterfaceId().equals(DemoSeed.SECONDARY_ENI)).singleElement()
                .satisfies(n -> assertThat(n.rssEnabled()).isFalse());

        DetachNetworkInterfaceRequest detach = new DetachNetworkInterfaceRequest();
        detach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        detach.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        sdk.call(detach);
        sdk.server.cloud().settle();
        sdk.call(attach(DemoSeed.SECONDARY_ENI));
        sdk.server.cloud().settle();

        assertThat(events).containsExactly("attached eth? rss=false", "detached", "attached eth? rss=true");
    }

    @Test
    void rssOnThePrimaryEniTakesEffectWhenTheInstanceIsRebootedThroughStoppingAndStarting() throws ClientException {
        listen();
        sdk.server.cloud().setTransitionDelay(Duration.ofHours(1));
        sdk.call(enableRss(DemoSeed.SANDBOX_PRIMARY_ENI));
        RebootInstanceRequest reboot = new RebootInstanceRequest();
        reboot.setInstanceId(DemoSeed.SANDBOX_INSTANCE);

        sdk.call(reboot);
        assertThat(status(DemoSeed.SANDBOX_INSTANCE)).isEqualTo("Stopping");
        sdk.server.cloud().settle();

        assertThat(status(DemoSeed.SANDBOX_INSTANCE)).isEqualTo("Running");
        assertThat(events).containsExactly("stopped", "started primary rss=true");
    }

    private void listen() {
        sdk.server.cloud().addListener(new CloudEventListener() {
            @Override
            public void networkInterfaceAttached(NicEvent nic) {
                events.add("attached eth? rss=" + nic.rssEnabled());
            }

            @Override
            public void networkInterfaceDetached(NicEvent nic) {
                events.add("detached");
            }

            @Override
            public void instanceStopped(String instanceId) {
                events.add("stopped");
            }

            @Override
            public void instanceStarted(String instanceId, List<NicEvent> nics) {
                NicEvent primary = nics.stream().filter(NicEvent::primary).findFirst().orElseThrow();
                events.add("started primary rss=" + primary.rssEnabled());
            }
        });
    }

    private String status(String instanceId) throws ClientException {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setInstanceIds("[\"" + instanceId + "\"]");
        return sdk.call(request).getInstances().get(0).getStatus();
    }

    private static AttachNetworkInterfaceRequest attach(String eni) {
        AttachNetworkInterfaceRequest attach = new AttachNetworkInterfaceRequest();
        attach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        attach.setNetworkInterfaceId(eni);
        return attach;
    }

    private static ModifyNetworkInterfaceAttributeRequest enableRss(String eni) {
        ModifyNetworkInterfaceAttributeRequest modify = new ModifyNetworkInterfaceAttributeRequest();
        modify.setNetworkInterfaceId(eni);
        modify.putQueryParameter("EnhancedNetwork.EnableRss", true);
        return modify;
    }

    private JsonNode enhancedNetwork(String eni) throws Exception {
        CommonRequest describe = sdk.ecs("DescribeNetworkInterfaceAttribute");
        describe.putQueryParameter("NetworkInterfaceId", eni);
        describe.putQueryParameter("Attribute", "enhancedNetwork");
        return json.readTree(sdk.common(describe).getData()).path("EnhancedNetwork");
    }
}
