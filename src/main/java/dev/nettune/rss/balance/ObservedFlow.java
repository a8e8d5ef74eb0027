package dev.nettune.rss.balance;

import dev.nettune.rss.Flow;
import dev.nettune.rss.RssInputException;
import java.util.Objects;

/**
 * One flow as the receiving NIC sees it (source = the remote side, destination = a local
 * address) and how much of the load it carries, in the unit it was measured in.
 */
public record ObservedFlow(Flow flow, long weight) {
    public ObservedFlow {
        Objects.requireNonNull(flow, "flow");
        if (!flow.protocol().isHashed()) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.nonIp", "A non-IP flow is not hashed by RSS (it always lands in"
                    + " queue 0): it cannot be balanced."));
        }
        if (weight < 0) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.balance.negativeWeight", "A flow's weight is {0}: weights are 0 or more"
                    + " (packets or bytes).", weight));
        }
    }
}
