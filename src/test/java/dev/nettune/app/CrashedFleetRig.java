package dev.nettune.app;

import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetInstanceResult;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.InstanceStatus;
import dev.nettune.fleet.Transport;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.cloud.DemoSeed;
import dev.nettune.sandbox.cloud.LocalOpenApiServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The set-up of the resume tests (ResumeFleetRunTest, ResumeFleetUndoTest): the app's context over a real SQLite file,
 * the sandbox fleet reached through its Cloud Assistant (real SDK calls to the local OpenAPI server), the first
 * {@code n} tagged instances, how the NetTune process "dies" inside a run, and the new service that resumes it.
 */
final class CrashedFleetRig implements AutoCloseable {
    static final String FIN = "net.ipv4.tcp_fin_timeout";

    /** What the process "dying" looks like from inside: nothing after it runs, nothing catches it. */
    static final class Death extends Error {
        private static final long serialVersionUID = 1L;

        Death() {
            super("simulated death of the NetTune process");
        }
    }

    final AppContext ctx;
    final LocalOpenApiServer server;
    final List<FleetInstance> members;

    /** The context in {@code config} and the first {@code n} instances of the sandbox fleet's tag; fleet polls made fast. */
    CrashedFleetRig(Path config, int n) {
        ctx = new AppContext(config);
        ctx.fleet().pollSleeper(d -> Thread.sleep(20));
        server = ctx.cloudSandbox();
        members = ctx.fleet().instances(FleetService.CloudAccess.sandbox(), new FleetService.InstanceQuery.Tag(
                DemoSeed.FLEET_TAG_KEY, DemoSeed.FLEET_TAG_VALUE), Transport.CLOUD_ASSISTANT, HostOptions.defaults(),
                Optional.empty()).subList(0, n);
    }

    SandboxInstance guest(int n) {
        return ctx.sandboxFleet().instance(DemoSeed.FLEET_INSTANCES.get(n));
    }

    /** A new service over the same SQLite file: what a new NetTune process would see. */
    FleetService restarted() {
        FleetService s = new FleetService(ctx);
        s.pollSleeper(d -> Thread.sleep(20));
        return s;
    }

    /** The RunCommand calls the OpenAPI server received for one instance. */
    long runCommandsTo(String instanceId) {
        return server.received("RunCommand").stream().filter(c -> instanceId.equals(c.parameter("InstanceId.1"))).count();
    }

    static List<InstanceStatus> statuses(FleetRun run) {
        return run.instances().stream().map(FleetInstanceResult::status).toList();
    }

    @Override
    public void close() {
        ctx.close();
    }
}
