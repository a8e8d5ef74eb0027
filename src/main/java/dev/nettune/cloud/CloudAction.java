package dev.nettune.cloud;

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

    /** One line for a person: what this step does. */
    String describe();

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
    default String outcome(String output) {
        return output;
    }

    /** What reverses this step, given the output it journaled; empty when nothing can (or need) be undone. */
    Optional<CloudAction> undo(String output);

    /** The service interruption the user must confirm before this step runs, if any. */
    default Optional<String> interruption() {
        return Optional.empty();
    }

    /** Why this step has no undo, when it has none. */
    default Optional<String> noUndoReason() {
        return Optional.empty();
    }

    /** CreateNetworkInterface with everything the spec sets (timeouts and custom RSS included). */
    record CreateNetworkInterface(RegionId region, EniSpec spec) implements CloudAction {
        @Override
        public String describe() {
            StringBuilder sb = new StringBuilder("Create an ENI in " + spec.vSwitchId() + " with " + spec.securityGroups());
            spec.queueNumber().ifPresent(q -> sb.append(", ").append(q).append(" queues"));
            spec.timeouts().ifPresent(t -> sb.append(", timeouts ").append(t));
            spec.customRss().ifPresent(r -> sb.append(", custom RSS ").append(r ? "on" : "off"));
            return sb.append(" (ClientToken ").append(spec.clientToken()).append(")").toString();
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
        public String describe() {
            return "Delete ENI " + eni.display();
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
        public Optional<String> noUndoReason() {
            return Optional.of("a deleted ENI cannot be brought back (a new one gets a new id and MAC)");
        }
    }

    /**
     * AttachNetworkInterface, then wait for InUse. ECS picks the device index itself; an expected
     * index is checked after the attach, not sent.
     */
    record AttachNetworkInterface(RegionId region, NetworkInterfaceRef eni, InstanceId instance, Optional<DeviceIndex> expectedIndex)
            implements CloudAction {
        @Override
        public String describe() {
            return "Attach ENI " + eni.display() + " to " + instance + expectedIndex.map(i -> " (expected as device " + i + ")").orElse("")
                    + ", wait until InUse";
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
                env.progress().progress("Note: ECS gave " + id + " device index " + index.get() + ", not the expected "
                        + expectedIndex.get() + " (AttachNetworkInterface takes no DeviceIndex; ECS uses the next free one).");
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
        public String describe() {
            return "Detach ENI " + eni.display() + " from " + instance + ", wait until Available";
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            Optional<NetworkInterface> now = env.api().describeNetworkInterface(region, id);
            if (now.isEmpty()) {
                throw new CloudWaitException("ENI " + id + " does not exist (any more); nothing to detach.");
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
        public Optional<String> interruption() {
            return Optional.of("Traffic through ENI " + eni.display() + " on " + instance + " stops until it is attached again; "
                    + "SSH sessions over this ENI drop.");
        }
    }

    /** ModifyNetworkInterfaceAttribute with ConnectionTrackingConfiguration.* */
    record ModifyConnectionTracking(RegionId region, NetworkInterfaceRef eni, ConnectionTrackingTimeouts timeouts,
            Optional<ConnectionTrackingTimeouts> previous) implements CloudAction {
        @Override
        public String describe() {
            return "Set the connection timeouts of ENI " + eni.display() + " to " + timeouts
                    + previous.map(p -> " (now " + p + ")").orElse("");
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
                throw new CloudWaitException("ENI " + id + " reports " + after + " after the change, not " + timeouts + ".");
            }
            return before.encode();
        }

        @Override
        public String outcome(String output) {
            String was = output == null || output.isBlank() ? "" : " (was " + output + ")";
            return "now " + timeouts.encode() + was;
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
        public String describe() {
            return (enable ? "Enable" : "Disable") + " custom RSS on ENI " + eni.display()
                    + " (takes effect after re-attaching a secondary ENI, or restarting the instance for the primary)";
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
        public String outcome(String output) {
            return "EnableRss now " + enable + " (was " + output + ")";
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
        public String describe() {
            return "Check that the API reports custom RSS " + (expected ? "enabled" : "disabled") + " on ENI " + eni.display();
        }

        @Override
        public String execute(StepEnvironment env) {
            NetworkInterfaceId id = env.context().resolve(eni);
            boolean now = env.api().describeCustomRss(region, id).orElse(false);
            if (now != expected) {
                throw new CloudWaitException("ENI " + id + " reports EnableRss=" + now + ", expected " + expected + ".");
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
        public String describe() {
            return "In " + group + ", " + rule + " (skipped if an equal rule exists)";
        }

        @Override
        public String execute(StepEnvironment env) {
            boolean exists = env.api().describeIngressRules(region, group).stream().anyMatch(r -> r.sameTrafficAs(rule));
            if (exists) {
                env.progress().progress(group + " already has a rule for " + rule.protocol() + " " + rule.ports() + " from "
                        + rule.source() + ": nothing added.");
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
        public String describe() {
            return "In " + group + ", remove the rule " + rule;
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
        public Optional<String> interruption() {
            return Optional.of("Traffic that only this rule lets in (" + rule.protocol() + " " + rule.ports() + " from " + rule.source()
                    + ") is dropped from now on.");
        }
    }

    /** AssociateEipAddress (VPC API, with Mode), then wait for InUse. */
    record AssociateEip(RegionId region, EipBinding binding) implements CloudAction {
        @Override
        public String describe() {
            String to = binding.target() instanceof EipTarget.Instance i ? "instance " + i.instanceId() : "ENI " + binding.target().id();
            return "Bind EIP " + binding.allocationId() + " to " + to + " in " + binding.mode() + " mode, wait until InUse";
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
        public String describe() {
            return "Unbind EIP " + binding.allocationId() + " from " + binding.target().id() + ", wait until Available";
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
        public Optional<String> interruption() {
            return Optional.of("Public traffic to EIP " + binding.allocationId() + " stops.");
        }
    }

    /** RebootInstance, then wait for Running: makes a changed custom-RSS setting take effect on the primary ENI. */
    record RebootInstance(RegionId region, InstanceId instance) implements CloudAction {
        @Override
        public String describe() {
            return "Restart instance " + instance + ", wait until Running";
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
        public Optional<String> interruption() {
            return Optional.of("Instance " + instance + " restarts: every service on it is down for a minute or two and all SSH sessions drop.");
        }

        @Override
        public Optional<String> noUndoReason() {
            return Optional.of("a restart cannot be undone (and needs none)");
        }
    }
}
