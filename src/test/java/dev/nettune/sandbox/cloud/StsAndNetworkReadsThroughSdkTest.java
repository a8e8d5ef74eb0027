package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeZonesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeZonesResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.profile.DefaultProfile;
import com.aliyuncs.vpc.model.v20160428.DescribeVSwitchesRequest;
import com.aliyuncs.vpc.model.v20160428.DescribeVSwitchesResponse;
import com.aliyuncs.vpc.model.v20160428.DescribeVpcsRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** STS keys with their SecurityToken, and the reads a wizard needs to offer zones, VPCs and VSwitches. */
class StsAndNetworkReadsThroughSdkTest {
    private static final SandboxCredentials STS = new SandboxCredentials("STS.NTestOnlyFakeStsKey", "test-only-fake-sts-secret");
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void anStsKeyWithItsTokenIsAccepted() throws ClientException {
        sdk.server.addStsCredentials(STS, "fake-sts-token-1");

        assertThat(sdk.call(stsClient("fake-sts-token-1"), new DescribeRegionsRequest()).getRegions()).isNotEmpty();
    }

    @Test
    void anStsKeyWithAnotherTokenAnswersMismatchWithAccessKey() {
        sdk.server.addStsCredentials(STS, "fake-sts-token-1");

        assertThatThrownBy(() -> sdk.call(stsClient("some-other-token"), new DescribeRegionsRequest()))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidSecurityToken.MismatchWithAccessKey"));
    }

    @Test
    void anExpiredTokenAnswersInvalidSecurityTokenExpired() {
        sdk.server.addStsCredentials(STS, "fake-sts-token-1");
        sdk.server.expireSecurityToken("fake-sts-token-1");

        assertThatThrownBy(() -> sdk.call(stsClient("fake-sts-token-1"), new DescribeRegionsRequest()))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidSecurityToken.Expired"));
    }

    @Test
    void anStsKeyWithoutATokenAnswersMissingSecurityToken() {
        sdk.server.addStsCredentials(STS, "fake-sts-token-1");

        assertThatThrownBy(() -> sdk.call(sdk.client(STS.accessKeyId(), STS.accessKeySecret()), new DescribeRegionsRequest()))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("MissingSecurityToken"));
    }

    @Test
    void describeZonesListsBothHongKongZones() throws ClientException {
        assertThat(sdk.call(new DescribeZonesRequest()).getZones()).extracting(DescribeZonesResponse.Zone::getZoneId)
                .containsExactly(DemoSeed.ZONE_B, DemoSeed.ZONE_C);
    }

    @Test
    void describeVSwitchesOfTheVpcShowsZonesAndFreeAddresses() throws ClientException {
        DescribeVSwitchesRequest request = new DescribeVSwitchesRequest();
        request.setVpcId(DemoSeed.VPC);

        assertThat(sdk.call(request).getVSwitches()).extracting(DescribeVSwitchesResponse.VSwitch::getZoneId)
                .containsExactly(DemoSeed.ZONE_B, DemoSeed.ZONE_C);
        assertThat(sdk.call(request).getVSwitches().get(0).getAvailableIpAddressCount()).isEqualTo(256 - 4 - 3); // a /24, four reserved, three seeded ENIs
    }

    @Test
    void describeVpcsListsTheVpcWithItsVSwitches() throws ClientException {
        assertThat(sdk.call(new DescribeVpcsRequest()).getVpcs()).singleElement().satisfies(vpc -> {
            assertThat(vpc.getVpcId()).isEqualTo(DemoSeed.VPC);
            assertThat(vpc.getVSwitchIds()).containsExactly(DemoSeed.VSWITCH_B, DemoSeed.VSWITCH_C);
        });
    }

    private DefaultAcsClient stsClient(String token) {
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile(DemoSeed.REGION),
                new BasicSessionCredentials(STS.accessKeyId(), STS.accessKeySecret(), token));
        client.setAutoRetry(false);
        return client;
    }
}
