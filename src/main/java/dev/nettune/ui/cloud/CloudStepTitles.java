package dev.nettune.ui.cloud;

import dev.nettune.cloud.CloudAction;
import dev.nettune.cloud.ConnectionTrackingTimeouts;
import dev.nettune.cloud.EipTarget;
import dev.nettune.cloud.NetworkInterfaceRef;
import dev.nettune.cloud.SecurityGroupRule;
import dev.nettune.ui.common.Messages;

/**
 * What a cloud plan's step does, in one line in the language in use, for the review pages of the cloud wizards and
 * the production setup. Made here from the step's parts (IDs, rules and values kept as they are) because the
 * domain's {@link CloudAction#describe()} is English only; in English the two read the same (CloudStepTitlesTest).
 */
public final class CloudStepTitles {
    private CloudStepTitles() {
    }

    /** The step's title. */
    public static String of(CloudAction step) {
        if (step instanceof CloudAction.CreateNetworkInterface s) {
            StringBuilder extras = new StringBuilder();
            s.spec().queueNumber().ifPresent(q -> extras.append(Messages.format("cloud.step.create.queues", String.valueOf(q))));
            s.spec().timeouts().ifPresent(t -> extras.append(Messages.format("cloud.step.create.timeouts", timeouts(t))));
            s.spec().customRss().ifPresent(r -> extras.append(Messages.get(r ? "cloud.step.create.rssOn" : "cloud.step.create.rssOff")));
            return Messages.format("cloud.step.create", String.valueOf(s.spec().vSwitchId()), String.valueOf(s.spec().securityGroups()),
                    extras.toString(), String.valueOf(s.spec().clientToken()));
        }
        if (step instanceof CloudAction.DeleteNetworkInterface s) {
            return Messages.format("cloud.step.delete", eni(s.eni()));
        }
        if (step instanceof CloudAction.AttachNetworkInterface s) {
            return Messages.format("cloud.step.attach", eni(s.eni()), String.valueOf(s.instance()),
                    s.expectedIndex().map(i -> Messages.format("cloud.step.attach.expected", String.valueOf(i))).orElse(""));
        }
        if (step instanceof CloudAction.DetachNetworkInterface s) {
            return Messages.format("cloud.step.detach", eni(s.eni()), String.valueOf(s.instance()));
        }
        if (step instanceof CloudAction.ModifyConnectionTracking s) {
            return Messages.format("cloud.step.timeouts", eni(s.eni()), timeouts(s.timeouts()),
                    s.previous().map(p -> Messages.format("cloud.step.timeouts.now", timeouts(p))).orElse(""));
        }
        if (step instanceof CloudAction.ModifyCustomRss s) {
            return Messages.format(s.enable() ? "cloud.step.rss.enable" : "cloud.step.rss.disable", eni(s.eni()));
        }
        if (step instanceof CloudAction.VerifyCustomRss s) {
            return Messages.format(s.expected() ? "cloud.step.rss.checkEnabled" : "cloud.step.rss.checkDisabled", eni(s.eni()));
        }
        if (step instanceof CloudAction.AuthorizeSecurityGroup s) {
            return Messages.format("cloud.step.authorize", String.valueOf(s.group()), rule(s.rule()));
        }
        if (step instanceof CloudAction.RevokeSecurityGroup s) {
            return Messages.format("cloud.step.revoke", String.valueOf(s.group()), rule(s.rule()));
        }
        if (step instanceof CloudAction.AssociateEip s) {
            String to = s.binding().target() instanceof EipTarget.Instance i
                    ? Messages.format("cloud.step.target.instance", String.valueOf(i.instanceId()))
                    : Messages.format("cloud.step.target.eni", targetId(s.binding().target()));
            return Messages.format("cloud.step.bindEip", String.valueOf(s.binding().allocationId()), to, String.valueOf(s.binding().mode()));
        }
        if (step instanceof CloudAction.UnassociateEip s) {
            return Messages.format("cloud.step.unbindEip", String.valueOf(s.binding().allocationId()), targetId(s.binding().target()));
        }
        if (step instanceof CloudAction.RebootInstance s) {
            return Messages.format("cloud.step.reboot", String.valueOf(s.instance()));
        }
        // A step type added to the domain without a title here still says what it does, in English.
        return step.describe();
    }

    private static String eni(NetworkInterfaceRef eni) {
        return eni instanceof NetworkInterfaceRef.Created ? Messages.get("cloud.step.newEni") : eni.display();
    }

    private static String targetId(EipTarget target) {
        return target instanceof EipTarget.Eni e ? eni(e.eni()) : target.id();
    }

    /**
     * What the user must know wherever timeouts are changed (new connections only; the NLB/CLB advice), in the language
     * in use; in English ConnectionTrackingTimeouts' own notes.
     */
    public static String timeoutsNotes(String separator) {
        return Messages.get("cloud.timeouts.newConnectionsOnly") + separator + Messages.get("cloud.timeouts.loadBalancerNote");
    }

    /** Connection-tracking timeouts in a line ("TCP established 910 s, ..."). */
    public static String timeouts(ConnectionTrackingTimeouts t) {
        return Messages.format("cloud.step.timeoutValues", String.valueOf(t.tcpEstablished()), String.valueOf(t.tcpClosedAndTimeWait()),
                String.valueOf(t.udp()));
    }

    /** A security-group rule in a line ("allow tcp 80/80 from 10.0.0.0/8 (priority 1)"). */
    public static String rule(SecurityGroupRule r) {
        return Messages.format("cloud.step.rule", String.valueOf(r.protocol()), String.valueOf(r.ports()), String.valueOf(r.source()),
                String.valueOf(r.priority()), r.description().isEmpty() ? "" : Messages.format("cloud.step.rule.description", r.description()));
    }
}
