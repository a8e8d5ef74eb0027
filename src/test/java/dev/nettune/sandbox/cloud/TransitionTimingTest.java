package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.AttachNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Asynchronous states follow the region's clock: a test steps it and sees Attaching turn InUse exactly on time. */
class TransitionTimingTest {
    private final SteppableClock clock = new SteppableClock(Instant.parse("2026-11-22T03:00:00Z"));
    private final LocalOpenApiServer server;
    private final DefaultAcsClient client;

    TransitionTimingTest() {
        SimulatedCloud cloud = DemoSeed.create(clock);
        cloud.setTransitionDelay(Duration.ofSeconds(10));
        server = new LocalOpenApiServer(cloud, SandboxSdk.KEYS).start(0);
        client = new DefaultAcsClient(DefaultProfile.getProfile(DemoSeed.REGION,
                SandboxSdk.KEYS.accessKeyId(), SandboxSdk.KEYS.accessKeySecret()));
    }

    @AfterEach
    void stop() {
        client.shutdown();
        server.stop();
    }

    @Test
    void anAttachIsInUseOnlyOnceTheTransitionDelayHasPassedOnTheRegionsClock() throws ClientException {
        AttachNetworkInterfaceRequest attach = new AttachNetworkInterfaceRequest();
        attach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        attach.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        call(attach);

        clock.advance(Duration.ofSeconds(9));
        assertThat(status()).isEqualTo("Attaching");
        clock.advance(Duration.ofSeconds(1));
        assertThat(status()).isEqualTo("InUse");
    }

    @Test
    void theSeededIdsAndMacsAreTheSameEveryTime() {
        SimulatedCloud again = DemoSeed.create(clock);

        assertThat(again.newId("eni", DemoSeed.REGION)).isEqualTo(DemoSeed.create(clock).newId("eni", DemoSeed.REGION));
        assertThat(again.nicsOf(DemoSeed.SANDBOX_INSTANCE)).singleElement()
                .satisfies(nic -> assertThat(nic.macAddress()).isEqualTo("00:16:3e:0a:00:0a"));
    }

    private String status() throws ClientException {
        DescribeNetworkInterfacesRequest describe = new DescribeNetworkInterfacesRequest();
        describe.setNetworkInterfaceIds(List.of(DemoSeed.SECONDARY_ENI));
        DescribeNetworkInterfacesResponse response = call(describe);
        return response.getNetworkInterfaceSets().get(0).getStatus();
    }

    private <T extends com.aliyuncs.AcsResponse> T call(com.aliyuncs.AcsRequest<T> request) throws ClientException {
        request.setSysEndpoint(server.endpoint());
        request.setSysProtocol(ProtocolType.HTTP);
        return client.getAcsResponse(request);
    }
}
