package dev.nettune.app;

import dev.nettune.Phrase;
import dev.nettune.host.Host;
import dev.nettune.host.HostException;
import dev.nettune.host.HostKeyDecision;
import dev.nettune.monitor.DesignedResult;
import dev.nettune.monitor.DesignedTraffic;
import dev.nettune.monitor.DesignedVerdict;
import dev.nettune.monitor.DesignedVerifier;
import dev.nettune.monitor.Hping3Sender;
import dev.nettune.monitor.HostCounterReader;
import dev.nettune.monitor.NicIdentity;
import dev.nettune.monitor.RssVerifier;
import dev.nettune.monitor.TestTraffic;
import dev.nettune.monitor.TracefsPacketTracer;
import dev.nettune.monitor.TrafficSender;
import dev.nettune.monitor.VerificationResult;
import dev.nettune.sandbox.SandboxInstance;
import dev.nettune.sandbox.SandboxSender;
import dev.nettune.tuning.ApplyListener;
import dev.nettune.tuning.ApplyOptions;
import dev.nettune.tuning.ApplyResult;
import dev.nettune.tuning.Cancellation;
import dev.nettune.tuning.Plan;
import dev.nettune.tuning.Planner;
import dev.nettune.tuning.Profile;
import dev.nettune.tuning.RssRepush;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one place a verification is set up, for the CLI and the GUI alike: which sender (the sandbox's
 * for the sandbox pair, hping3 over SSH otherwise), the receiver's counters, and what the journal and
 * the host's boot say about whether the shown RSS is in effect.
 */
public final class VerificationService {
    private final AppContext context;

    public VerificationService(AppContext context) {
        this.context = context;
    }

    /** The sandbox sender for the sandbox pair; hping3 on any other sender host. */
    public TrafficSender sender(String sender, String receiver, String nic, HostOptions options) throws HostException {
        if (sender.equals(SandboxInstance.NAME)) {
            if (!receiver.equals(SandboxInstance.NAME)) {
                throw new dev.nettune.InputException(Phrase.of("monitor.verify.sender.sandboxOnly", "The sandbox sender reaches only"
                        + " the sandbox instance: pick a real sender host with hping3 for {0}.", receiver));
            }
            return new SandboxSender(context.sandboxTraffic(), nic);
        }
        return new Hping3Sender(context.hostResolver().resolve(sender, options));
    }

    /** The receiver host by name (sandbox, a saved host, an ssh alias, user@host[:port]). */
    public Host receiver(String receiver, HostOptions options) throws HostException {
        return context.hostResolver().resolve(receiver, options);
    }

    /** The designed verification (the default): flows per queue, one burst each, the cause when it fails. */
    public DesignedResult designed(Host receiver, String nic, TrafficSender sender, DesignedTraffic traffic,
            Consumer<Phrase> progress) throws HostException, InterruptedException {
        RssInEffect effect = new RssInEffect(context.tuningJournal());
        Optional<RssInEffect.Warning> warning = effect.check(receiver, nic);
        warning.ifPresent(w -> progress.accept(Phrase.of("monitor.verify.progress.note", "Note: {0}", w.said())));
        Optional<Phrase> why = warning.isPresent() ? warning.map(RssInEffect.Warning::cause) : effect.driverMayDropTheTable(receiver, nic);
        DesignedVerifier v = new DesignedVerifier(receiver, nic, new HostCounterReader(receiver, NicIdentity.read(receiver, nic)),
                d -> Thread.sleep(d.toMillis()), Duration.ofSeconds(2), Duration.ofMillis(1000),
                Optional.of(new TracefsPacketTracer(receiver, nic)));
        // The journal's key and table from before the last change: a device still using them is named so.
        RssInEffect.Previous before = effect.previous(receiver.name(), nic);
        return v.run(traffic, sender, before.key(), before.table(), new DesignedVerdict.Context(why), progress);
    }

    /**
     * The re-push of the NIC's live key and table (what {@code rss apply --force} does), planned for preview: a device
     * that ignores its table until the first {@code ethtool -X}, after boot or a channel change, uses it from then on.
     * Its profile is named in English.
     */
    public Plan planRepush(Host receiver, String nic) throws HostException, InterruptedException {
        return planRepush(receiver, nic, Locale.ENGLISH);
    }

    /**
     * {@link #planRepush(Host, String)} under a profile named and described in {@code language}: the name is journaled
     * as made, so it is made in the language of the user who pushes (the Journal and the preview show it as it is).
     */
    public Plan planRepush(Host receiver, String nic, Locale language) throws HostException, InterruptedException {
        return new Planner().planRepush(receiver, new Profile(repushName(nic).in(language),
                Phrase.of("app.verify.repushDescription", "Verify: push the live key and table again").in(language),
                RssRepush.liveEntries(receiver, nic)));
    }

    /** The name of the profile that pushes a NIC's live key and table again ("RSS re-push on eth1"). */
    public static Phrase repushName(String nic) {
        return Phrase.of("app.verify.repushName", "RSS re-push on {0}", nic);
    }

    /** Applies a planned re-push through the tuning engine: journaled (with the boot id), read back, commit-confirmed, undoable. */
    public ApplyResult repush(Host receiver, Plan plan, ApplyListener listener) throws InterruptedException {
        // A fresh connection (confirm, reconnect) never asks about a host key: the first one settled it.
        ApplyOptions options = ApplyOptions.defaults(() -> context.hostResolver().resolve(receiver.name(),
                HostOptions.defaults().withHostKeyDecision(HostKeyDecision.refuse())));
        return context.tuningEngine().apply(receiver, plan, options, listener, new Cancellation());
    }

    /** Why the key and table a NIC shows may not be in effect (a reboot since NetTune's last push, ...), if they may not. */
    public Optional<RssInEffect.Warning> rssWarning(Host host, String nic) throws HostException, InterruptedException {
        return new RssInEffect(context.tuningJournal()).check(host, nic);
    }

    /** One of the seed's scenarios (1: spread, 2: one fixed flow), labelled for what it shows. */
    public VerificationResult scenario(Host receiver, String nic, TrafficSender sender, TestTraffic traffic,
            Consumer<Phrase> progress) throws HostException, InterruptedException {
        RssVerifier v = new RssVerifier(receiver, nic, new HostCounterReader(receiver, NicIdentity.read(receiver, nic)));
        return v.run(traffic, sender, progress);
    }
}
