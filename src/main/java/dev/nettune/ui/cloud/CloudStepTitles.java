package dev.nettune.ui.cloud;

import dev.nettune.cloud.CloudAction;
import dev.nettune.ui.common.Messages;

/**
 * What a cloud plan's step does, in one line in the language in use, for the review pages of the cloud wizards and
 * the production setup: the step's own {@link CloudAction#title()}, whose English is {@link CloudAction#describe()}.
 */
public final class CloudStepTitles {
    private CloudStepTitles() {
    }

    /** The step's title. */
    public static String of(CloudAction step) {
        return Messages.say(step.title());
    }

    /**
     * What the user must know wherever timeouts are changed (new connections only; the NLB/CLB advice), in the language
     * in use; in English ConnectionTrackingTimeouts' own notes.
     */
    public static String timeoutsNotes(String separator) {
        return Messages.get("cloud.timeouts.newConnectionsOnly") + separator + Messages.get("cloud.timeouts.loadBalancerNote");
    }
}
