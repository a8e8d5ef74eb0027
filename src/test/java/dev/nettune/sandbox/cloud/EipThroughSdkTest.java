package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.vpc.model.v20160428.AllocateEipAddressRequest;
import com.aliyuncs.vpc.model.v20160428.AssociateEipAddressRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeEipAddressesRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeEipAddressesResponse;
import com.aliyuncs.vpc.model.v20160428.UnassociateEipAddressRequest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** EIPs through the VPC SDK (AssociateEipAddress with Mode, which only the VPC SDK's request has). */
class EipThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void associatingWithTheInstanceInNatModeGoesThroughAssociatingToInUse() throws ClientException {
        sdk.server.cloud().setTransitionDelay(Duration.ofHours(1));

        sdk.call(associate(DemoSeed.EIP, DemoSeed.SANDBOX_INSTANCE, "EcsInstance", "NAT"));
        assertThat(eip(DemoSeed.EIP).getStatus()).isEqualTo("Associating");
        sdk.server.cloud().settle();

        DescribeEipAddressesResponse.EipAddress eip = eip(DemoSeed.EIP);
        assertThat(eip.getStatus()).isEqualTo("InUse");
        assertThat(eip.getInstanceId()).isEqualTo(DemoSeed.SANDBOX_INSTANCE);
        assertThat(eip.getInstanceType()).isEqualTo("EcsInstance");
        assertThat(eip.getMode()).isEqualTo("NAT");
        assertThat(eip.getIpAddress()).isEqualTo(DemoSeed.EIP_ADDRESS);
    }

    @Test
    void multiBindedModeIsRefusedForAnInstance() {
        assertThatThrownBy(() -> sdk.call(associate(DemoSeed.EIP, DemoSeed.SANDBOX_INSTANCE, "EcsInstance", "MULTI_BINDED")))
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidParameter");
                    assertThat(((ClientException) e).getErrMsg()).contains("NetworkInterface");
                });
    }

    @Test
    void bindedModeBindsTheEipToAnAvailableSecondaryEni() throws ClientException {
        sdk.call(associate(DemoSeed.EIP, DemoSeed.SECONDARY_ENI, "NetworkInterface", "BINDED"));

        DescribeEipAddressesResponse.EipAddress eip = eip(DemoSeed.EIP);
        assertThat(eip.getInstanceType()).isEqualTo("NetworkInterface");
        assertThat(eip.getMode()).isEqualTo("BINDED");
        assertThat(eip.getPrivateIpAddress()).isEqualTo(DemoSeed.SECONDARY_ENI_IP);
    }

    @Test
    void aSecondEipOnTheInstanceIsRefused() throws ClientException {
        sdk.call(associate(DemoSeed.EIP, DemoSeed.SANDBOX_INSTANCE, "EcsInstance", "NAT"));
        String second = sdk.call(new AllocateEipAddressRequest()).getAllocationId();

        assertThatThrownBy(() -> sdk.call(associate(second, DemoSeed.SANDBOX_INSTANCE, "EcsInstance", "NAT")))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidAssociation.Duplicated"));
    }

    @Test
    void anUnknownAllocationIdAnswersInvalidAllocationIdNotFound() {
        assertThatThrownBy(() -> sdk.call(associate("eip-j6cnosuch0000000000001", DemoSeed.SANDBOX_INSTANCE, "EcsInstance", "NAT")))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidAllocationId.NotFound"));
    }

    @Test
    void unassociateReturnsTheEipToAvailable() throws ClientException {
        sdk.call(associate(DemoSeed.EIP, DemoSeed.SANDBOX_INSTANCE, "EcsInstance", "NAT"));
        sdk.server.cloud().settle();
        UnassociateEipAddressRequest unassociate = new UnassociateEipAddressRequest();
        unassociate.setAllocationId(DemoSeed.EIP);
        unassociate.setInstanceId(DemoSeed.SANDBOX_INSTANCE);

        sdk.call(unassociate);
        sdk.server.cloud().settle();

        assertThat(eip(DemoSeed.EIP).getStatus()).isEqualTo("Available");
        assertThat(eip(DemoSeed.EIP).getInstanceId()).isEmpty();
    }

    private static AssociateEipAddressRequest associate(String allocationId, String instanceId, String type, String mode) {
        AssociateEipAddressRequest request = new AssociateEipAddressRequest();
        request.setAllocationId(allocationId);
        request.setInstanceId(instanceId);
        request.setInstanceType(type);
        request.setMode(mode);
        return request;
    }

    private DescribeEipAddressesResponse.EipAddress eip(String allocationId) throws ClientException {
        DescribeEipAddressesRequest request = new DescribeEipAddressesRequest();
        request.setAllocationId(allocationId);
        return sdk.call(request).getEipAddresses().get(0);
    }
}
