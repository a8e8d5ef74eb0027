package dev.nettune.testing;

import dev.nettune.rss.Flow;
import dev.nettune.rss.RssCalculator;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxTraffic;

/**
 * A flow the sandbox's NIC steers to another queue than its live key and table predict, as a NIC that ignores its table
 * until the first ethtool -X does after a reboot: what scenario 2 must fail on.
 */
public final class OffPredictionFlow {
    private OffPredictionFlow() {
    }

    /** The first source port from 12345 whose TCP flow 10.0.0.252 → 10.0.0.5:80 lands off the predicted queue of {@code nic}. */
    public static int sourcePort(SandboxInstance sandbox, String nic) {
        RssCalculator calc = new RssCalculator(sandbox.rssKey(nic), sandbox.indirectionTable(nic));
        SandboxTraffic probe = new SandboxTraffic(sandbox, 1);
        int port = 12345;
        while (calc.calculate(Flow.tcp("10.0.0.252", "10.0.0.5", port, 80)).queue()
                == probe.send(nic, Flow.tcp("10.0.0.252", "10.0.0.5", port, 80), 0, 60)) {
            port++;
        }
        return port;
    }
}
