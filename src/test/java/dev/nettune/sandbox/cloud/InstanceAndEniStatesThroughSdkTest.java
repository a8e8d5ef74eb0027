package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.AttachNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.DeleteNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesRequest;
import com.aliyuncs.ecs.model.v20140526.DetachNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.ModifyNetworkInterfaceAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.StartInstanceRequest;
import com.aliyuncs.ecs.model.v20140526.StopInstanceRequest;
import com.aliyuncs.exceptions.ClientException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wrong states and unknown ids answer the documented codes; stop and start pass through their transitional states. */
class InstanceAndEniStatesThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void stopAndStartPassThroughStoppingAndStarting() throws ClientException {
        sdk.server.cloud().setTransitionDelay(Duration.ofHours(1));
        StopInstanceRequest stop = new StopInstanceRequest();
        stop.setInstanceId(DemoSeed.SENDER_INSTANCE);

        sdk.call(stop);
        assertThat(status(DemoSeed.SENDER_INSTANCE)).isEqualTo("Stopping");
        sdk.server.cloud().settle();
        assertThat(status(DemoSeed.SENDER_INSTANCE)).isEqualTo("Stopped");

        StartInstanceRequest start = new StartInstanceRequest();
        start.setInstanceId(DemoSeed.SENDER_INSTANCE);
        sdk.call(start);
        assertThat(status(DemoSeed.SENDER_INSTANCE)).isEqualTo("Starting");
        sdk.server.cloud().settle();
        assertThat(status(DemoSeed.SENDER_INSTANCE)).isEqualTo("Running");
    }

    @Test
    void startingARunningInstanceAnswersIncorrectInstanceStatus() {
        StartInstanceRequest start = new StartInstanceRequest();
        start.setInstanceId(DemoSeed.SANDBOX_INSTANCE);

        assertThatThrownBy(() -> sdk.call(start))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("IncorrectInstanceStatus"));
    }

    @Test
    void stoppingAnUnknownInstanceAnswersInvalidInstanceIdNotFound() {
        StopInstanceRequest stop = new StopInstanceRequest();
        stop.setInstanceId("i-j6cnosuchinstance0001");

        assertThatThrownBy(() -> sdk.call(stop))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidInstanceId.NotFound"));
    }

    @Test
    void anAvailableEniIsDeleted() throws ClientException {
        int before = sdk.server.cloud().networkInterfaceCount();
        DeleteNetworkInterfaceRequest delete = new DeleteNetworkInterfaceRequest();
        delete.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);

        sdk.call(delete);

        assertThat(sdk.server.cloud().networkInterfaceCount()).isEqualTo(before - 1);
        assertThat(sdk.server.cloud().networkInterfaceStatus(DemoSeed.SECONDARY_ENI)).isEmpty();
    }

    @Test
    void theQueueNumberOfAnEniAttachedToARunningInstanceCannotChange() throws ClientException {
        sdk.call(attach(DemoSeed.SECONDARY_ENI, DemoSeed.SANDBOX_INSTANCE));
        sdk.server.cloud().settle();
        ModifyNetworkInterfaceAttributeRequest modify = new ModifyNetworkInterfaceAttributeRequest();
        modify.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        modify.setQueueNumber(2);

        assertThatThrownBy(() -> sdk.call(modify))
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidOperation.InvalidEcsState");
                    assertThat(((ClientException) e).getErrMsg()).contains("Stopped");
                });
    }

    @Test
    void theQueueNumberOfAnAvailableEniChanges() throws ClientException {
        ModifyNetworkInterfaceAttributeRequest modify = new ModifyNetworkInterfaceAttributeRequest();
        modify.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        modify.setQueueNumber(2);

        sdk.call(modify);

        DescribeNetworkInterfacesRequest describe = new DescribeNetworkInterfacesRequest();
        describe.setNetworkInterfaceIds(java.util.List.of(DemoSeed.SECONDARY_ENI));
        assertThat(sdk.call(describe).getNetworkInterfaceSets().get(0).getQueueNumber()).isEqualTo(2);
    }

    @Test
    void aClientTokenReusedWithOtherParametersAnswersIdempotenceParamNotMatch() throws ClientException {
        CreateNetworkInterfaceRequest first = new CreateNetworkInterfaceRequest();
        first.setVSwitchId(DemoSeed.VSWITCH_B);
        first.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        first.setClientToken("token-7");
        sdk.call(first);
        CreateNetworkInterfaceRequest other = new CreateNetworkInterfaceRequest();
        other.setVSwitchId(DemoSeed.VSWITCH_C);
        other.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        other.setClientToken("token-7");

        assertThatThrownBy(() -> sdk.call(other))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("IdempotenceParamNotMatch"));
    }

    @Test
    void detachingThePrimaryEniIsRefused() {
        DetachNetworkInterfaceRequest detach = new DetachNetworkInterfaceRequest();
        detach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        detach.setNetworkInterfaceId(DemoSeed.SANDBOX_PRIMARY_ENI);

        assertThatThrownBy(() -> sdk.call(detach))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidOperation.DetachPrimaryEniNotAllowed"));
    }

    @Test
    void attachingAnEniThatIsAttachingAnswersInvalidEniState() throws ClientException {
        sdk.server.cloud().setTransitionDelay(Duration.ofHours(1));
        sdk.call(attach(DemoSeed.SECONDARY_ENI, DemoSeed.SANDBOX_INSTANCE));

        assertThatThrownBy(() -> sdk.call(attach(DemoSeed.SECONDARY_ENI, DemoSeed.SANDBOX_INSTANCE)))
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidOperation.InvalidEniState");
                    assertThat(((ClientException) e).getErrMsg()).contains("Attaching");
                });
    }

    @Test
    void deletingAnEniInUseAnswersInvalidEniState() throws ClientException {
        sdk.call(attach(DemoSeed.SECONDARY_ENI, DemoSeed.SANDBOX_INSTANCE));
        sdk.server.cloud().settle();
        DeleteNetworkInterfaceRequest delete = new DeleteNetworkInterfaceRequest();
        delete.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);

        assertThatThrownBy(() -> sdk.call(delete))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidOperation.InvalidEniState"));
    }

    @Test
    void anEniFromAnotherZoneAnswersAvailabilityZoneMismatch() throws ClientException {
        CreateNetworkInterfaceRequest create = new CreateNetworkInterfaceRequest();
        create.setVSwitchId(DemoSeed.VSWITCH_C);
        create.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        String zoneC = sdk.call(create).getNetworkInterfaceId();

        assertThatThrownBy(() -> sdk.call(attach(zoneC, DemoSeed.SANDBOX_INSTANCE)))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidOperation.AvailabilityZoneMismatch"));
    }

    @Test
    void aDeviceIndexBeyondTheInstanceTypesEniCountIsRefused() {
        AttachNetworkInterfaceRequest attach = attach(DemoSeed.SECONDARY_ENI, DemoSeed.SANDBOX_INSTANCE);
        attach.putQueryParameter("DeviceIndex", 4);

        assertThatThrownBy(() -> sdk.call(attach))
                .satisfies(e -> assertThat(((ClientException) e).getErrMsg()).contains("1 to 3"));
    }

    @Test
    void listenersHearTheAttachWithMacAndQueuesAndTheDetach() throws ClientException {
        java.util.Map<String, String> guest = new java.util.concurrent.ConcurrentHashMap<>();
        sdk.server.cloud().addListener(new CloudEventListener() {
            @Override
            public void networkInterfaceAttached(NicEvent nic) {
                guest.put(nic.macAddress(), "eth" + nic.deviceIndex() + ", " + nic.queueNumber() + " queues, rss " + nic.rssEnabled());
            }

            @Override
            public void networkInterfaceDetached(NicEvent nic) {
                guest.remove(nic.macAddress());
            }
        });

        sdk.call(attach(DemoSeed.SECONDARY_ENI, DemoSeed.SANDBOX_INSTANCE));
        sdk.server.cloud().settle();
        assertThat(guest).containsExactly(java.util.Map.entry("00:16:3e:0a:00:05", "eth1, 4 queues, rss false"));

        DetachNetworkInterfaceRequest detach = new DetachNetworkInterfaceRequest();
        detach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        detach.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        sdk.call(detach);
        sdk.server.cloud().settle();
        assertThat(guest).isEmpty();
    }

    private static AttachNetworkInterfaceRequest attach(String eni, String instance) {
        AttachNetworkInterfaceRequest attach = new AttachNetworkInterfaceRequest();
        attach.setInstanceId(instance);
        attach.setNetworkInterfaceId(eni);
        return attach;
    }

    private String status(String instanceId) throws ClientException {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setInstanceIds("[\"" + instanceId + "\"]");
        return sdk.call(request).getInstances().get(0).getStatus();
    }
}
