package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeInstancesResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import dev.nettune.app.AppContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo server the GUI and CLI start: seeded, on a free loopback port, accepting the fake demo keys. */
class DemoServerTest {

    @Test
    void theDemoServerAnswersTheSdkWithTheDemoKeys() throws ClientException {
        try (LocalOpenApiServer server = LocalOpenApiServer.startDemo()) {
            assertThat(server.endpoint()).matches("127\\.0\\.0\\.1:\\d+");
            DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile(DemoSeed.REGION,
                    SandboxCredentials.DEMO.accessKeyId(), SandboxCredentials.DEMO.accessKeySecret()));
            DescribeInstancesRequest request = new DescribeInstancesRequest();
            request.setSysEndpoint(server.endpoint());
            request.setSysProtocol(ProtocolType.HTTP);

            DescribeInstancesResponse response = client.getAcsResponse(request);

            assertThat(response.getInstances()).extracting(DescribeInstancesResponse.Instance::getInstanceId)
                    .containsExactly(DemoSeed.SANDBOX_INSTANCE, DemoSeed.SENDER_INSTANCE);
            client.shutdown();
        }
    }

    @Test
    void theDemoCredentialsNeverPrintTheirSecret() {
        assertThat(SandboxCredentials.DEMO.toString()).doesNotContain(SandboxCredentials.DEMO.accessKeySecret());
    }

    @Test
    void theAppContextStartsOneSandboxServerAndStopsItOnClose(@TempDir Path config) {
        LocalOpenApiServer server;
        try (AppContext context = new AppContext(config)) {
            server = context.cloudSandbox();
            assertThat(context.cloudSandbox()).isSameAs(server);
            assertThat(server.endpoint()).startsWith("127.0.0.1:");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(server::endpoint).isInstanceOf(IllegalStateException.class);
    }
}
