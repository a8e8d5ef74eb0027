package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.CreateNetworkInterfaceRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfaceAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfaceAttributeResponse;
import com.aliyuncs.ecs.model.v20140526.ModifyNetworkInterfaceAttributeRequest;
import com.aliyuncs.exceptions.ClientException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ENI connection-tracking timeouts (eni-connection-timeouts.txt) through the SDK's typed requests. */
class ConnectionTrackingThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void anUntouchedEniReportsTheDefaults910And3And30() throws ClientException {
        DescribeNetworkInterfaceAttributeResponse.ConnectionTrackingConfiguration timeouts = timeouts(DemoSeed.SECONDARY_ENI);

        assertThat(timeouts.getTcpEstablishedTimeout()).isEqualTo(910);
        assertThat(timeouts.getTcpClosedAndTimeWaitTimeout()).isEqualTo(3);
        assertThat(timeouts.getUdpTimeout()).isEqualTo(30);
    }

    @Test
    void modifiedTimeoutsAreReportedBack() throws ClientException {
        sdk.call(modify(DemoSeed.SECONDARY_ENI, 300, 15, 100));

        DescribeNetworkInterfaceAttributeResponse.ConnectionTrackingConfiguration timeouts = timeouts(DemoSeed.SECONDARY_ENI);
        assertThat(timeouts.getTcpEstablishedTimeout()).isEqualTo(300);
        assertThat(timeouts.getTcpClosedAndTimeWaitTimeout()).isEqualTo(15);
        assertThat(timeouts.getUdpTimeout()).isEqualTo(100);
    }

    @Test
    void timeoutsGivenAtCreateAreKept() throws ClientException {
        CreateNetworkInterfaceRequest create = new CreateNetworkInterfaceRequest();
        create.setVSwitchId(DemoSeed.VSWITCH_B);
        create.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        CreateNetworkInterfaceRequest.ConnectionTrackingConfiguration ct = new CreateNetworkInterfaceRequest.ConnectionTrackingConfiguration();
        ct.setTcpEstablishedTimeout(60);
        ct.setTcpClosedAndTimeWaitTimeout(5);
        ct.setUdpTimeout(10);
        create.setConnectionTrackingConfiguration(ct);

        String eni = sdk.call(create).getNetworkInterfaceId();

        assertThat(timeouts(eni).getTcpEstablishedTimeout()).isEqualTo(60);
        assertThat(timeouts(eni).getTcpClosedAndTimeWaitTimeout()).isEqualTo(5);
        assertThat(timeouts(eni).getUdpTimeout()).isEqualTo(10);
    }

    @Test
    void aTcpEstablishedTimeoutOutsideTheAllowedSetAnswersInvalidParameterListingTheSet() {
        assertThatThrownBy(() -> sdk.call(modify(DemoSeed.SECONDARY_ENI, 120, null, null)))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> {
                    assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidParameter");
                    assertThat(((ClientException) e).getErrMsg()).contains("TcpEstablishedTimeout").contains("30, 60, 80, 100, 200, 300, 500, 700, 910");
                });
    }

    @Test
    void aTimeWaitTimeoutAbove15AnswersInvalidParameter() {
        assertThatThrownBy(() -> sdk.call(modify(DemoSeed.SECONDARY_ENI, null, 16, null)))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidParameter"));
    }

    @Test
    void aUdpTimeoutOutsideTheAllowedSetAnswersInvalidParameter() {
        assertThatThrownBy(() -> sdk.call(modify(DemoSeed.SECONDARY_ENI, null, null, 15)))
                .satisfies(e -> assertThat(((ClientException) e).getErrMsg()).contains("10, 20, 30, 60, 80, 100"));
    }

    @Test
    void anInvalidValueChangesNothingElseInTheSameCall() throws ClientException {
        assertThatThrownBy(() -> sdk.call(modify(DemoSeed.SECONDARY_ENI, 60, 3, 7))).isInstanceOf(ClientException.class);

        assertThat(timeouts(DemoSeed.SECONDARY_ENI).getTcpEstablishedTimeout()).isEqualTo(910);
    }

    @Test
    void anUnknownEniAnswersInvalidEniIdNotFound() {
        assertThatThrownBy(() -> sdk.call(modify("eni-j6cmissing00000000001", 60, null, null)))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidEniId.NotFound"));
    }

    @Test
    void securityGroupsAreReplacedByModify() throws ClientException {
        ModifyNetworkInterfaceAttributeRequest modify = new ModifyNetworkInterfaceAttributeRequest();
        modify.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        modify.setSecurityGroupIds(List.of(DemoSeed.SECURITY_GROUP));
        modify.setNetworkInterfaceName("renamed-eth1");

        sdk.call(modify);

        DescribeNetworkInterfaceAttributeRequest describe = new DescribeNetworkInterfaceAttributeRequest();
        describe.setNetworkInterfaceId(DemoSeed.SECONDARY_ENI);
        DescribeNetworkInterfaceAttributeResponse eni = sdk.call(describe);
        assertThat(eni.getNetworkInterfaceName()).isEqualTo("renamed-eth1");
        assertThat(eni.getSecurityGroupIds()).containsExactly(DemoSeed.SECURITY_GROUP);
    }

    private ModifyNetworkInterfaceAttributeRequest modify(String eni, Integer established, Integer timeWait, Integer udp) {
        ModifyNetworkInterfaceAttributeRequest modify = new ModifyNetworkInterfaceAttributeRequest();
        modify.setNetworkInterfaceId(eni);
        ModifyNetworkInterfaceAttributeRequest.ConnectionTrackingConfiguration ct = new ModifyNetworkInterfaceAttributeRequest.ConnectionTrackingConfiguration();
        ct.setTcpEstablishedTimeout(established);
        ct.setTcpClosedAndTimeWaitTimeout(timeWait);
        ct.setUdpTimeout(udp);
        modify.setConnectionTrackingConfiguration(ct);
        return modify;
    }

    private DescribeNetworkInterfaceAttributeResponse.ConnectionTrackingConfiguration timeouts(String eni) throws ClientException {
        DescribeNetworkInterfaceAttributeRequest describe = new DescribeNetworkInterfaceAttributeRequest();
        describe.setNetworkInterfaceId(eni);
        describe.setAttribute("connectionTrackingConfiguration");
        return sdk.call(describe).getConnectionTrackingConfiguration();
    }
}
