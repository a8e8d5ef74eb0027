package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One step of a cloud plan: an API call with its parameters, how it reads, how it runs (checking
 * the current state first, so a resumed step does not act twice) and what undoes it.
 */
public sealed interface CloudAction permits CloudAction.CreateNetworkInterface, CloudAction.DeleteNetworkInterface,
        CloudAction.AttachNetworkInterface, CloudAction.DetachNetworkInterface, CloudAction.ModifyConnectionTracking,
        CloudAction.ModifyCustomRss, CloudAction.AuthorizeSecurityGroup, CloudAction.RevokeSecurityGroup,
        CloudAction.AssociateEip, CloudAction.UnassociateEip, CloudAction.RebootInstance, CloudAction.VerifyCustomRss {

    RegionId region();

    /** What this step does, in one line in the user's language (IDs, rules and values as they are). */
    Phrase title();

    /** One line for a person in English: the title's English (the journal, {@code --json}, the exports). */
    default String describe() {
        return title().toString();
    }

    /** The request as data (for display, the journal, the exports and the SDK adapter), as {@link CloudActionWire} spells it. */
    default CloudCall toCall(PlanNames names) {
        return CloudActionWire.encode(this, names);
    }

    /** Runs the step; the returned text is journaled and is what {@link #undo} needs later. */
    String execute(StepEnvironment env);

    /**
     * The step's outcome for a person, from the output it journaled: what is in effect now. The output
     * itself is what undo needs (for a modification, the value before), so it is not shown as is.
     */
    default Phrase outcome(String output) {
        return Phrase.literal(output);
    }

    /** What reverses this step, given the output it journaled; empty when nothing can (or need) be undone. */
    Optional<CloudAction> undo(String output);

    /** The service interruption the user must confirm before this step runs, if any, in English. */
    default Optional<String> interruption() {
        return interruptionPhrase().map(Phrase::toString);
    }

    /** The service interruption the user must confirm before this step runs, if any. */
    default Optional<Phrase> interruptionPhrase() {
        return Optional.empty();
    }

    /** Why this step has no undo, when it has none. */
    default Optional<Phrase> noUndoReason() {
        return Optional.empty();
    }

    /** How an ENI reads in a step: its id, or "(new ENI)" for the one an earlier step creates. */
    private static Object shown(NetworkInterfaceRef eni) {
        return eni instanceof NetworkInterfaceRef.Created ? Phrase.of("cloud.step.newEni", "(new ENI)") : eni.display();
    }

    /** What an EIP is bound to as a step reads it: an instance's id, or the ENI as {@link #shown(NetworkInterfaceRef)} says it. */
    private static Object shown(EipTarget target) {
        return target instanceof EipTarget.Eni e ? shown(e.eni()) : target.id();
    }

    /**
     * A journaled output as a person reads it (nettune cloud plan show): the words steps journal ("attached", "deleted" ...)
     * translated, ids and values as they are; its English is the output itself.
     */
    static Phrase journaledWord(String output) {
        return word(output);
    }

    /** An output word a step journals ("deleted", "already gone" ...) as a person reads it; anything else (an id, an IP) as is. */
    private static Phrase word(String output) {
        return switch (output == null ? "" : output) {
            case "already gone" -> Phrase.of("cloud.outcome.alreadyGone", "already gone");
            case "deleted" -> Phrase.of("cloud.outcome.deleted", "deleted");
            case "attached" -> Phrase.of("cloud.outcome.attached", "attached");
            case "already detached" -> Phrase.of("cloud.outcome.alreadyDetached", "already detached");
            case "detached" -> Phrase.of("cloud.outcome.detached", "detached");
            case "added" -> Phrase.of("cloud.outcome.added", "added");
            case "existed" -> Phrase.of("cloud.outcome.existed", "existed");
            case "revoked" -> Phrase.of("cloud.outcome.revoked", "revoked");
            case "associated" -> Phrase.of("cloud.outcome.associated", "associated");
            case "not bound there" -> Phrase.of("cloud.outcome.notBoundThere", "not bound there");
            case "unassociated" -> Phrase.of("cloud.outcome.unassociated", "unassociated");
            case "restarted" -> Phrase.of("cloud.outcome.restarted", "restarted");
            default -> output.startsWith("device ") ? Phrase.of("cloud.outcome.device", "device {0}", output.substring("device ".length()))
                    : Phrase.literal(output);
        };
    }

    /** CreateNetworkInterface with everything the spec sets (timeouts and custom RSS included). */
    record CreateNetworkInterface(RegionId region, EniSpec spec) implements CloudAction {
        @Override
        public Phrase title() {
            List<Phrase> extras = new ArrayList<>();
            spec.queueNumber().ifPresent(q -> extras.add(Phrase.of("cloud.step.create.queues", ", {0} queues", q)));
            spec.timeouts().ifPresent(t -> extras.add(Phrase.of("cloud.step.create.timeouts", ", timeouts {0}", t.phrase())));
            spec.customRss().ifPresent(r -> extras.add(r ? Phrase.of("cloud.step.create.rssOn", ", custom RSS on")
                    : Phrase.of("cloud.step.create.rssOff", ", custom RSS off")));
            return Phrase.of("cloud.step.create", "Create an ENI in {0} with {1}{2} (ClientToken {3})", spec.vSwitchId(),
                    spec.securityGroups(), Phrase.joined("", extras), spec.clientToken());
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.api().createNetworkInterface(region, spec);
            env.context().created(spec.clientToken(), id);
            env.waiter().await(id.value(), NetworkInterface.AVAILABLE,
                    () -> env.api().describeNetworkInterface(region, id).map(NetworkInterface::status), env.progress());
            return id.value();
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return output == null || output.isBlank() ? Optional.empty()
                    : Optional.of(new DeleteNetworkInterface(region, new NetworkInterfaceRef.Existing(NetworkInterfaceId.of(output))));
        }
    }

    /** DeleteNetworkInterface: final. */
    record DeleteNetworkInterface(RegionId region, NetworkInterfaceRef eni) implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.delete", "Delete ENI {0}", shown(eni));
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            if (env.api().describeNetworkInterface(region, id).isEmpty()) {
                return "already gone";
            }
            env.api().deleteNetworkInterface(region, id);
            return "deleted";
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return Optional.empty();
        }

        @Override
        public Optional<Phrase> noUndoReason() {
            return Optional.of(Phrase.of("cloud.noUndo.deleted", "a deleted ENI cannot be brought back (a new one gets a new id and MAC)"));
        }
    }

    /**
     * AttachNetworkInterface, then wait for InUse. ECS picks the device index itself; an expected
     * index is checked after the attach, not sent.
     */
    record AttachNetworkInterface(RegionId region, NetworkInterfaceRef eni, InstanceId instance, Optional<DeviceIndex> expectedIndex)
            implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.attach", "Attach ENI {0} to {1}{2}, wait until InUse", shown(eni), instance,
                    expectedIndex.<Object>map(i -> Phrase.of("cloud.step.attach.expected", " (expected as device {0})", i)).orElse(""));
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            Optional<NetworkInterface> now = env.api().describeNetworkInterface(region, id);
            boolean already = now.filter(n -> NetworkInterface.IN_USE.equals(n.status()) && n.instanceId().equals(Optional.of(instance))).isPresent();
            if (!already) {
                env.api().attachNetworkInterface(region, id, instance);
            }
            env.waiter().await(id.value(), NetworkInterface.IN_USE,
                    () -> env.api().describeNetworkInterface(region, id).map(NetworkInterface::status), env.progress());
            Optional<Integer> index = env.api().describeNetworkInterface(region, id).flatMap(NetworkInterface::deviceIndex);
            if (expectedIndex.isPresent() && index.isPresent() && index.get() != expectedIndex.get().value()) {
                env.progress().progress(Phrase.of("cloud.run.otherIndex", "Note: ECS gave {0} device index {1}, not the expected {2}"
                        + " (AttachNetworkInterface takes no DeviceIndex; ECS uses the next free one).", id, index.get(), expectedIndex.get()));
            }
            return index.map(i -> "device " + i).orElse("attached");
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return Optional.of(new DetachNetworkInterface(region, eni, instance));
        }
    }

    /** DetachNetworkInterface, then wait for Available. */
    record DetachNetworkInterface(RegionId region, NetworkInterfaceRef eni, InstanceId instance) implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.detach", "Detach ENI {0} from {1}, wait until Available", shown(eni), instance);
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            Optional<NetworkInterface> now = env.api().describeNetworkInterface(region, id);
            if (now.isEmpty()) {
                throw new CloudWaitException(Phrase.of("cloud.wait.noEni", "ENI {0} does not exist (any more); nothing to detach.", id));
            }
            if (NetworkInterface.AVAILABLE.equals(now.get().status())) {
                return "already detached";
            }
            env.api().detachNetworkInterface(region, id, instance);
            env.waiter().await(id.value(), NetworkInterface.AVAILABLE,
                    () -> env.api().describeNetworkInterface(region, id).map(NetworkInterface::status), env.progress());
            return "detached";
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return Optional.of(new AttachNetworkInterface(region, eni, instance, Optional.empty()));
        }

        @Override
        public Optional<Phrase> interruptionPhrase() {
            return Optional.of(Phrase.of("cloud.interrupts.detach", "Traffic through ENI {0} on {1} stops until it is attached again; "
                    + "SSH sessions over this ENI drop.", shown(eni), instance));
        }
    }

    /** ModifyNetworkInterfaceAttribute with ConnectionTrackingConfiguration.* */
    record ModifyConnectionTracking(RegionId region, NetworkInterfaceRef eni, ConnectionTrackingTimeouts timeouts,
            Optional<ConnectionTrackingTimeouts> previous) implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.timeouts", "Set the connection timeouts of ENI {0} to {1}{2}", shown(eni), timeouts.phrase(),
                    previous.<Object>map(p -> Phrase.of("cloud.step.timeouts.now", " (now {0})", p.phrase())).orElse(""));
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            ConnectionTrackingTimeouts before = env.api().describeConnectionTracking(region, id);
            if (!before.equals(timeouts)) {
                env.api().modifyConnectionTracking(region, id, timeouts);
            }
            ConnectionTrackingTimeouts after = env.api().describeConnectionTracking(region, id);
            if (!after.equals(timeouts)) {
                throw new CloudWaitException(Phrase.of("cloud.wait.timeoutsDiffer", "ENI {0} reports {1} after the change, not {2}.", id,
                        after.phrase(), timeouts.phrase()));
            }
            return before.encode();
        }

        @Override
        public Phrase outcome(String output) {
            return output == null || output.isBlank() ? Phrase.of("cloud.outcome.now", "now {0}", timeouts.encode())
                    : Phrase.of("cloud.outcome.nowWas", "now {0} (was {1})", timeouts.encode(), output);
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            if (output == null || output.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ModifyConnectionTracking(region, eni, ConnectionTrackingTimeouts.decode(output), Optional.of(timeouts)));
        }
    }

    /** ModifyNetworkInterfaceAttribute with EnhancedNetwork.EnableRss (sent raw: no SDK has it). */
    record ModifyCustomRss(RegionId region, NetworkInterfaceRef eni, boolean enable) implements CloudAction {
        @Override
        public Phrase title() {
            return enable ? Phrase.of("cloud.step.rss.enable", "Enable custom RSS on ENI {0}"
                    + " (takes effect after re-attaching a secondary ENI, or restarting the instance for the primary)", shown(eni))
                    : Phrase.of("cloud.step.rss.disable", "Disable custom RSS on ENI {0}"
                    + " (takes effect after re-attaching a secondary ENI, or restarting the instance for the primary)", shown(eni));
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            Optional<Boolean> before = env.api().describeCustomRss(region, id);
            if (before.orElse(false) != enable || before.isEmpty()) {
                env.api().modifyCustomRss(region, id, enable);
            }
            return before.map(String::valueOf).orElse("unset");
        }

        @Override
        public Phrase outcome(String output) {
            return Phrase.of("cloud.outcome.rss", "EnableRss now {0} (was {1})", enable,
                    "unset".equals(output) ? Phrase.of("cloud.outcome.unset", "unset") : output);
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            boolean was = "true".equals(output);
            return was == enable ? Optional.empty() : Optional.of(new ModifyCustomRss(region, eni, was));
        }
    }

    /** DescribeNetworkInterfaceAttribute (Attribute=enhancedNetwork): checks the API reports the wanted RSS setting. */
    record VerifyCustomRss(RegionId region, NetworkInterfaceRef eni, boolean expected) implements CloudAction {
        @Override
        public Phrase title() {
            return expected ? Phrase.of("cloud.step.rss.checkEnabled", "Check that the API reports custom RSS enabled on ENI {0}", shown(eni))
                    : Phrase.of("cloud.step.rss.checkDisabled", "Check that the API reports custom RSS disabled on ENI {0}", shown(eni));
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            boolean now = env.api().describeCustomRss(region, id).orElse(false);
            if (now != expected) {
                throw new CloudWaitException(Phrase.of("cloud.wait.rssDiffers", "ENI {0} reports EnableRss={1}, expected {2}.", id, now, expected));
            }
            return "EnableRss=" + now;
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return Optional.empty();
        }
    }

    /** AuthorizeSecurityGroup, unless the group already lets the same traffic in. */
    record AuthorizeSecurityGroup(RegionId region, SecurityGroupId group, SecurityGroupRule rule) implements CloudAction {
        public static final String ADDED = "added";
        public static final String EXISTED = "existed";

        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.authorize", "In {0}, {1} (skipped if an equal rule exists)", group, rule.phrase());
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            boolean exists = env.api().describeIngressRules(region, group).stream().anyMatch(r -> r.sameTrafficAs(rule));
            if (exists) {
                env.progress().progress(Phrase.of("cloud.run.ruleExists", "{0} already has a rule for {1} {2} from {3}: nothing added.",
                        group, rule.protocol(), rule.ports(), rule.source()));
                return EXISTED;
            }
            env.api().authorizeIngress(region, group, rule);
            return ADDED;
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return ADDED.equals(output) ? Optional.of(new RevokeSecurityGroup(region, group, rule)) : Optional.empty();
        }
    }

    /** RevokeSecurityGroup of exactly this rule. */
    record RevokeSecurityGroup(RegionId region, SecurityGroupId group, SecurityGroupRule rule) implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.revoke", "In {0}, remove the rule {1}", group, rule.phrase());
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            boolean exists = env.api().describeIngressRules(region, group).stream().anyMatch(r -> r.sameTrafficAs(rule));
            if (!exists) {
                return "already gone";
            }
            env.api().revokeIngress(region, group, rule);
            return "revoked";
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return "revoked".equals(output) ? Optional.of(new AuthorizeSecurityGroup(region, group, rule)) : Optional.empty();
        }

        @Override
        public Optional<Phrase> interruptionPhrase() {
            return Optional.of(Phrase.of("cloud.interrupts.revoke", "Traffic that only this rule lets in ({0} {1} from {2}) is dropped from now on.",
                    rule.protocol(), rule.ports(), rule.source()));
        }
    }

    /** AssociateEipAddress (VPC API, with Mode), then wait for InUse. */
    record AssociateEip(RegionId region, EipBinding binding) implements CloudAction {
        @Override
        public Phrase title() {
            Phrase to = binding.target() instanceof EipTarget.Instance i ? Phrase.of("cloud.step.target.instance", "instance {0}", i.instanceId())
                    : Phrase.of("cloud.step.target.eni", "ENI {0}", shown(binding.target()));
            return Phrase.of("cloud.step.bindEip", "Bind EIP {0} to {1} in {2} mode, wait until InUse", binding.allocationId(), to, binding.mode());
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            EipTarget target = env.context().resolve(binding.target());
            Optional<ElasticIp> now = find(env);
            boolean already = now.filter(e -> e.instanceId().equals(Optional.of(target.id()))).isPresent();
            if (!already) {
                env.api().associateEip(region, binding.allocationId(), target, binding.mode());
            }
            env.waiter().await(binding.allocationId().value(), ElasticIp.IN_USE, () -> find(env).map(ElasticIp::status), env.progress());
            return find(env).map(e -> e.ipAddress()).orElse("associated");
        }

        private Optional<ElasticIp> find(StepEnvironment env) {
            return env.api().describeEips(region).stream().filter(e -> e.allocationId().equals(binding.allocationId())).findFirst();
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return Optional.of(new UnassociateEip(region, binding));
        }
    }

    /** UnassociateEipAddress, then wait for Available. */
    record UnassociateEip(RegionId region, EipBinding binding) implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.unbindEip", "Unbind EIP {0} from {1}, wait until Available", binding.allocationId(),
                    shown(binding.target()));
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            EipTarget target = env.context().resolve(binding.target());
            Optional<ElasticIp> now = env.api().describeEips(region).stream()
                    .filter(e -> e.allocationId().equals(binding.allocationId())).findFirst();
            if (now.isEmpty() || !now.get().instanceId().equals(Optional.of(target.id()))) {
                return "not bound there";
            }
            env.api().unassociateEip(region, binding.allocationId(), target);
            env.waiter().await(binding.allocationId().value(), ElasticIp.AVAILABLE, () -> env.api().describeEips(region).stream()
                    .filter(e -> e.allocationId().equals(binding.allocationId())).findFirst().map(ElasticIp::status), env.progress());
            return "unassociated";
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return "unassociated".equals(output) ? Optional.of(new AssociateEip(region, binding)) : Optional.empty();
        }

        @Override
        public Optional<Phrase> interruptionPhrase() {
            return Optional.of(Phrase.of("cloud.interrupts.unbindEip", "Public traffic to EIP {0} stops.", binding.allocationId()));
        }
    }

    /** RebootInstance, then wait for Running: makes a changed custom-RSS setting take effect on the primary ENI. */
    record RebootInstance(RegionId region, InstanceId instance) implements CloudAction {
        @Override
        public Phrase title() {
            return Phrase.of("cloud.step.reboot", "Restart instance {0}, wait until Running", instance);
        }

        @Override
        public Phrase outcome(String output) {
            return word(output);
        }

        @Override
        public String execute(StepEnvironment env) {
            env.api().rebootInstance(region, instance);
            env.waiter().await(instance.value(), "Running",
                    () -> env.api().describeInstance(region, instance).map(CloudInstance::status), env.progress());
            return "restarted";
        }

        @Override
        public Optional<CloudAction> undo(String output) {
            return Optional.empty();
        }

        @Override
        public Optional<Phrase> interruptionPhrase() {
            return Optional.of(Phrase.of("cloud.interrupts.reboot",
                    "Instance {0} restarts: every service on it is down for a minute or two and all SSH sessions drop.", instance));
        }

        @Override
        public Optional<Phrase> noUndoReason() {
            return Optional.of(Phrase.of("cloud.noUndo.reboot", "a restart cannot be undone (and needs none)"));
        }
    }
}
