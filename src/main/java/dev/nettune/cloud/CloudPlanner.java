package dev.nettune.cloud;

import dev.nettune.Phrase;
import java.util.Optional;

/** Turns what the user asked for into plans, adding the steps that make a change take effect and the notes to read first. */
public final class CloudPlanner {
    /** Why an expected device index of 0 is refused: index 0 is the primary ENI. */
    public static final dev.nettune.Phrase PRIMARY_INDEX = dev.nettune.Phrase.of("cloud.plan.primaryIndex",
            "Device index 0 is the primary ENI; a secondary ENI is attached at 1 or above.");

    private CloudPlanner() {
    }

    /** The secondary-ENI workflow: create or pick, timeouts, RSS, attach, security-group rule, EIP. */
    public record SecondaryEniRequest(RegionId region, InstanceId instance, Optional<EniSpec> create, Optional<NetworkInterfaceId> existing,
            Optional<DeviceIndex> expectedIndex, Optional<ConnectionTrackingTimeouts> timeouts, Optional<Boolean> customRss,
            Optional<SecurityGroupId> ruleGroup, Optional<SecurityGroupRule> rule, Optional<EipAllocationId> eip, EipMode eipMode,
            boolean eipOnEni) {
        public SecondaryEniRequest {
            if (create.isPresent() == existing.isPresent()) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.plan.createOrPick",
                        "Either create a new ENI or pick an existing one (not both, not neither)."));
            }
            if (rule.isPresent() != ruleGroup.isPresent()) {
                throw new CloudInputException(dev.nettune.Phrase.of("cloud.plan.ruleAndGroup",
                        "A security-group rule needs its security group, and a group needs the rule to add."));
            }
            expectedIndex.ifPresent(i -> {
                if (i.isPrimary()) {
                    throw new CloudInputException(PRIMARY_INDEX);
                }
            });
        }
    }

    public static CloudPlan secondaryEni(SecondaryEniRequest r) {
        CloudPlan.Builder b = CloudPlan.builder(Phrase.of("cloud.plan.title.secondaryEni", "Secondary ENI for {0}", r.instance()));
        NetworkInterfaceRef eni;
        if (r.create().isPresent()) {
            EniSpec spec = r.create().get();
            if (r.timeouts().isPresent()) {
                spec = spec.withTimeouts(r.timeouts().get());
            }
            if (r.customRss().isPresent()) {
                spec = spec.withCustomRss(r.customRss().get());
            }
            b.step(new CloudAction.CreateNetworkInterface(r.region(), spec));
            eni = new NetworkInterfaceRef.Created(spec.clientToken());
            if (spec.customRss().orElse(false)) {
                b.note(dev.nettune.Phrase.of("cloud.note.rssAtAttach", "Custom RSS set at create takes effect when the ENI is attached."));
            }
        } else {
            eni = new NetworkInterfaceRef.Existing(r.existing().get());
            r.timeouts().ifPresent(t -> b.step(new CloudAction.ModifyConnectionTracking(r.region(), eni, t, Optional.empty())));
            r.customRss().ifPresent(on -> b.step(new CloudAction.ModifyCustomRss(r.region(), eni, on)));
        }
        // Cut-through (BINDED) needs the ENI unattached: bind the EIP first, then attach.
        boolean eipBeforeAttach = r.eip().isPresent() && r.eipOnEni() && r.eipMode() == EipMode.BINDED;
        if (eipBeforeAttach) {
            b.step(new CloudAction.AssociateEip(r.region(), new EipBinding(r.eip().get(), new EipTarget.Eni(eni, Optional.empty()), r.eipMode())));
            b.note(dev.nettune.Phrase.of("cloud.note.bindedFirst", "BINDED (cut-through) mode binds the EIP while the ENI is still unattached,"
                    + " so it comes before the attach."));
        }
        b.step(new CloudAction.AttachNetworkInterface(r.region(), eni, r.instance(), r.expectedIndex()));
        if (r.customRss().isPresent()) {
            b.step(new CloudAction.VerifyCustomRss(r.region(), eni, r.customRss().get()));
            b.note(RssPreflight.PREVIEW_PHRASE);
        }
        if (r.rule().isPresent()) {
            b.step(new CloudAction.AuthorizeSecurityGroup(r.region(), r.ruleGroup().get(), r.rule().get()));
        }
        if (r.eip().isPresent() && !eipBeforeAttach) {
            EipTarget target = r.eipOnEni() ? new EipTarget.Eni(eni, Optional.empty()) : new EipTarget.Instance(r.instance());
            b.step(new CloudAction.AssociateEip(r.region(), new EipBinding(r.eip().get(), target, r.eipMode())));
        }
        if (r.timeouts().isPresent()) {
            b.note(ConnectionTrackingTimeouts.NEW_CONNECTIONS_ONLY_PHRASE).note(ConnectionTrackingTimeouts.LOAD_BALANCER_PHRASE);
        }
        if (r.expectedIndex().isPresent()) {
            b.note(dev.nettune.Phrase.of("cloud.note.deviceIndex", "AttachNetworkInterface takes no DeviceIndex: ECS gives the ENI the"
                    + " next free index; NetTune checks it is {0} after the attach.", r.expectedIndex().get()));
        }
        return b.build();
    }

    /** New connection-tracking timeouts for an ENI (nothing to do when they already hold). */
    public static CloudPlan timeouts(RegionId region, NetworkInterfaceId eni, ConnectionTrackingTimeouts wanted,
            Optional<ConnectionTrackingTimeouts> current) {
        CloudPlan.Builder b = CloudPlan.builder(Phrase.of("cloud.plan.title.timeouts", "Connection timeouts of {0}", eni));
        if (current.isPresent() && current.get().equals(wanted)) {
            b.note(dev.nettune.Phrase.of("cloud.note.timeoutsAlready", "ENI {0} already has {1}: nothing to change.", eni, wanted));
        } else {
            b.step(new CloudAction.ModifyConnectionTracking(region, NetworkInterfaceRef.of(eni), wanted, current));
        }
        return b.note(ConnectionTrackingTimeouts.NEW_CONNECTIONS_ONLY_PHRASE).note(ConnectionTrackingTimeouts.LOAD_BALANCER_PHRASE).build();
    }

    /**
     * Custom RSS on or off, then what makes it take effect: detach and re-attach a secondary ENI, or
     * restart the instance for the primary one (both interrupt service and are confirmed first),
     * then a check that the API reports the new setting.
     */
    public static CloudPlan customRss(RegionId region, NetworkInterface eni, boolean enable) {
        CloudPlan.Builder b = CloudPlan.builder(enable
                ? Phrase.of("cloud.plan.title.enableRss", "Enable custom RSS on {0}", eni.id())
                : Phrase.of("cloud.plan.title.disableRss", "Disable custom RSS on {0}", eni.id()));
        NetworkInterfaceRef ref = NetworkInterfaceRef.of(eni.id());
        b.step(new CloudAction.ModifyCustomRss(region, ref, enable));
        if (eni.instanceId().isPresent() && NetworkInterface.IN_USE.equals(eni.status())) {
            InstanceId instance = eni.instanceId().get();
            if (eni.isPrimary()) {
                b.step(new CloudAction.RebootInstance(region, instance));
                b.note(dev.nettune.Phrase.of("cloud.note.primaryRestart", "The primary ENI picks up the change only when the instance restarts."));
            } else {
                b.step(new CloudAction.DetachNetworkInterface(region, ref, instance));
                b.step(new CloudAction.AttachNetworkInterface(region, ref, instance, eni.deviceIndex().map(DeviceIndex::of)));
                b.note(dev.nettune.Phrase.of("cloud.note.secondaryReattach", "A secondary ENI picks up the change only when it is detached and"
                        + " attached again."));
            }
        } else {
            b.note(dev.nettune.Phrase.of("cloud.note.notAttached", "ENI {0} is not attached: the change takes effect when it is attached.",
                    eni.id()));
        }
        b.step(new CloudAction.VerifyCustomRss(region, ref, enable));
        if (enable) {
            b.note(dev.nettune.Phrase.of("cloud.note.ethtoolShows", "Inside the guest, `ethtool -x <nic>` then shows the hash key and the"
                    + " 128-entry indirection table."));
        }
        return b.note(RssPreflight.PREVIEW_PHRASE).build();
    }

    public static CloudPlan allow(RegionId region, SecurityGroupId group, SecurityGroupRule rule) {
        return CloudPlan.builder(Phrase.of("cloud.plan.title.allow", "Allow {0} {1} from {2} in {3}", rule.protocol(), rule.ports(),
                rule.source(), group))
                .step(new CloudAction.AuthorizeSecurityGroup(region, group, rule)).build();
    }

    public static CloudPlan associateEip(RegionId region, EipBinding binding) {
        return CloudPlan.builder(Phrase.of("cloud.plan.title.bindEip", "Bind {0} to {1}", binding.allocationId(), binding.target().id()))
                .step(new CloudAction.AssociateEip(region, binding)).build();
    }

    public static CloudPlan create(RegionId region, EniSpec spec) {
        CloudPlan.Builder b = CloudPlan.builder(Phrase.of("cloud.plan.title.create", "Create an ENI in {0}", spec.vSwitchId()))
                .step(new CloudAction.CreateNetworkInterface(region, spec));
        spec.timeouts().ifPresent(t -> b.note(ConnectionTrackingTimeouts.LOAD_BALANCER_PHRASE));
        spec.customRss().filter(x -> x).ifPresent(x -> b.note(RssPreflight.PREVIEW_PHRASE));
        return b.build();
    }

    public static CloudPlan attach(RegionId region, NetworkInterfaceId eni, InstanceId instance, Optional<DeviceIndex> expected) {
        return CloudPlan.builder(Phrase.of("cloud.plan.title.attach", "Attach {0} to {1}", eni, instance))
                .step(new CloudAction.AttachNetworkInterface(region, NetworkInterfaceRef.of(eni), instance, expected)).build();
    }

    public static CloudPlan detach(RegionId region, NetworkInterfaceId eni, InstanceId instance) {
        return CloudPlan.builder(Phrase.of("cloud.plan.title.detach", "Detach {0} from {1}", eni, instance))
                .step(new CloudAction.DetachNetworkInterface(region, NetworkInterfaceRef.of(eni), instance)).build();
    }
}
