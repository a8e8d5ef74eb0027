package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.AttachNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfacesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsResponse;
import com.aliyuncs.exceptions.ClientException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ENI calls of the real SDK (typed requests) against the local OpenAPI server. */
class EniLifecycleThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void describeRegionsListsHongKongWithItsEndpoint() throws ClientException {
        DescribeRegionsResponse response = sdk.call(new DescribeRegionsRequest());

        assertThat(response.getRequestId()).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(response.getRegions()).extracting(DescribeRegionsResponse.Region::getRegionId)
                .contains("cn-hongkong", "ap-southeast-1");
        assertThat(response.getRegions()).filteredOn(r -> r.getRegionId().equals("cn-hongkong"))
                .singleElement().satisfies(r -> assertThat(r.getRegionEndpoint()).isEqualTo("ecs.cn-hongkong.aliyuncs.com"));
    }

    @Test
    void describeInstancesShowsTheSandboxInstanceWithItsPrimaryEni() throws ClientException {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setInstanceIds("[\"" + DemoSeed.SANDBOX_INSTANCE + "\"]");

        DescribeInstancesResponse response = sdk.call(request);

        assertThat(response.getTotalCount()).isEqualTo(1);
        DescribeInstancesResponse.Instance instance = response.getInstances().get(0);
        assertThat(instance.getInstanceType()).isEqualTo("ecs.g9i.xlarge");
        assertThat(instance.getCpu()).isEqualTo(4);
        assertThat(instance.getStatus()).isEqualTo("Running");
        assertThat(instance.getOSName()).contains("Alibaba Cloud Linux").contains("3");
        assertThat(instance.getVpcAttributes().getPrivateIpAddress()).containsExactly(DemoSeed.SANDBOX_PRIMARY_IP);
        assertThat(instance.getSecurityGroupIds()).containsExactly(DemoSeed.SECURITY_GROUP);
        assertThat(instance.getNetworkInterfaces()).singleElement().satisfies(nic -> {
            assertThat(nic.getNetworkInterfaceId()).isEqualTo(DemoSeed.SANDBOX_PRIMARY_ENI);
            assertThat(nic.getType()).isEqualTo("Primary");
            assertThat(nic.getMacAddress()).startsWith("00:16:3e:");
        });
    }

    @Test
    void describeNetworkInterfacesFiltersByInstance() throws ClientException {
        DescribeNetworkInterfacesRequest request = new DescribeNetworkInterfacesRequest();
        request.setInstanceId(DemoSeed.SANDBOX_INSTANCE);

        DescribeNetworkInterfacesResponse response = sdk.call(request);

        assertThat(response.getNetworkInterfaceSets()).singleElement().satisfies(eni -> {
            assertThat(eni.getNetworkInterfaceId()).isEqualTo(DemoSeed.SANDBOX_PRIMARY_ENI);
            assertThat(eni.getStatus()).isEqualTo("InUse");
            assertThat(eni.getSecurityGroupIds()).containsExactly(DemoSeed.SECURITY_GROUP);
            assertThat(eni.getAttachment().getDeviceIndex()).isZero();
        });
    }

    @Test
    void createNetworkInterfaceAnswersAnAvailableSecondaryEni() throws ClientException {
        CreateNetworkInterfaceResponse created = sdk.call(createRequest("token-create-1"));

        assertThat(created.getNetworkInterfaceId()).startsWith("eni-j6");
        assertThat(created.getStatus()).isEqualTo("Available");
        assertThat(created.getVSwitchId()).isEqualTo(DemoSeed.VSWITCH_B);
        assertThat(created.getSecurityGroupIds()).containsExactly(DemoSeed.SECURITY_GROUP);
        assertThat(created.getPrivateIpAddress()).startsWith("10.0.0.");
        assertThat(created.getMacAddress()).matches("00:16:3e(:[0-9a-f]{2}){3}");
    }

    @Test
    void aRepeatedClientTokenAnswersTheSameEniAndCreatesNoSecond() throws ClientException {
        int before = sdk.server.cloud().networkInterfaceCount();

        String first = sdk.call(createRequest("retry-me")).getNetworkInterfaceId();
        String second = sdk.call(createRequest("retry-me")).getNetworkInterfaceId();

        assertThat(second).isEqualTo(first);
        assertThat(sdk.server.cloud().networkInterfaceCount()).isEqualTo(before + 1);
    }

    @Test
    void attachGoesThroughAttachingToInUseAndShowsTheDeviceIndex() throws ClientException {
        sdk.server.cloud().setTransitionDelay(java.time.Duration.ofHours(1));
        AttachNetworkInterfaceRequest attach = new AttachNetworkInterfaceRequest();
        attach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        attach.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        attach.putQueryParameter("DeviceIndex", 1);

        sdk.call(attach);
        assertThat(eniStatus(DemoSeed.SECONDARY_ENI)).isEqualTo("Attaching");
        sdk.server.cloud().settle();

        DescribeNetworkInterfacesResponse.NetworkInterfaceSet eni = describe(DemoSeed.SECONDARY_ENI);
        assertThat(eni.getStatus()).isEqualTo("InUse");
        assertThat(eni.getInstanceId()).isEqualTo(DemoSeed.SANDBOX_INSTANCE);
        assertThat(eni.getAttachment().getDeviceIndex()).isEqualTo(1);
    }

    @Test
    void attachingAnUnknownEniAnswersInvalidEniIdNotFound() {
        AttachNetworkInterfaceRequest attach = new AttachNetworkInterfaceRequest();
        attach.setInstanceId(DemoSeed.SANDBOX_INSTANCE);
        attach.setNetworkInterfaceId("eni-j6cnosuchthing0000001");

        assertThatThrownBy(() -> sdk.call(attach)).isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidEniId.NotFound"));
    }

    @Test
    void describeNetworkInterfacesPagesWithPageNumberAndPageSize() throws ClientException {
        DescribeNetworkInterfacesRequest request = new DescribeNetworkInterfacesRequest();
        request.setPageSize(2);
        request.setPageNumber(2);

        DescribeNetworkInterfacesResponse page = sdk.call(request);

        assertThat(page.getTotalCount()).isEqualTo(3);
        assertThat(page.getPageNumber()).isEqualTo(2);
        assertThat(page.getNetworkInterfaceSets()).hasSize(1);
    }

    @Test
    void describeNetworkInterfacesPagesWithNextToken() throws ClientException {
        DescribeNetworkInterfacesRequest first = new DescribeNetworkInterfacesRequest();
        first.setMaxResults(2);
        DescribeNetworkInterfacesResponse one = sdk.call(first);
        DescribeNetworkInterfacesRequest second = new DescribeNetworkInterfacesRequest();
        second.setMaxResults(2);
        second.setNextToken(one.getNextToken());

        DescribeNetworkInterfacesResponse two = sdk.call(second);

        assertThat(one.getNetworkInterfaceSets()).hasSize(2);
        assertThat(two.getNetworkInterfaceSets()).hasSize(1);
        assertThat(two.getNextToken()).isEmpty();
    }

    @Test
    void anUnknownRegionAnswersInvalidRegionIdNotFound() {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setSysRegionId("cn-atlantis");

        assertThatThrownBy(() -> sdk.call(request))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidRegionId.NotFound"));
    }

    private CreateNetworkInterfaceRequest createRequest(String clientToken) {
        CreateNetworkInterfaceRequest create = new CreateNetworkInterfaceRequest();
        create.setVSwitchId(DemoSeed.VSWITCH_B);
        create.setSecurityGroupIdss(List.of(DemoSeed.SECURITY_GROUP));
        create.setQueueNumber(4);
        create.setClientToken(clientToken);
        return create;
    }

    private String eniStatus(String id) throws ClientException {
        return describe(id).getStatus();
    }

    private DescribeNetworkInterfacesResponse.NetworkInterfaceSet describe(String id) throws ClientException {
        DescribeNetworkInterfacesRequest request = new DescribeNetworkInterfacesRequest();
        request.setNetworkInterfaceIds(List.of(id));
        return sdk.call(request).getNetworkInterfaceSets().get(0);
    }
}
