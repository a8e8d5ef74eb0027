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
        return descriptionPhrases().stream().map(dev.nettune.Phrase::toString).toList();
    }

    /** {@link #description()} in the user's language (ids and keys as they are). */
    public List<dev.nettune.Phrase> descriptionPhrases() {
        // These keys are fake, made for the sandbox only and published in the source; they open nothing else.
        return List.of(dev.nettune.Phrase.of("cloud.sandbox.region", "Region {0}, sandbox instance {1}, available ENI {2}, EIP {3}.",
                        DemoSeed.REGION, DemoSeed.SANDBOX_INSTANCE, DemoSeed.SECONDARY_ENI, DemoSeed.EIP),
                dev.nettune.Phrase.of("cloud.sandbox.fleet", "{0} fleet instances with Cloud Assistant, tag {1}={2} ({3} ...).",
                        DemoSeed.FLEET_INSTANCES.size(), DemoSeed.FLEET_TAG_KEY, DemoSeed.FLEET_TAG_VALUE, DemoSeed.FLEET_INSTANCES.get(0)),
                dev.nettune.Phrase.of("cloud.sandbox.key", "FAKE demo AccessKey (sandbox only): id {0}, secret {1}",
                        SandboxCredentials.DEMO.accessKeyId(), SandboxCredentials.DEMO.accessKeySecret()));
    }

    @Override
    public void close() {
        server.close();
    }
}
