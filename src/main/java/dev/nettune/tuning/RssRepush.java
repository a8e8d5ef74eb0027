package dev.nettune.tuning;

import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.linux.Reading;
import java.util.List;

/**
 * What a re-push pushes when the user names nothing: the NIC's live key and its table as the
 * {@code ethtool -X} request that rebuilds it (the default when no single request does).
 */
public final class RssRepush {
    private RssRepush() {
    }

    /** The live key and table of {@code nic} as profile entries, read in one round trip. */
    public static List<ProfileEntry> liveEntries(Host host, String nic) throws HostException, InterruptedException {
        RssTableChange probe = new RssTableChange(nic, "default");
        List<Reading<String>> now = Planner.readAll(host, List.of(probe, new RssKeyChange(nic, "00:00:00:00")));
        if (!now.get(0).isKnown()) {
            throw new TuningInputException(dev.nettune.Phrase.of("tuning.repush.unknownTable", "Cannot re-push the table of {0}: {1}.", nic,
                    now.get(0).unknownPhrase().get()));
        }
        String request = RssTableChange.Parsed.of(now.get(0).asOptional().get()).request();
        RssTableChange table = new RssTableChange(nic, RssTableChange.CUSTOM.equals(request) ? "default" : request);
        if (!now.get(1).isKnown()) {
            return List.of(table);
        }
        return List.of(new RssKeyChange(nic, now.get(1).asOptional().get()), table);
    }
}
