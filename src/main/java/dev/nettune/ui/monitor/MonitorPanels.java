package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.ui.common.View;
import java.util.List;

/**
 * The tabs below the Monitor's live charts, in order (after "Distribution and IRQs", which shows the
 * live frame itself). Add or replace a tab here; see {@link MonitorPanel} for what a tab is.
 */
public final class MonitorPanels {
    private MonitorPanels() {
    }

    /** Every tab's factory, in tab order. */
    public static List<MonitorPanel.Factory> all() {
        return List.of(MonitorPanels::verify, MonitorPanels::dpdk, MonitorPanels::recordings);
    }

    /** The seed's hping3 scenarios, judged against the live key and table. */
    static MonitorPanel verify(MonitorPanel.Context c) {
        dev.nettune.app.VerificationService service = new dev.nettune.app.VerificationService(c.app());
        VerifyViewModel model = new VerifyViewModel(c.hosts(), c.target(),
                (sender, receiver, nic) -> service.sender(sender, receiver, nic, dev.nettune.app.HostOptions.defaults()), c.tasks());
        model.onDesigned((receiver, nic, sender, traffic, progress) -> service.designed(
                service.receiver(receiver, dev.nettune.app.HostOptions.defaults()), nic,
                service.sender(sender, receiver, nic, dev.nettune.app.HostOptions.defaults()), traffic, progress));
        model.onRepush(new VerifyViewModel.Repusher() {
            @Override
            public dev.nettune.tuning.Plan plan(String host, String nic) throws Exception {
                return service.planRepush(service.receiver(host, dev.nettune.app.HostOptions.defaults()), nic, Messages.locale());
            }

            @Override
            public dev.nettune.tuning.ApplyResult apply(String host, dev.nettune.tuning.Plan plan) throws Exception {
                return service.repush(service.receiver(host, dev.nettune.app.HostOptions.defaults()), plan,
                        dev.nettune.tuning.ApplyListener.NONE);
            }
        });
        model.onProposal(c.app().rssProposals()::propose);
        model.statusProperty().addListener((o, was, is) -> c.live().statusProperty().set(is));
        return MonitorPanel.of("verify", Messages.get("monitor.tab.verify"), View.MONITOR_VERIFY.load(new VerifyController(model, c.target())), model::close);
    }

    /** testpmd / l3fwd / C configuration from the live key and table. */
    static MonitorPanel dpdk(MonitorPanel.Context c) {
        DpdkViewModel model = new DpdkViewModel(c.hosts(), c.target(), c.tasks());
        return MonitorPanel.of("dpdk", Messages.get("monitor.tab.dpdk"), View.MONITOR_DPDK.load(new DpdkController(model)), () -> { });
    }

    /** Stored recordings: list, open on the charts, compare two, export, delete. */
    static MonitorPanel recordings(MonitorPanel.Context c) {
        RecordingsViewModel model = new RecordingsViewModel(c.recordings(), c.tasks());
        model.onOpen((r, frame) -> c.live().showRecorded(frame, r.host(), r.nic(), java.util.Optional.empty()));
        // A recording stopped on the live panel appears in the list at once.
        c.live().recordingProperty().addListener((o, was, is) -> {
            if (!is) {
                model.refresh();
            }
        });
        return MonitorPanel.of("recordings", Messages.get("monitor.tab.recordings"), View.MONITOR_RECORDINGS.load(new RecordingsController(model)), () -> { });
    }
}
