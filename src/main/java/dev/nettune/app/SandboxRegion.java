package dev.nettune.app;

import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import dev.nettune.sandbox.cloud.SandboxCredentials;
import java.time.Duration;
import java.util.List;

/** The sandbox region's local ECS/VPC OpenAPI server, run on its own for other clients ({@code nettune cloud sandbox}). */
public final class SandboxRegion implements AutoCloseable {
    private final LocalOpenApiServer server;

    private SandboxRegion(LocalOpenApiServer server) {
        this.server = server;
    }

    /** Starts the seeded region on 127.0.0.1:{@code port} (0: any free port); state changes take {@code transition}. */
    public static SandboxRegion start(int port, Duration transition) {
        LocalOpenApiServer server = LocalOpenApiServer.startDemo(port, transition);
        // The fleet instances' Cloud Assistant agents run scripts on simulated guests of their own.
        dev.nettune.sandbox.SandboxFleet.install(server.cloud());
        return new SandboxRegion(server);
    }

    /** {@code 127.0.0.1:PORT}. */
    public String endpoint() {
        return server.endpoint();
    }

    /** What the region holds and the key that opens it, one line each, for a person to copy from. */
    public List<String> description() {
        // These keys are fake, made for the sandbox only and published in the source; they open nothing else.
        return List.of("Region " + DemoSeed.REGION + ", sandbox instance " + DemoSeed.SANDBOX_INSTANCE
                        + ", available ENI " + DemoSeed.SECONDARY_ENI + ", EIP " + DemoSeed.EIP + ".",
                DemoSeed.FLEET_INSTANCES.size() + " fleet instances with Cloud Assistant, tag " + DemoSeed.FLEET_TAG_KEY + "="
                        + DemoSeed.FLEET_TAG_VALUE + " (" + DemoSeed.FLEET_INSTANCES.get(0) + " ...).",
                "FAKE demo AccessKey (sandbox only): id " + SandboxCredentials.DEMO.accessKeyId()
                        + ", secret " + SandboxCredentials.DEMO.accessKeySecret());
    }

    @Override
    public void close() {
        server.close();
    }
}
