package dev.nettune.host.cloudassistant;

import dev.nettune.Phrase;
import dev.nettune.cloud.CloudApi;
import dev.nettune.cloud.CloudApiException;
import dev.nettune.cloud.CloudAssistantInvocation;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.RegionId;
import dev.nettune.host.Command;
import dev.nettune.host.CommandResult;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.LineStream;
import dev.nettune.host.ShellScript;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Host} port over ECS Cloud Assistant: each {@link #runAll} is one RunCommand (Type
 * {@code RunShellScript}, base64 content, one instance, its own InvokeId) of a self-contained script
 * that frames every command's exit code, stdout and stderr ({@link ShellScript#selfContained}), then
 * DescribeInvocationResults is polled until the invocation ends; its base64 output is parsed back into
 * one result per command; an output the service cut at its 24 KB limit (DescribeInvocationResults'
 * {@code Dropped}) is refused as "output truncated, could not verify", never parsed as complete.
 * The agent runs scripts as root, so no sudo is involved. Throttling is retried
 * by the {@link CloudApi} adapter. A script that outlives its timeout is killed by the agent (the
 * RunCommand Timeout) and reported as such.
 */
public final class CloudAssistantHost implements Host {
    /** How polling waits; tests pass a quicker one, never a fake clock: the agent runs for real. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final Duration FIRST_POLL = Duration.ofMillis(100);
    private static final Duration MAX_POLL = Duration.ofSeconds(2);
    /** The API reports an invocation a moment after the agent killed it; this is how long we wait for that. */
    private static final Duration REPORT_GRACE = Duration.ofSeconds(15);

    private final String name;
    private final CloudApi api;
    private final RegionId region;
    private final InstanceId instance;
    private final Sleeper sleeper;

    public CloudAssistantHost(String name, CloudApi api, RegionId region, InstanceId instance, Sleeper sleeper) {
        this.name = Objects.requireNonNull(name, "name");
        this.api = Objects.requireNonNull(api, "api");
        this.region = Objects.requireNonNull(region, "region");
        this.instance = Objects.requireNonNull(instance, "instance");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    public CloudAssistantHost(CloudApi api, RegionId region, InstanceId instance) {
        this(instance.value(), api, region, instance, d -> Thread.sleep(d.toMillis()));
    }

    @Override
    public String name() {
        return name;
    }

    public InstanceId instance() {
        return instance;
    }

    public RegionId region() {
        return region;
    }

    @Override
    public CommandResult run(Command command, Duration timeout) throws HostException, InterruptedException {
        return runAll(List.of(command), timeout).get(0);
    }

    @Override
    public List<CommandResult> runAll(List<Command> commands, Duration timeout) throws HostException, InterruptedException {
        ShellScript.Batch batch = ShellScript.selfContained(commands);
        // RunCommand's Timeout is whole seconds, 10 at least (the API refuses less).
        int seconds = (int) Math.max(10, (timeout.toMillis() + 999) / 1000);
        String invokeId;
        try {
            invokeId = api.runShellScript(region, instance, batch.script(), seconds);
        } catch (CloudApiException e) {
            throw new HostException(Phrase.of("host.ca.refused", "Cloud Assistant refused to run {0} on {1}: {2}",
                    describe(commands), instance, e.getMessage()), e);
        }
        CloudAssistantInvocation inv = await(invokeId, timeout.plus(REPORT_GRACE), commands);
        if (!inv.ran()) {
            if ("Timeout".equals(inv.status())) {
                throw new HostException(Phrase.of("host.ca.timedOut", "'{0}' did not finish within {1} s on {2}; Cloud Assistant stopped it"
                        + " (invocation {3}).", describe(commands), seconds, instance, invokeId));
            }
            throw new HostException(Phrase.of("host.ca.notRun", "Cloud Assistant did not run the script on {0}: invocation {1} ended {2}{3}{4}.",
                    instance, invokeId, inv.status(),
                    inv.errorCode().<Object>map(c -> Phrase.of("host.ca.withCode", " with {0}", c)).orElse(""),
                    inv.errorInfo().isBlank() ? "" : " (" + inv.errorInfo().strip() + ")"));
        }
        if (inv.truncated()) {
            // A cut output can look complete (the read-back value may even be in it): it is never used as a reading.
            throw new HostException(Phrase.of("host.ca.truncated", "output truncated, could not verify: Cloud Assistant kept only"
                    + " {0} KB of what '{1}' printed on {2}{3}, invocation {4}); NetTune does not take a cut output as complete.",
                    CloudAssistantInvocation.OUTPUT_LIMIT / 1024, describe(commands), instance,
                    inv.dropped().map(d -> Phrase.of("host.ca.dropped", " ({0} bytes dropped", d))
                            .orElse(Phrase.of("host.ca.fillsLimit", " (the output fills the limit")), invokeId));
        }
        try {
            return batch.parse(inv.output());
        } catch (HostException e) {
            throw new HostException(Phrase.of("host.ca.unparsed", "{0} (Cloud Assistant invocation {1} on {2}, exit code {3};"
                    + " its output may have been cut at the API's size limit.)", e.phrase(), invokeId, instance, inv.exitCode().orElse(-1)), e);
        }
    }

    private CloudAssistantInvocation await(String invokeId, Duration limit, List<Command> commands)
            throws HostException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        Duration wait = FIRST_POLL;
        while (true) {
            CloudAssistantInvocation inv;
            try {
                inv = api.describeInvocationResult(region, invokeId, instance);
            } catch (CloudApiException e) {
                throw new HostException(Phrase.of("host.ca.unreadable", "Cannot read the result of invocation {0} on {1}: {2}",
                        invokeId, instance, e.getMessage()), e);
            }
            if (inv.done()) {
                return inv;
            }
            if (System.nanoTime() > deadline) {
                throw new HostException(Phrase.of("host.ca.silent", "'{0}' on {1} has not reported back within {2} s (invocation {3} is {4}).",
                        describe(commands), instance, limit.toSeconds(), invokeId, inv.status()));
            }
            sleeper.sleep(wait);
            wait = wait.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : wait.multipliedBy(2);
        }
    }

    /** Cloud Assistant hands back a script's output only when it ends: live streams (the monitor's sampler) need SSH. */
    @Override
    public LineStream stream(Command command, LineStream.Sink sink) throws HostException {
        throw new HostException(Phrase.of("host.ca.noStream", "Cloud Assistant returns a script's output only when it ends, so '{0}'"
                + " cannot stream from {1}; reach it over SSH for live monitoring.", command.display(), instance));
    }

    @Override
    public void close() {
        // Nothing to close per instance: the API client belongs to the cloud connection.
    }

    private static Phrase describe(List<Command> commands) {
        return commands.size() == 1 ? Phrase.literal(commands.get(0).display())
                : Phrase.of("host.commands", "{0} commands ({1}, ...)", commands.size(), commands.get(0).display());
    }
}
