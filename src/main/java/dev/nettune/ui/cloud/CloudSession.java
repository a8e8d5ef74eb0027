package dev.nettune.ui.cloud;

import dev.nettune.cloud.CloudApi;
import dev.nettune.cloud.CloudJournal;
import dev.nettune.cloud.RegionId;
import dev.nettune.cloud.ResourceWaiter;

/** What the Cloud screen and its wizards work with: the API, the region, the journal, how long to wait. */
public record CloudSession(CloudApi api, RegionId region, String description, CloudJournal journal, ResourceWaiter waiter) {
}
