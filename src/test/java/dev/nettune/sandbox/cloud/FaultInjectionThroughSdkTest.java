package dev.nettune.sandbox.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.ecs.model.v20140526.DescribeInstancesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Injected faults reach the real SDK the way real ones do: throttling, server errors, dropped connections, slow answers. */
class FaultInjectionThroughSdkTest {
    private final SandboxSdk sdk = new SandboxSdk();

    @AfterEach
    void stop() {
        sdk.close();
    }

    @Test
    void throttledCallsAnswerThrottlingUntilTheCountIsUsedUp() throws ClientException {
        sdk.server.faults().throttleNext(2, "DescribeRegions");

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> sdk.call(new DescribeRegionsRequest()))
                    .isInstanceOf(ClientException.class)
                    .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("Throttling"));
        }
        assertThat(sdk.call(new DescribeRegionsRequest()).getRegions()).isNotEmpty();
    }

    @Test
    void throttlingOfOneActionLeavesTheOthersAlone() throws ClientException {
        sdk.server.faults().throttleNext(1, "DescribeRegions");

        assertThat(sdk.call(new DescribeInstancesRequest()).getInstances()).isNotEmpty();
    }

    @Test
    void aServiceUnavailableFaultReachesTheSdkAsAServerException() {
        sdk.server.faults().failNext(1, "DescribeRegions", 503, "ServiceUnavailable",
                "The request has failed due to a temporary failure of the server.");

        assertThatThrownBy(() -> sdk.call(new DescribeRegionsRequest()))
                .isInstanceOf(ServerException.class)
                .satisfies(e -> assertThat(((ServerException) e).getErrCode()).isEqualTo("ServiceUnavailable"));
    }

    @Test
    void aDroppedConnectionFailsTheCallWithoutAnAnswer() throws ClientException {
        sdk.server.faults().dropNext(1, null);

        assertThatThrownBy(() -> sdk.call(new DescribeRegionsRequest()))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).startsWith("SDK."));
        assertThat(sdk.call(new DescribeRegionsRequest()).getRegions()).isNotEmpty();
    }

    @Test
    void aDelayLongerThanTheReadTimeoutTimesTheCallOut() {
        sdk.server.faults().delayResponses(Duration.ofMillis(1500));
        DescribeRegionsRequest request = new DescribeRegionsRequest();
        request.setSysReadTimeout(300);

        assertThatThrownBy(() -> sdk.call(request))
                .isInstanceOf(ClientException.class)
                .satisfies(e -> assertThat(((ClientException) e).getErrCode()).isEqualTo("SDK.ReadTimeout"));
    }
}
