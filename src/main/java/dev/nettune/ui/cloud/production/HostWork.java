package dev.nettune.ui.cloud.production;

import dev.nettune.app.HostOpener;
import dev.nettune.app.NicRssService;
import dev.nettune.app.VerificationService;
import dev.nettune.tuning.TuningEngine;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * What the host part of the production setup works with: the hosts a user can pick, how to open one,
 * the tuning engine (the same plan, apply, read-back, journal and undo as the Tuning screen), the NIC RSS
 * service (preflight, read and push of key and table) and the verification service (designed flows, the
 * re-push), which hosts are simulated (the others ask before a change), and where work and results run
 * ({@code ui} is the FX thread in the app, the calling thread in tests).
 */
public record HostWork(List<String> hosts, HostOpener opener, TuningEngine engine, NicRssService rss, VerificationService verification,
        Predicate<String> sandbox, Executor worker, Consumer<Runnable> ui) {
    public HostWork {
        hosts = List.copyOf(hosts);
    }
}
