package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeNetworkInterfaceAttributeRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Format=XML answers the XML shape, which the SDK's XML reader parses like the JSON one. */
class XmlFormatThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void describeInstancesInXmlParsesIntoTheTypedResponse() throws ClientException {
        DescribeInstancesRequest request = new DescribeInstancesRequest();
        request.setSysAcceptFormat(FormatType.XML);

        DescribeInstancesResponse response = sdk.call(request);

        assertThat(response.getInstances()).extracting(DescribeInstancesResponse.Instance::getInstanceId)
                .containsExactly(DemoSeed.SANDBOX_INSTANCE, DemoSeed.SENDER_INSTANCE);
        assertThat(response.getInstances().get(0).getSecurityGroupIds()).containsExactly(DemoSeed.SECURITY_GROUP);
    }

    @Test
    void anErrorInXmlCarriesItsCode() {
        DescribeNetworkInterfaceAttributeRequest request = new DescribeNetworkInterfaceAttributeRequest();
        request.setSysAcceptFormat(FormatType.XML);
        request.setNetworkInterfaceId("eni-j6cnosuch0000000000001");

        assertThatThrownBy(() -> sdk.call(request))
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("InvalidEniId.NotFound"));
    }
}
