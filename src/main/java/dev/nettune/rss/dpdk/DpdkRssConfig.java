package dev.nettune.rss.dpdk;

import dev.nettune.rss.IndirectionTable;
import dev.nettune.rss.RssInputException;
import dev.nettune.rss.RssKey;
import java.util.Objects;

/**
 * The RSS setup of one DPDK port: its port id, the hash key, the redirection table (RETA) and the
 * number of receive queues the application configures. Validated so that DPDK accepts it:
 * a table that is a whole number of 64-entry groups (at most 512 entries, testpmd's limit),
 * every entry below the queue count, a key of 4 to 64 bytes.
 */
public record DpdkRssConfig(int portId, RssKey key, IndirectionTable table, int queueCount) {
    /** DPDK's RTE_ETH_RETA_GROUP_SIZE: the RETA is updated in groups of 64 entries, each with a 64-bit mask. */
    public static final int RETA_GROUP_SIZE = 64;
    /** testpmd rejects tables larger than RTE_ETH_RSS_RETA_SIZE_512. */
    public static final int MAX_RETA_SIZE = 512;
    /** testpmd's RSS_HASH_KEY_LENGTH buffer. */
    public static final int MAX_KEY_LENGTH = 64;
    /** The first DPDK release with the RTE_ETH_ names the snippet uses, and the minimum for ENI custom RSS. */
    public static final String MINIMUM_DPDK = "21.11";

    public DpdkRssConfig {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(table, "table");
        if (portId < 0 || portId > 65535) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.badPort", "Port {0} is not a DPDK port id: use 0-65535 (the first"
                    + " attached device is 0).", portId));
        }
        if (queueCount < 1 || queueCount > 65535) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.badQueueCount", "Queue count {0} is out of range: use 1-65535 (the"
                    + " --rxq you start the application with).", queueCount));
        }
        if (table.size() % RETA_GROUP_SIZE != 0 || table.size() > MAX_RETA_SIZE) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.retaSize", "A DPDK redirection table has a multiple of {0}"
                    + " entries, at most {1}; this table has {2} (an ENI has 128).", RETA_GROUP_SIZE, MAX_RETA_SIZE, table.size()));
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.keyLength", "The key has {0} bytes; DPDK takes at most {1}"
                    + " (an ENI uses 40).", key.length(), MAX_KEY_LENGTH));
        }
        int highest = table.highestQueue();
        if (highest >= queueCount) {
            throw new RssInputException(dev.nettune.Phrase.of("rss.dpdk.tableBeyondQueues", "The table sends traffic to queue {0} but"
                    + " the port is configured with {1} receive queue(s) (0-{2}): start it with --rxq={3} or more, or refill the table.",
                    highest, queueCount, queueCount - 1, highest + 1));
        }
    }

    /**
     * The port set up as the table needs: as many receive queues as the table uses, or as the NIC
     * has rings when it reports more (so the port's queues match the NIC's).
     */
    public static DpdkRssConfig forTable(int portId, RssKey key, IndirectionTable table) {
        return new DpdkRssConfig(portId, key, table, queuesFor(table));
    }

    /** The receive queues a port needs for {@code table}: its highest queue + 1, or the NIC's ring count if larger. */
    public static int queuesFor(IndirectionTable table) {
        return Math.max(table.highestQueue() + 1, table.ringCount().orElse(0));
    }

    /** The key as one run of hex digits, as testpmd's {@code rss-hash-key} takes it. */
    public String keyHex() {
        return key.toHex();
    }

    /** How many 64-entry groups (and masks) the table spans. */
    public int groupCount() {
        return table.size() / RETA_GROUP_SIZE;
    }
}
