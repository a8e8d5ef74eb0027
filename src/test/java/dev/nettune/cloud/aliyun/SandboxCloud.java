package dev.nettune.cloud.aliyun;

import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.ResourceWaiter;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.sandbox.cloud.SandboxCredentials;
import dev.nettune.sandbox.cloud.SimulatedCloud;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The real SDK adapter pointed at a freshly seeded local OpenAPI server, with fast transitions and retries. */
public final class SandboxCloud implements AutoCloseable {
    public static final RegionId REGION = RegionId.of(DemoSeed.REGION);
    static final SandboxCredentials KEYS = new SandboxCredentials("LTAI5tClientTestFakeKey9", "client-test-fake-secret-NOT-REAL");

    public final LocalOpenApiServer server;
    public final AliyunCloudApi api;
    public final List<String> retries = new ArrayList<>();

    public SandboxCloud() {
        this(Duration.ofMillis(200));
    }

    public SandboxCloud(Duration transitionDelay) {
        SimulatedCloud cloud = DemoSeed.create(Clock.systemUTC());
        cloud.setTransitionDelay(transitionDelay);
        server = new LocalOpenApiServer(cloud, KEYS).start(0);
        api = new AliyunCloudApi(new CloudCredentials.AccessKey(KEYS.accessKeyId(), KEYS.accessKeySecret()),
                Optional.of(ApiEndpoint.parse("http://" + server.endpoint())),
                new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(200)), retries::add);
    }

    public ApiEndpoint endpoint() {
        return ApiEndpoint.parse("http://" + server.endpoint());
    }

    public static ResourceWaiter waiter() {
        return new ResourceWaiter(Duration.ofSeconds(10), Duration.ofMillis(50));
    }

    @Override
    public void close() {
        api.close();
        server.stop();
    }
}
