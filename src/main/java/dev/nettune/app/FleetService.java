package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.cloud.CloudInputException;
import dev.nettune.cloud.CloudInstance;
import dev.nettune.cloud.ElasticIp;
import dev.nettune.cloud.InstanceId;
import dev.nettune.cloud.RegionId;
import dev.nettune.fleet.FleetHosts;
import dev.nettune.fleet.FleetInputException;
import dev.nettune.fleet.FleetInstance;
import dev.nettune.fleet.FleetJournal;
import dev.nettune.fleet.FleetListener;
import dev.nettune.fleet.FleetRun;
import dev.nettune.fleet.FleetTarget;
import dev.nettune.fleet.InstanceAddress;
import dev.nettune.fleet.InstancePreview;
import dev.nettune.fleet.RollingApply;
import dev.nettune.fleet.RolloutPolicy;
import dev.nettune.fleet.Transport;
import dev.nettune.fleet.TransportChoice;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.host.cloudassistant.CloudAssistantHost;
import dev.nettune.host.ssh.SshTarget;
import dev.nettune.store.SqliteFleetJournal;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.Profile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fleet runner for the CLI and the Fleet screen: turns targets (hosts, instance ids, a tag) into
 * fleet members with how each is reached (SSH, Cloud Assistant, built-in), previews the profile on all
 * of them in parallel, rolls it out (canary, batches, failure threshold) with per-instance progress and
 * cancel, reports and undoes runs by id. Toolkit-free: listeners are called on worker threads.
 */
public final class FleetService implements AutoCloseable {
    /** Which cloud account, region and endpoint instance targets use (the {@code cloud} commands' fallbacks apply). */
    public record CloudAccess(Optional<String> account, Optional<String> region, Optional<String> endpoint) {
        public CloudAccess {
            account = account == null ? Optional.empty() : account.filter(s -> !s.isBlank());
            region = region == null ? Optional.empty() : region.filter(s -> !s.isBlank());
            endpoint = endpoint == null ? Optional.empty() : endpoint.filter(s -> !s.isBlank());
        }

        /** The built-in sandbox region (its fleet instances have Cloud Assistant). */
        public static CloudAccess sandbox() {
            return new CloudAccess(Optional.empty(), Optional.empty(), Optional.of(CloudConnection.SANDBOX));
        }

        String key() {
            return account.orElse("") + "|" + region.orElse("") + "|" + endpoint.orElse("");
        }
    }

    /** Which instances: ids in the order given, every instance with a tag, or every instance of the region. */
    public sealed interface InstanceQuery {
        /** Instances by id, in the order given (the first is the canary). */
        record Ids(List<FleetTarget> ids) implements InstanceQuery {
            public Ids {
                ids = List.copyOf(ids);
            }
        }

        /** Every instance carrying tag {@code key=value}, in the API's order. */
        record Tag(String key, String value) implements InstanceQuery {
            public Tag {
                if (key == null || key.isBlank() || key.length() > 128 || value == null || value.length() > 128) {
                    throw new FleetInputException(Phrase.of("fleet.tag.bad", "A tag is KEY=VALUE with a key of 1-128 characters and a"
                            + " value of at most 128; got '{0}={1}'.", key, value));
                }
            }

            /** {@code KEY=VALUE} as typed after {@code --tag}. */
            public static Tag parse(String text) {
                int eq = text == null ? -1 : text.indexOf('=');
                if (eq <= 0) {
                    throw new FleetInputException(Phrase.of("fleet.tag.notKeyValue", "--tag takes KEY=VALUE, e.g. --tag app=web; got '{0}'.",
                            text));
                }
                return new Tag(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
            }
        }

        /** Every running instance of the region. */
        record Region() implements InstanceQuery {
        }
    }

    private final AppContext ctx;
    private final FleetJournal journal;
    private final Map<String, CloudConnection> clouds = new HashMap<>();
    private volatile CloudAssistantHost.Sleeper pollSleeper = d -> Thread.sleep(d.toMillis());
    private volatile Duration confirmTimeout = ApplyOptions.DEFAULT_CONFIRM_TIMEOUT;

    public FleetService(AppContext ctx) {
        this.ctx = ctx;
        this.journal = new SqliteFleetJournal(ctx.database());
    }

    /** The fleet journal (runs, instances, how each was reached). */
    public FleetJournal journal() {
        return journal;
    }

    /** How long an armed revert waits for a fresh connection to confirm (default 60 s, 10-3600). */
    public void confirmTimeout(Duration d) {
        this.confirmTimeout = Objects.requireNonNull(d, "d");
    }

    /** How Cloud Assistant polling waits between DescribeInvocationResults calls (tests keep it short but real). */
    public void pollSleeper(CloudAssistantHost.Sleeper sleeper) {
        this.pollSleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    // ---- targets ----------------------------------------------------------------------------------

    /**
     * Hosts (built-in, saved, ssh-config aliases, user@host[:port]) as fleet members in the order given,
     * each with where its SSH login goes; nothing connects yet.
     */
    public List<FleetInstance> hosts(List<FleetTarget> hosts, HostOptions options) throws HostException {
        List<FleetInstance> out = new ArrayList<>();
        for (FleetTarget t : hosts) {
            if (t.kind() != FleetTarget.Kind.HOST) {
                throw new FleetInputException(Phrase.of("fleet.target.instanceInHosts", "{0} is an instance id; list it with --instances.",
                        t.name()));
            }
            TransportChoice reach;
            if (ctx.builtInHosts().find(t.name()).isPresent()) {
                reach = TransportChoice.builtIn(t.name());
            } else {
                SshTarget st = ctx.hostResolver().sshTarget(t.name(), options);
                // The name as given is what reopens it (a saved host or alias keeps its bastion); the address says where.
                reach = new TransportChoice(Transport.SSH, t.name(), Optional.of(st.user()),
                        options.identity().map(Path::toString), options.knownHosts().map(Path::toString), Optional.empty(),
                        Optional.of(st.display()), Optional.empty());
            }
            out.add(new FleetInstance(out.size(), t, reach));
        }
        return out;
    }

    /**
     * How instances reached over SSH are dialed: which of their addresses ({@code --address}), as whom
     * ({@code --ssh-user}, default root) and through which bastion chain ({@code --bastion}; empty: the ProxyJump
     * ~/.ssh/config gives for the address, if any).
     */
    public record SshReach(InstanceAddress address, Optional<String> user, Optional<String> bastion) {
        private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]{0,63}");

        public SshReach {
            Objects.requireNonNull(address, "address");
            user = user == null ? Optional.empty() : user.map(String::strip).filter(u -> !u.isEmpty());
            bastion = bastion == null ? Optional.empty() : bastion.map(String::strip).filter(b -> !b.isEmpty());
            user.ifPresent(u -> {
                if (!USER.matcher(u).matches()) {
                    throw new FleetInputException(Phrase.of("fleet.sshUser.bad", "Not a login name: '{0}'. --ssh-user takes letters,"
                            + " digits, '.', '_' and '-', up to 64 characters, not starting with '-'.", dev.nettune.host.Printable.clip(u)));
                }
            });
            bastion.ifPresent(TransportChoice::checkBastion);
        }

        /** The first private IP, as root, with the bastion ~/.ssh/config gives, if any. */
        public static SshReach defaults() {
            return new SshReach(InstanceAddress.PRIVATE, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Instances of the cloud account as fleet members: by id, tag or region. Over Cloud Assistant each is
     * reached by its id (the agent is checked when the run reaches it); over SSH by its first private IP,
     * as {@code sshUser} (default root), with the identity and known_hosts of {@code ssh}.
     */
    public List<FleetInstance> instances(CloudAccess access, InstanceQuery query, Transport via, HostOptions ssh,
                                         Optional<String> sshUser) {
        return instances(access, query, via, ssh, new SshReach(InstanceAddress.PRIVATE, sshUser, Optional.empty()));
    }

    /**
     * Instances of the cloud account as fleet members: by id, tag or region. Over Cloud Assistant each is reached
     * by its id (the agent is checked when the run reaches it). Over SSH as {@code reach} says: its first private
     * IP or its EIP (DescribeEipAddresses), through the bastion given or the ProxyJump ~/.ssh/config has for that
     * address, with the identity and known_hosts of {@code ssh}; all of it is kept with the run. Nothing connects.
     */
    public List<FleetInstance> instances(CloudAccess access, InstanceQuery query, Transport via, HostOptions ssh,
                                         SshReach reach) {
        if (via == Transport.BUILT_IN) {
            throw new FleetInputException(Phrase.of("fleet.via.builtIn", "Instances are reached over ssh or cloud-assistant."));
        }
        if (via == Transport.CLOUD_ASSISTANT && (reach.bastion().isPresent() || reach.address() != InstanceAddress.PRIVATE
                || reach.user().isPresent())) {
            throw new FleetInputException(Phrase.of("fleet.via.sshOptions", "--bastion, --address and --ssh-user say how to reach"
                    + " instances over SSH; add --via ssh, or leave them out for Cloud Assistant (which needs no address, login or"
                    + " bastion)."));
        }
        if (reach.bastion().isPresent()) {
            checkBastionResolves(reach.bastion().get(), ssh);
        }
        CloudConnection c = cloud(access);
        List<CloudInstance> found = new ArrayList<>();
        if (query instanceof InstanceQuery.Ids ids) {
            for (FleetTarget t : ids.ids()) {
                found.add(c.api().describeInstance(c.region(), InstanceId.of(t.name())).orElseThrow(() -> new FleetInputException(
                        Phrase.of("fleet.instance.none", "There is no instance {0} in {1} ({2}).", t.name(), c.region(), c.endpoint()))));
            }
        } else if (query instanceof InstanceQuery.Tag tag) {
            found.addAll(c.api().describeInstancesByTag(c.region(), tag.key(), tag.value()));
            if (found.isEmpty()) {
                throw new FleetInputException(Phrase.of("fleet.tag.none", "No instance in {0} has the tag {1}={2}.", c.region(), tag.key(),
                        tag.value()));
            }
        } else {
            found.addAll(c.api().describeInstances(c.region()).stream().filter(CloudInstance::isRunning).toList());
        }
        List<ElasticIp> eips = via == Transport.SSH && reach.address() == InstanceAddress.EIP ? c.api().describeEips(c.region()) : List.of();
        List<FleetInstance> out = new ArrayList<>();
        for (CloudInstance i : found) {
            FleetTarget t = FleetTarget.instance(i.id().value());
            TransportChoice choice;
            if (via == Transport.CLOUD_ASSISTANT) {
                choice = TransportChoice.cloudAssistant(i.id().value(), c.region().value(), access.endpoint(), access.account());
            } else {
                String ip = reach.address() == InstanceAddress.EIP ? eipOf(i, eips) : i.privateIpAddresses().stream().findFirst()
                        .orElseThrow(() -> new FleetInputException(Phrase.of("fleet.instance.noPrivateIp", "{0} has no private IP address"
                                + " to reach over SSH; use --address eip or --via cloud-assistant.", i.id())));
                String user = reach.user().orElse("root");
                String address = user + "@" + (ip.contains(":") ? "[" + ip + "]" : ip);
                Optional<String> bastion = reach.bastion();
                if (bastion.isEmpty()) {
                    try {
                        // Kept with the run, so that undo and resume go the same way even if ~/.ssh/config changes.
                        bastion = ctx.hostResolver().configProxyJump(address);
                    } catch (HostException e) {
                        throw new FleetInputException(Phrase.from(e));
                    }
                }
                choice = TransportChoice.ssh(address, Optional.of(user), ssh.identity().map(Path::toString),
                        ssh.knownHosts().map(Path::toString), bastion);
            }
            out.add(new FleetInstance(out.size(), t, choice));
        }
        return out;
    }

    /** The EIP bound to instance {@code i} or to one of its ENIs (DescribeEipAddresses), or a message saying there is none. */
    private static String eipOf(CloudInstance i, List<ElasticIp> eips) {
        for (ElasticIp e : eips) {
            Optional<String> bound = e.instanceId();
            if (bound.isPresent() && ElasticIp.IN_USE.equals(e.status()) && (bound.get().equals(i.id().value())
                    || i.networkInterfaces().stream().anyMatch(n -> n.value().equals(bound.get())))) {
                return e.ipAddress();
            }
        }
        throw new FleetInputException(Phrase.of("fleet.instance.noEip", "{0} has no EIP bound (DescribeEipAddresses lists none in use by"
                + " it or its ENIs); use --address private (with --bastion when NetTune is outside the VPC) or --via cloud-assistant.",
                i.id()));
    }

    /** Refuses a bastion that names a built-in host or that ~/.ssh/config cannot resolve, before any API call. */
    private void checkBastionResolves(String chain, HostOptions ssh) {
        for (String hop : chain.split(",")) {
            String h = hop.strip();
            if (ctx.builtInHosts().find(h).isPresent()) {
                throw new FleetInputException(Phrase.of("fleet.bastion.builtIn", "{0} is a built-in host, not an SSH server; --bastion"
                        + " takes a saved host, an alias of ~/.ssh/config or user@host[:port].", h));
            }
            try {
                ctx.hostResolver().sshTarget(h, ssh);
            } catch (HostException | IllegalArgumentException e) {
                throw new FleetInputException(Phrase.of("fleet.bastion.unresolved", "--bastion {0}: {1}", dev.nettune.host.Printable.clip(h),
                        Phrase.from(e)));
            }
        }
    }

    /**
     * The preflight of a run over Cloud Assistant: instance ids whose agent is offline or not installed
     * (DescribeCloudAssistantStatus for every member reached over Cloud Assistant, 50 ids a call), each with
     * the reason, so that they are listed before the run and never discovered in the middle of it.
     */
    public Map<String, Phrase> cloudAssistantOffline(List<FleetInstance> members) {
        Map<String, List<FleetInstance>> byAccess = new HashMap<>();
        for (FleetInstance m : members) {
            if (m.reach().transport() == Transport.CLOUD_ASSISTANT) {
                byAccess.computeIfAbsent(access(m.reach()).key(), k -> new ArrayList<>()).add(m);
            }
        }
        Map<String, Phrase> out = new java.util.LinkedHashMap<>();
        for (List<FleetInstance> group : byAccess.values()) {
            CloudConnection c = cloud(access(group.get(0).reach()));
            RegionId region = RegionId.of(group.get(0).reach().region().orElseThrow());
            Map<InstanceId, Boolean> status = c.api().describeCloudAssistantStatus(region,
                    group.stream().map(m -> InstanceId.of(m.reach().address())).toList());
            for (FleetInstance m : group) {
                Boolean on = status.get(InstanceId.of(m.reach().address()));
                if (on == null) {
                    out.put(m.hostName(), Phrase.of("fleet.preflight.notInstalled", "Cloud Assistant is not installed (DescribeCloudAssistantStatus"
                            + " does not list it)"));
                } else if (!on) {
                    out.put(m.hostName(), Phrase.of("fleet.preflight.offline", "its Cloud Assistant agent is offline (DescribeCloudAssistantStatus:"
                            + " false)"));
                }
            }
        }
        return out;
    }

    // ---- preview, apply, undo ---------------------------------------------------------------------

    /** Each member's plan for {@code profile} (only what differs), read at most {@code parallel} at a time. */
    public List<InstancePreview> preview(List<FleetInstance> members, Profile profile, int parallel, HostOptions options,
                                         Cancellation cancel, Consumer<InstancePreview> each) throws InterruptedException {
        refuseUnrestricted(profile);
        return RollingApply.preview(members, profile, hosts(options), parallel, cancel, each);
    }

    /**
     * Rolls {@code profile} out under {@code policy}; plans from {@code previewed} (same members) are used as
     * they were shown. Returns the journaled run.
     */
    public FleetRun apply(Profile profile, List<FleetInstance> members, RolloutPolicy policy, List<InstancePreview> previewed,
                          HostOptions options, FleetListener listener, Cancellation cancel) throws InterruptedException {
        return apply(profile, members, policy, previewed, Map.of(), options, listener, cancel);
    }

    /**
     * As {@link #apply(Profile, List, RolloutPolicy, List, HostOptions, FleetListener, Cancellation)}; the
     * members named in {@code skip} (by name, as {@link #cloudAssistantOffline} gives them, with why) are not
     * started: the run journals them SKIPPED with the reason and does not count as a success.
     */
    public FleetRun apply(Profile profile, List<FleetInstance> members, RolloutPolicy policy, List<InstancePreview> previewed,
                          Map<String, Phrase> skip, HostOptions options, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        refuseUnrestricted(profile);
        Map<Integer, Plan> plans = new HashMap<>();
        for (InstancePreview p : previewed) {
            p.plan().ifPresent(plan -> plans.put(p.instance().position(), plan));
        }
        return runner(options).apply(profile.name(), profile, members, policy, plans, positions(members, skip), listener, cancel);
    }

    /**
     * A fleet run takes only profiles within NetTune's limits: one review of an unrestricted profile's root
     * commands should not fan out to a hundred instances, and fleet has no per-run override to give.
     */
    private static void refuseUnrestricted(Profile profile) {
        List<String> beyond = profile.beyondLimits();
        if (!beyond.isEmpty()) {
            Phrase said = profile.beyondLimitPhrases().get(0);
            Phrase first = beyond.size() > 1 ? Phrase.of("fleet.unrestricted.more", "{0} and {1} more", said, beyond.size() - 1) : said;
            throw new FleetInputException(Phrase.of("fleet.unrestricted", "Profile '{0}' is marked unrestricted and goes beyond what a"
                    + " tuning profile may do ({1}): a fleet run takes only profiles within NetTune's limits. Apply it host by host"
                    + " with `nettune tune apply HOST --profile ... {2}`, or remove what goes beyond.", profile.name(), first,
                    dev.nettune.tuning.ProfileLimits.FLAG));
        }
    }

    private static Map<Integer, Phrase> positions(List<FleetInstance> members, Map<String, Phrase> byName) {
        Map<Integer, Phrase> out = new HashMap<>();
        for (FleetInstance m : members) {
            Phrase why = byName.get(m.hostName());
            if (why != null) {
                out.put(m.position(), why);
            }
        }
        return out;
    }

    /**
     * Continues run {@code runId} that NetTune stopped in the middle of (UNFINISHED or CANCELLED) under its own
     * policy and with the profile it kept, each instance reached as the run reached it: done instances are
     * left alone, an instance in flight is read again and finished or rolled back, the rest start now.
     */
    public FleetRun resume(String runId, HostOptions options, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        FleetRun run = journal.run(runId).orElseThrow(() -> new FleetInputException(Phrase.of("fleet.run.none",
                "There is no fleet run {0}: `nettune fleet status` lists them.", runId)));
        // A run from before NetTune kept the profile: the profile of that name, as `fleet apply --profile` finds it.
        Profile profile = journal.keptProfile(runId).orElseGet(() -> ctx.profiles().find(run.profile()));
        // The preflight again: an agent that went offline since is skipped, never discovered mid-rollout.
        List<FleetInstance> members = run.instances().stream().map(dev.nettune.fleet.FleetInstanceResult::instance).toList();
        return runner(options).resume(runId, profile, positions(members, cloudAssistantOffline(members)), listener, cancel);
    }

    /** Puts back every change of run {@code runId}, each instance reached as the run reached it. */
    public FleetRun undo(String runId, int parallel, HostOptions options, FleetListener listener, Cancellation cancel)
            throws InterruptedException {
        return runner(options).undo(runId, parallel, listener, cancel);
    }

    public Optional<FleetRun> run(String runId) {
        return journal.run(runId);
    }

    /** Runs, newest first. */
    public List<FleetRun> runs() {
        return journal.runs();
    }

    /** A tuning profile by name or file, as {@code tune} finds it. */
    public Profile profile(String nameOrFile) {
        return ctx.profiles().find(nameOrFile);
    }

    public List<Profile> profiles() {
        return ctx.profiles().all();
    }

    /** The host of one member, reached as its transport says (for a screen's drill-down into one instance). */
    public Host open(FleetInstance member, HostOptions options) throws HostException, InterruptedException {
        return hosts(options).open(member);
    }

    private RollingApply runner(HostOptions options) {
        FleetHosts hosts = hosts(options);
        // A fresh connection (confirm, reconnect) never asks about a host key: the first one settled it.
        FleetHosts fresh = hosts(options.withHostKeyDecision(HostKeyDecision.refuse()));
        return new RollingApply(ctx.tuningEngine(), journal, hosts,
                m -> ApplyOptions.defaults(() -> fresh.open(m)).withConfirmTimeout(confirmTimeout));
    }

    private FleetHosts hosts(HostOptions options) {
        return m -> {
            TransportChoice r = m.reach();
            return switch (r.transport()) {
                case BUILT_IN -> ctx.builtInHosts().find(r.address()).orElseThrow(() -> new HostException(Phrase.of(
                        "fleet.builtIn.none", "There is no built-in host {0} in this NetTune.", r.address()))).get();
                case SSH -> {
                    HostOptions o = options;
                    if (r.keyFile().isPresent()) {
                        o = o.withIdentity(Path.of(r.keyFile().get()));
                    }
                    if (r.knownHosts().isPresent()) {
                        o = o.withKnownHosts(Path.of(r.knownHosts().get()));
                    }
                    yield r.bastion().isPresent() ? ctx.hostResolver().resolveVia(r.address(), r.bastion().get(), o)
                            : ctx.hostResolver().resolve(r.address(), o);
                }
                case CLOUD_ASSISTANT -> {
                    CloudConnection c;
                    try {
                        c = cloud(access(r));
                    } catch (RuntimeException e) {
                        throw new HostException(Phrase.of("fleet.cloud.unreachable", "Cannot reach the cloud API for {0}: {1}", r.address(),
                                Phrase.from(e)), e);
                    }
                    yield new CloudAssistantHost(r.address(), c.api(), RegionId.of(r.region().orElseThrow()),
                            InstanceId.of(r.address()), pollSleeper);
                }
            };
        };
    }

    private static CloudAccess access(TransportChoice r) {
        return new CloudAccess(r.account(), r.region(), r.endpoint());
    }

    /** One connection per account, region and endpoint, kept for the service's life (the SDK client is thread-safe). */
    private CloudConnection cloud(CloudAccess a) {
        synchronized (clouds) {
            CloudConnection c = clouds.get(a.key());
            if (c == null) {
                a.region().ifPresent(RegionId::of);
                if (a.account().isPresent() && a.endpoint().filter(CloudConnection.SANDBOX::equalsIgnoreCase).isPresent()) {
                    throw new CloudInputException(Phrase.of("fleet.cloud.accountWithSandbox", "--account and --endpoint sandbox do not go"
                            + " together: the sandbox uses its own fake demo key."));
                }
                c = CloudConnection.open(ctx, a.endpoint(), a.account(), a.region());
                clouds.put(a.key(), c);
            }
            return c;
        }
    }

    @Override
    public void close() {
        synchronized (clouds) {
            clouds.values().forEach(CloudConnection::close);
            clouds.clear();
        }
    }
}
