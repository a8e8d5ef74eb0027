package dev.nettune.ui.monitor;

import dev.nettune.ui.common.Messages;
import dev.nettune.app.DpdkExport;
import dev.nettune.app.HostOptions;
import dev.nettune.app.HostResolver;
import dev.nettune.app.NicRssService;
import dev.nettune.linux.EthtoolRss;
import dev.nettune.rss.dpdk.L3fwdBinding;
import dev.nettune.rss.dpdk.PciAddress;
import dev.nettune.ui.common.TaskRunner;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Monitor's DPDK tab: testpmd, l3fwd and C configuration from the chosen NIC's live key and table. */
public final class DpdkViewModel {
    private final HostResolver hosts;
    private final MonitorTarget target;
    private final TaskRunner tasks;
    private final StringProperty port = new SimpleStringProperty("0");
    private final StringProperty lcores = new SimpleStringProperty("1-4");
    private final StringProperty pci = new SimpleStringProperty("0000:00:05.0");
    private final StringProperty text = new SimpleStringProperty("");

    public DpdkViewModel(HostResolver hosts, MonitorTarget target, TaskRunner tasks) {
        this.hosts = hosts;
        this.target = target;
        this.tasks = tasks;
    }

    /** Reads the key and table ({@code ethtool -x}) in the background and renders the configuration. */
    public void generate() {
        String h = target.hostProperty().get();
        String n = target.nicProperty().get();
        int p;
        List<Integer> cores;
        try {
            p = VerifyViewModel.integer("dpdkPort", port.get());
            cores = L3fwdBinding.parseLcores(lcores.get());
            PciAddress.parse(pci.get());
        } catch (IllegalArgumentException e) {
            text.set(Messages.problem(e));
            return;
        }
        String address = pci.get();
        text.set(Messages.format("monitor.dpdk.reading", n, h));
        tasks.submit(() -> {
            EthtoolRss rss = new NicRssService(hosts).read(h, n, HostOptions.defaults());
            return DpdkExport.guide(p, cores, address, rss, n, h, Messages.locale());
        }, text::set, e -> text.set(Messages.format("monitor.dpdk.failed", MonitorViewModel.message(e))));
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty lcoresProperty() {
        return lcores;
    }

    public StringProperty pciProperty() {
        return pci;
    }

    public StringProperty textProperty() {
        return text;
    }
}
