package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.AuthorizeSecurityGroupRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupAttributeResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSecurityGroupsRequest;
import com.aliyuncs.ecs.model.v20140526.RevokeSecurityGroupRequest;
import com.aliyuncs.exceptions.ClientException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The seed's security-group rule (tcp 8000/9000 from 10.0.0.0/8) through AuthorizeSecurityGroup and its validation. */
class SecurityGroupThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void theSeedsRuleIsAddedAndDescribed() throws ClientException {
        sdk.call(rule("tcp", "8000/9000", "10.0.0.0/8"));

        assertThat(permissions()).filteredOn(p -> p.getPortRange().equals("8000/9000")).singleElement().satisfies(p -> {
            assertThat(p.getIpProtocol()).isEqualTo("TCP");
            assertThat(p.getSourceCidrIp()).isEqualTo("10.0.0.0/8");
            assertThat(p.getDirection()).isEqualTo("ingress");
            assertThat(p.getPolicy()).isEqualTo("Accept");
            assertThat(p.getPriority()).isEqualTo("1");
            assertThat(p.getDescription()).isEqualTo("nettune test");
        });
    }

    @Test
    void anIdenticalRuleIsNotAddedTwice() throws ClientException {
        int before = permissions().size();

        sdk.call(rule("tcp", "8000/9000", "10.0.0.0/8"));
        sdk.call(rule("TCP", "8000/9000", "10.0.0.0/8"));

        assertThat(permissions()).hasSize(before + 1);
    }

    @Test
    void aReversedPortRangeAnswersInvalidPortRangeMalformed() {
        assertThatThrownBy(() -> sdk.call(rule("tcp", "9000/8000", "10.0.0.0/8")))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidPortRange.Malformed"));
    }

    @Test
    void icmpNeedsTheMinusOnePortRange() {
        assertThatThrownBy(() -> sdk.call(rule("icmp", "1/2", "10.0.0.0/8")))
                .satisfies(e -> assertThat(((ClientException) e).getErrMsg()).contains("-1/-1"));
    }

    @Test
    void aMalformedCidrAnswersInvalidSourceCidrIpMalformed() {
        assertThatThrownBy(() -> sdk.call(rule("tcp", "80/80", "10.0.0.0/33")))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidSourceCidrIp.Malformed"));
    }

    @Test
    void anUnknownProtocolAnswersInvalidIpProtocolMalformed() {
        assertThatThrownBy(() -> sdk.call(rule("sctp", "80/80", "10.0.0.0/8")))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidIpProtocol.Malformed"));
    }

    @Test
    void aPriorityAbove100AnswersInvalidPriorityMalformed() {
        AuthorizeSecurityGroupRequest request = rule("tcp", "80/80", "10.0.0.0/8");
        request.setPriority("101");

        assertThatThrownBy(() -> sdk.call(request))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidPriority.Malformed"));
    }

    @Test
    void anUnknownGroupAnswersInvalidSecurityGroupIdNotFound() {
        AuthorizeSecurityGroupRequest request = rule("tcp", "80/80", "10.0.0.0/8");
        request.setSecurityGroupId("sg-j6cnosuchgroup00000001");

        assertThatThrownBy(() -> sdk.call(request)).isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidSecurityGroupId.NotFound"));
    }

    @Test
    void describeSecurityGroupsListsTheGroupOfTheVpc() throws ClientException {
        DescribeSecurityGroupsRequest request = new DescribeSecurityGroupsRequest();
        request.setVpcId(DemoSeed.VPC);

        assertThat(sdk.call(request).getSecurityGroups()).singleElement().satisfies(g -> {
            assertThat(g.getSecurityGroupId()).isEqualTo(DemoSeed.SECURITY_GROUP);
            assertThat(g.getEcsCount()).isEqualTo(2);
        });
    }

    @Test
    void revokeRemovesTheRuleThatAuthorizeAdded() throws ClientException {
        int before = permissions().size();
        sdk.call(rule("tcp", "8000/9000", "10.0.0.0/8"));
        RevokeSecurityGroupRequest revoke = new RevokeSecurityGroupRequest();
        revoke.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        revoke.setIpProtocol("tcp");
        revoke.setPortRange("8000/9000");
        revoke.setSourceCidrIp("10.0.0.0/8");

        sdk.call(revoke);

        assertThat(permissions()).hasSize(before);
    }

    private static AuthorizeSecurityGroupRequest rule(String protocol, String ports, String cidr) {
        AuthorizeSecurityGroupRequest request = new AuthorizeSecurityGroupRequest();
        request.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        request.setIpProtocol(protocol);
        request.setPortRange(ports);
        request.setSourceCidrIp(cidr);
        request.setDescription("nettune test");
        return request;
    }

    private List<DescribeSecurityGroupAttributeResponse.Permission> permissions() throws ClientException {
        DescribeSecurityGroupAttributeRequest request = new DescribeSecurityGroupAttributeRequest();
        request.setSecurityGroupId(DemoSeed.SECURITY_GROUP);
        return sdk.call(request).getPermissions();
    }
}
